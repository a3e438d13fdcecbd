package dev.sextant.server.experiments;

import dev.sextant.server.web.TextFields;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.ExperimentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/experiments/{id}/conclude}, read as a tree because an absent
 * {@code winner} (take the results' verdict) differs from {@code "winner": null} (no difference):
 * {@code {"winner"?: variant id | null, "note"?: text}}; no body at all is the same as {@code {}}.
 */
record ConcludeBody(boolean winnerGiven, String winner, String note) {
    static final int MAX_NOTE = 4000;

    static ConcludeBody validated(JsonNode body, ExperimentSpec spec) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            return new ConcludeBody(false, null, null);
        }
        if (!body.isObject()) {
            throw InvalidRequestException.of(FieldProblem.field("body", "the body must be a JSON object such as"
                    + " {\"winner\": \"short\", \"note\": \"...\"}, was " + kind(body)));
        }
        List<FieldProblem> problems = new ArrayList<>();
        boolean winnerGiven = false;
        String winner = null;
        String note = null;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "winner" -> {
                    winnerGiven = true;
                    if (value.isString() && spec.variants().stream().anyMatch(v -> v.id().equals(value.asString()))) {
                        winner = value.asString();
                    } else if (!value.isNull()) {
                        problems.add(FieldProblem.field("winner", "winner must be one of the experiment's variants ("
                                + String.join(", ", spec.variants().stream().map(ExperimentSpec.Variant::id).toList())
                                + ") or null for no difference, was " + shown(value)));
                    }
                }
                case "note" -> {
                    if (value.isString()) {
                        note = TextFields.text("note", value.asString(), MAX_NOTE, false, problems);
                    } else if (!value.isNull()) {
                        problems.add(FieldProblem.field("note", "note must be a string, was " + kind(value)));
                    }
                }
                default -> problems.add(FieldProblem.field(ExperimentBody.shorten(printable(name)), "unknown field '"
                        + ExperimentBody.shorten(printable(name)) + "'; a conclusion has winner and note"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new ConcludeBody(winnerGiven, winner, note);
    }

    private static String shown(JsonNode value) {
        return value.isString() ? "'" + ExperimentBody.shorten(printable(value.asString())) + "'" : kind(value);
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
