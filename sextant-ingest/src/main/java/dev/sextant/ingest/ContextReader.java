package dev.sextant.ingest;

import dev.sextant.store.context.ContextItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code context} of a trace or session body → typed context items (issue 8 item 1). The
 * context is a JSON object (or a string holding one) of type → value; a value is a string, a
 * number, a boolean, or an array of strings and numbers (a multi-valued type, one item per
 * element); null means the type is not sent. Type names match {@value #TYPE_RULE}; at most
 * {@value #MAX_TYPES} types, {@value #MAX_VALUES} values per type, strings of at most
 * {@value #MAX_STRING} characters. Problems name the value by its path ({@code context.locale},
 * {@code context.files_open[2]}).
 */
final class ContextReader {
    static final String TYPE_RULE = "[a-z][a-z0-9_.]{0,63}";
    static final int MAX_TYPES = 64;
    static final int MAX_VALUES = 256;
    static final int MAX_STRING = 512;
    private static final Pattern TYPE = Pattern.compile(TYPE_RULE);

    private ContextReader() {}

    /** The items, or null when the body has no context (or its context has problems, recorded in the reader). */
    static List<ContextItem> read(FieldReader f, JsonMapper mapper) {
        JsonNode context = f.value("context");
        if (context == null) {
            return null;
        }
        String path = f.pathOf("context");
        if (context.isString()) {
            try {
                context = mapper.readTree(context.stringValue());
            } catch (JacksonException e) {
                context = null;
            }
            if (context == null || !context.isObject()) {
                f.problems().add(path + " must be a JSON object of context type to value, was a string that is not one");
                return null;
            }
        }
        if (!context.isObject()) {
            f.problems().add(path + " must be a JSON object of context type to value, was " + FieldReader.describe(context));
            return null;
        }
        if (context.size() > MAX_TYPES) {
            f.problems().add(path + " has " + context.size() + " types, over the limit of " + MAX_TYPES);
            return null;
        }
        List<ContextItem> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : context.properties()) {
            String type = entry.getKey();
            String at = path + "." + type;
            if (!TYPE.matcher(type).matches()) {
                problems.add(path + " has the type name \"" + shorten(type) + "\", which is not allowed: type names are"
                        + " lower-case identifiers matching " + TYPE_RULE + " (e.g. git_branch, files_open)");
                continue;
            }
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                if (value.size() > MAX_VALUES) {
                    problems.add(at + " has " + value.size() + " values, over the limit of " + MAX_VALUES);
                    continue;
                }
                for (int i = 0; i < value.size(); i++) {
                    JsonNode element = value.get(i);
                    String elementAt = at + "[" + i + "]";
                    if (element.isString()) {
                        String text = string(element.stringValue(), elementAt, problems);
                        if (text != null) {
                            items.add(ContextItem.categorical(type, text));
                        }
                    } else if (element.isNumber()) {
                        BigDecimal number = number(element, elementAt, problems);
                        if (number != null) {
                            items.add(ContextItem.categorical(type, plain(number)));
                        }
                    } else {
                        problems.add(elementAt + " must be a string or a number, was " + FieldReader.describe(element));
                    }
                }
            } else if (value.isString()) {
                String text = string(value.stringValue(), at, problems);
                if (text != null) {
                    items.add(ContextItem.categorical(type, text));
                }
            } else if (value.isBoolean()) {
                items.add(ContextItem.categorical(type, Boolean.toString(value.booleanValue())));
            } else if (value.isNumber()) {
                BigDecimal number = number(value, at, problems);
                if (number != null) {
                    items.add(new ContextItem(type, plain(number), number.doubleValue()));
                }
            } else {
                problems.add(at + " must be a string, a number, a boolean or an array of strings and numbers, was "
                        + FieldReader.describe(value));
            }
        }
        problems.forEach(f.problems()::add);
        return problems.isEmpty() ? items : null;
    }

    private static String string(String text, String at, List<String> problems) {
        if (text.length() > MAX_STRING) {
            problems.add(at + " is " + text.length() + " characters long, over the limit of " + MAX_STRING);
            return null;
        }
        if (text.indexOf('\u0000') >= 0) {
            problems.add(at + " contains a NUL character (\\u0000), which PostgreSQL cannot store; remove it");
            return null;
        }
        return text;
    }

    private static BigDecimal number(JsonNode value, String at, List<String> problems) {
        BigDecimal number = value.decimalValue();
        double d = number.doubleValue();
        if (Double.isInfinite(d) || Math.abs(number.scale()) > 30 || number.precision() - number.scale() > 30) {
            problems.add(at + " must be a finite number of at most 30 digits before and after the point, was "
                    + FieldReader.describe(value));
            return null;
        }
        return number;
    }

    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
