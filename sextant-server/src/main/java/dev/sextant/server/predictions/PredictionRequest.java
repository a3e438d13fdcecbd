package dev.sextant.server.predictions;

import dev.sextant.analytics.predictions.PredictionFeatures;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/predictions/{target}}: {@code {"features": {...}}}. Text
 * features are strings of at most {@value #MAX_TEXT} characters; {@code hour_of_day} (0-23),
 * {@code weekday} (1 = Monday ... 7) and {@code input_length} (characters) whole numbers;
 * {@code context} an object of context types (as sent with a trace), each a string, number,
 * boolean or a list of them (ingestion's limits). Null is "not known". Every problem is reported at once, each at its
 * JSON pointer; unknown feature names are refused by name.
 */
record PredictionRequest(Map<String, String> categories, Map<String, Double> numbers, Set<String> indicators) {
    static final int MAX_TEXT = 256;
    static final int MAX_CONTEXT_TYPES = 64;
    /** The context limits and type rule are ingestion's (ContextReader), so what can be sent can be asked about. */
    static final int MAX_CONTEXT_VALUES = 256;
    static final int MAX_CONTEXT_TEXT = 512;
    private static final String KNOWN = String.join(", ", new TreeSet<>(names()));

    private static Set<String> names() {
        Set<String> names = new HashSet<>(PredictionFeatures.CATEGORIES);
        names.addAll(PredictionFeatures.INTEGERS.keySet());
        names.add("context");
        return names;
    }

    static PredictionRequest validated(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidRequestException.of(FieldProblem.field("body", "the body must be a JSON object such as"
                    + " {\"features\": {\"agent_id\": \"support-bot\", \"input_length\": 120}}, was "
                    + (body == null ? "empty" : kind(body))));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!name.equals("features")) {
                problems.add(FieldProblem.field(printable(name), "unknown field '" + printable(name)
                        + "'; the body has one field, features"));
            }
        }
        JsonNode features = body.get("features");
        if (features == null || features.isNull()) {
            problems.add(FieldProblem.field("features", "features is required (an object; {} when nothing is known)"));
        } else if (!features.isObject()) {
            problems.add(FieldProblem.field("features", "features must be an object, was " + kind(features)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Map<String, String> categories = new HashMap<>();
        Map<String, Double> numbers = new HashMap<>();
        Set<String> indicators = new HashSet<>();
        for (Map.Entry<String, JsonNode> f : features.properties()) {
            String name = f.getKey();
            JsonNode value = f.getValue();
            String pointer = "/features/" + name.replace("~", "~0").replace("/", "~1");
            if (value.isNull()) {
                continue;
            }
            if (PredictionFeatures.CATEGORIES.contains(name)) {
                if (!value.isString()) {
                    problems.add(FieldProblem.at("features", pointer, name + " must be a string, was " + kind(value)));
                } else if (text(value.stringValue(), name, pointer, MAX_TEXT, problems)) {
                    categories.put(name, value.stringValue());
                }
            } else if (PredictionFeatures.INTEGERS.containsKey(name)) {
                int[] range = PredictionFeatures.INTEGERS.get(name);
                if (!value.isIntegralNumber()) {
                    problems.add(FieldProblem.at("features", pointer, name + " must be a whole number, was " + kind(value)));
                } else if (!value.canConvertToInt() || value.intValue() < range[0] || value.intValue() > range[1]) {
                    problems.add(FieldProblem.at("features", pointer, name + " must be between " + range[0] + " and "
                            + range[1] + ", was " + abbreviated(value.toString())));
                } else if (name.equals("input_length")) {
                    numbers.put(name, (double) value.intValue());
                } else {
                    categories.put(name, Integer.toString(value.intValue()));
                }
            } else if (name.equals("context")) {
                context(value, pointer, indicators, numbers, problems);
            } else {
                problems.add(FieldProblem.at("features", pointer, "unknown feature '" + printable(name)
                        + "'; the features are " + KNOWN));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new PredictionRequest(categories, numbers, indicators);
    }

    private static void context(JsonNode value, String pointer, Set<String> indicators, Map<String, Double> numbers,
            List<FieldProblem> problems) {
        if (!value.isObject()) {
            problems.add(FieldProblem.at("features", pointer, "context must be an object of context types, was "
                    + kind(value)));
            return;
        }
        if (value.size() > MAX_CONTEXT_TYPES) {
            problems.add(FieldProblem.at("features", pointer, "context has " + value.size()
                    + " types, over the limit of " + MAX_CONTEXT_TYPES));
            return;
        }
        for (Map.Entry<String, JsonNode> item : value.properties()) {
            String type = item.getKey();
            String at = pointer + "/" + type.replace("~", "~0").replace("/", "~1");
            if (!type.matches("[a-z][a-z0-9_.]{0,63}")) {
                problems.add(FieldProblem.at("features", at, "context type '" + printable(type)
                        + "' must match [a-z][a-z0-9_.]{0,63}, as when it is sent"));
                continue;
            }
            JsonNode v = item.getValue();
            if (v.isNull()) {
                continue;
            }
            if (v.isNumber()) {
                if (!Double.isFinite(v.doubleValue())) {
                    problems.add(FieldProblem.at("features", at, "context " + type + " must be a finite number"));
                } else {
                    numbers.put(ContextFeatures.PREFIX + type, v.doubleValue());
                }
            } else if (v.isArray()) {
                if (v.size() > MAX_CONTEXT_VALUES) {
                    problems.add(FieldProblem.at("features", at, "context " + type + " has " + v.size()
                            + " values, over the limit of " + MAX_CONTEXT_VALUES));
                    continue;
                }
                for (int i = 0; i < v.size(); i++) {
                    String text = scalar(v.get(i), at + "/" + i, type, problems);
                    if (text != null) {
                        indicators.add(ContextFeatures.PREFIX + type + "=" + text);
                    }
                }
            } else {
                String text = scalar(v, at, type, problems);
                if (text != null) {
                    indicators.add(ContextFeatures.PREFIX + type + "=" + text);
                }
            }
        }
    }

    /** A context value as the context store keeps its text: strings as sent, booleans and plain numbers. */
    private static String scalar(JsonNode v, String at, String type, List<FieldProblem> problems) {
        if (v.isString()) {
            return text(v.stringValue(), "context " + type, at, MAX_CONTEXT_TEXT, problems) ? v.stringValue() : null;
        }
        if (v.isBoolean()) {
            return Boolean.toString(v.booleanValue());
        }
        if (v.isNumber() && Double.isFinite(v.doubleValue())) {
            return new BigDecimal(v.asString()).stripTrailingZeros().toPlainString();
        }
        problems.add(FieldProblem.at("features", at, "context " + type
                + " values must be strings, numbers or booleans, was " + kind(v)));
        return null;
    }

    private static boolean text(String value, String name, String pointer, int max, List<FieldProblem> problems) {
        if (value.length() > max) {
            problems.add(FieldProblem.at("features", pointer, name + " is " + value.length()
                    + " characters, over the limit of " + max));
            return false;
        }
        if (value.indexOf('\u0000') >= 0) {
            problems.add(FieldProblem.at("features", pointer, name + " contains a NUL character (\\u0000)"));
            return false;
        }
        return true;
    }

    private static String kind(JsonNode value) {
        if (value.isString()) {
            return "the string " + abbreviated(value.toString());
        }
        if (value.isNumber()) {
            return "the number " + abbreviated(value.toString());
        }
        return value.getNodeType().name().toLowerCase(Locale.ROOT).replace("boolean", "a boolean")
                .replace("array", "an array").replace("object", "an object");
    }

    private static String abbreviated(String text) {
        return printable(text);
    }

    /** A client's text in our message: at most 60 characters, control characters shown as '?'. */
    private static String printable(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
