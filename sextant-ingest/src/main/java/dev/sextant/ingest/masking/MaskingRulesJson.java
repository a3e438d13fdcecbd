package dev.sextant.ingest.masking;

import dev.sextant.pii.CustomPattern;
import dev.sextant.pii.MaskAction;
import dev.sextant.pii.MaskTarget;
import dev.sextant.pii.MaskingRule;
import dev.sextant.pii.MaskingRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masking rules as JSON, the same shape on the wire and in the store:
 * {@code {"detectors": {"email": {"action": "hash", "applies_to": ["inputs"]}}, "custom": [{"name",
 * "pattern", "action", "applies_to"}], "hash_user_ids": false}}. A built-in detector left out keeps
 * its default; {@code applies_to} left out means everywhere. Reading reports every problem at
 * once, each with its JSON pointer.
 */
public final class MaskingRulesJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TOP = Set.of("detectors", "custom", "hash_user_ids");
    private static final Set<String> RULE = Set.of("action", "applies_to");
    private static final Set<String> CUSTOM = Set.of("name", "pattern", "action", "applies_to");

    /** One thing wrong, where (a JSON pointer) and why. */
    public record Problem(String pointer, String message) {}

    /** The rules, or the problems (then {@code rules} is null). */
    public record Read(MaskingRules rules, List<Problem> problems) {}

    private MaskingRulesJson() {}

    public static Read read(JsonNode body) {
        List<Problem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            problems.add(new Problem("", "the body must be a JSON object such as {\"detectors\": {\"email\": {\"action\":"
                    + " \"mask\"}}, \"custom\": [], \"hash_user_ids\": false}"));
            return new Read(null, problems);
        }
        unknown(body, TOP, "", problems);
        Map<String, MaskingRule> builtIn = new LinkedHashMap<>();
        JsonNode detectors = body.get("detectors");
        if (detectors != null && !detectors.isNull()) {
            if (!detectors.isObject()) {
                problems.add(new Problem("/detectors", "detectors must be an object keyed by detector name"));
            } else {
                for (var field : detectors.properties()) {
                    String name = field.getKey();
                    String at = "/detectors/" + pointerEscape(name);
                    if (MaskingRules.BUILT_IN.stream().noneMatch(k -> k.wire().equals(name))) {
                        problems.add(new Problem(at, "unknown detector '" + printable(name) + "': the built-in detectors"
                                + " are api_key, email, payment_card, ip_address, phone (custom patterns go in custom)"));
                        continue;
                    }
                    MaskingRule rule = rule(name, null, field.getValue(), at, RULE, problems);
                    if (rule != null) {
                        builtIn.put(name, rule);
                    }
                }
            }
        }
        List<MaskingRule> custom = new ArrayList<>();
        JsonNode customs = body.get("custom");
        if (customs != null && !customs.isNull()) {
            if (!customs.isArray()) {
                problems.add(new Problem("/custom", "custom must be an array of {name, pattern, action, applies_to}"));
            } else if (customs.size() > MaskingRules.MAX_CUSTOM) {
                problems.add(new Problem("/custom", "custom holds " + customs.size() + " patterns, over the limit of "
                        + MaskingRules.MAX_CUSTOM));
            } else {
                Set<String> names = new HashSet<>();
                for (int i = 0; i < customs.size(); i++) {
                    MaskingRule rule = customRule(customs.get(i), "/custom/" + i, names, problems);
                    if (rule != null) {
                        custom.add(rule);
                    }
                }
            }
        }
        boolean hashUserIds = false;
        JsonNode hash = body.get("hash_user_ids");
        if (hash != null && !hash.isNull()) {
            if (!hash.isBoolean()) {
                problems.add(new Problem("/hash_user_ids", "hash_user_ids must be true or false"));
            } else {
                hashUserIds = hash.booleanValue();
            }
        }
        return problems.isEmpty() ? new Read(MaskingRules.of(builtIn, custom, hashUserIds), List.of())
                : new Read(null, problems);
    }

    private static MaskingRule customRule(JsonNode node, String at, Set<String> names, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(at, "a custom pattern must be an object {name, pattern, action, applies_to}"));
            return null;
        }
        int before = problems.size();
        JsonNode name = node.get("name");
        String n = null;
        if (name == null || !name.isString()) {
            problems.add(new Problem(at + "/name", "name is required: a string such as \"order_ref\""));
        } else {
            n = name.asString();
            String finalN = n;
            CustomPattern.nameProblem(n).ifPresent(p -> problems.add(new Problem(at + "/name", p + ", was '"
                    + printable(finalN) + "'")));
            if (!names.add(n)) {
                problems.add(new Problem(at + "/name", "the name '" + printable(n) + "' is used twice"));
            }
        }
        JsonNode pattern = node.get("pattern");
        String p = null;
        if (pattern == null || !pattern.isString()) {
            problems.add(new Problem(at + "/pattern", "pattern is required: a Java regular expression as a string"));
        } else {
            p = pattern.asString();
            CustomPattern.problem(p).ifPresent(why -> problems.add(new Problem(at + "/pattern", why)));
        }
        MaskingRule rule = rule(n == null ? "custom" : n, p, node, at, CUSTOM, problems);
        return problems.size() == before ? rule : null;
    }

    private static MaskingRule rule(String name, String pattern, JsonNode node, String at, Set<String> allowed,
            List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(new Problem(at, "a rule must be an object such as {\"action\": \"mask\", \"applies_to\":"
                    + " [\"inputs\", \"outputs\", \"attributes\"]}"));
            return null;
        }
        int before = problems.size();
        unknown(node, allowed, at, problems);
        MaskAction action = null;
        JsonNode a = node.get("action");
        if (a == null || !a.isString()) {
            problems.add(new Problem(at + "/action", "action is required: one of off, mask, hash, drop"));
        } else {
            try {
                action = MaskAction.fromWire(a.asString());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(at + "/action", "unknown action '" + printable(a.asString()) + "': "
                        + e.getMessage()));
            }
        }
        Set<MaskTarget> targets = EnumSet.allOf(MaskTarget.class);
        JsonNode to = node.get("applies_to");
        if (to != null && !to.isNull()) {
            targets = EnumSet.noneOf(MaskTarget.class);
            if (!to.isArray() || to.size() > 3) {
                problems.add(new Problem(at + "/applies_to", "applies_to must be an array of inputs, outputs, attributes"));
            } else {
                for (int i = 0; i < to.size(); i++) {
                    JsonNode t = to.get(i);
                    try {
                        targets.add(MaskTarget.fromWire(t.isString() ? t.asString() : String.valueOf(t)));
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(at + "/applies_to/" + i, "unknown target " + printable(String.valueOf(t))
                                + ": " + e.getMessage()));
                    }
                }
            }
        }
        if (problems.size() != before) {
            return null;
        }
        return new MaskingRule(name, action, action == MaskAction.OFF ? Set.of() : targets, pattern);
    }

    private static void unknown(JsonNode node, Set<String> allowed, String at, List<Problem> problems) {
        for (String field : node.propertyNames()) {
            if (!allowed.contains(field)) {
                problems.add(new Problem(at + "/" + pointerEscape(field), "unknown field '" + printable(field)
                        + "'; the fields are " + String.join(", ", allowed.stream().sorted().toList())));
            }
        }
    }

    /** The rules as JSON text, every detector written out. */
    public static String write(MaskingRules rules) {
        return JSON.writeValueAsString(tree(rules));
    }

    public static ObjectNode tree(MaskingRules rules) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode detectors = out.putObject("detectors");
        ArrayNode custom = out.putArray("custom");
        for (MaskingRule r : rules.rules()) {
            ObjectNode node = r.custom() ? custom.addObject() : detectors.putObject(r.detector());
            if (r.custom()) {
                node.put("name", r.detector());
                node.put("pattern", r.pattern());
            }
            node.put("action", r.action().wire());
            ArrayNode to = node.putArray("applies_to");
            EnumSet.copyOf(r.appliesTo().isEmpty() ? EnumSet.noneOf(MaskTarget.class) : EnumSet.copyOf(r.appliesTo()))
                    .forEach(t -> to.add(t.wire()));
        }
        out.put("hash_user_ids", rules.hashUserIds());
        return out;
    }

    /** Stored rules back (they were checked when saved); the defaults if the text no longer reads. */
    public static MaskingRules parseStored(String json) {
        Read read = read(JSON.readTree(json));
        return read.rules() != null ? read.rules() : MaskingRules.defaults();
    }

    private static String pointerEscape(String name) {
        return printable(name).replace("~", "~0").replace("/", "~1");
    }

    /** A client's text in our message: at most 60 characters, control characters shown as '?'. */
    static String printable(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
