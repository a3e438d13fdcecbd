package dev.sextant.server.retention;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.RetentionKind;
import dev.sextant.store.RetentionSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /api/v1/retention}: an object naming any of the kinds, each a whole
 * number of days (1 to 36500) or null for "keep forever". A field that is absent keeps its
 * setting; that is why the body is read as a tree (absent and null differ). Every wrong field
 * is reported at once and nothing is changed.
 */
final class RetentionBody {
    static final int MAX_FIELDS = 16;

    private RetentionBody() {}

    static List<RetentionSetting> validated(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidRequestException.of(FieldProblem.field("body", "the body must be a JSON object such as"
                    + " {\"traces\": 365, \"payloads\": 30, \"scores\": null}, was "
                    + (body == null ? "empty" : body.getNodeType().name().toLowerCase(java.util.Locale.ROOT))));
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<RetentionSetting> settings = new ArrayList<>();
        if (body.size() > MAX_FIELDS) {
            throw InvalidRequestException.of(FieldProblem.field("body", "the body has " + body.size()
                    + " fields; it names at most the kinds traces, payloads, scores, training_metrics"));
        }
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            RetentionKind kind;
            try {
                kind = RetentionKind.fromWire(name);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.field(printable(name), "unknown kind '" + printable(name)
                        + "': the kinds are traces, payloads, scores, training_metrics"));
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                settings.add(new RetentionSetting(kind, null));
            } else if (!value.isIntegralNumber()) {
                problems.add(FieldProblem.field(name, name + " must be a whole number of days (1 to "
                        + RetentionSetting.MAX_DAYS + ") or null to keep forever, was " + kindOf(value)));
            } else if (!value.canConvertToInt() || value.intValue() < 1 || value.intValue() > RetentionSetting.MAX_DAYS) {
                problems.add(FieldProblem.field(name, name + " must be between 1 and " + RetentionSetting.MAX_DAYS
                        + " days (or null to keep forever), was " + abbreviated(value.toString())));
            } else {
                settings.add(new RetentionSetting(kind, value.intValue()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return settings;
    }

    private static String kindOf(JsonNode value) {
        if (value.isString()) {
            return "the string " + abbreviated(value.toString());
        }
        if (value.isNumber()) {
            return "the fraction " + abbreviated(value.toString());
        }
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT).replace("boolean", "a boolean")
                .replace("array", "an array").replace("object", "an object");
    }

    /** A client's text in our message: at most 60 characters, control characters shown as '?'. */
    private static String printable(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    private static String abbreviated(String text) {
        return printable(text);
    }
}
