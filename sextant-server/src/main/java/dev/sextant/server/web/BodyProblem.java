package dev.sextant.server.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns Jackson's reading failures into a sentence a person can act on: which field, what was
 * wrong, where in the body. Never echoes parser internals or class names.
 */
record BodyProblem(String field, String detail) {

    static BodyProblem describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException) && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return new BodyProblem(null, "the request body is missing or unreadable; send a JSON object");
        }
        JacksonException jackson = (JacksonException) cause;
        String where = location(jackson.getLocation());
        if (jackson instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = pathOf(databind);
            String reason = reason(databind);
            return new BodyProblem(field, field + ": " + reason + where);
        }
        if (jackson instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new BodyProblem(null, "the request body must be " + expected(mismatch.getTargetType())
                    + ", was " + actual(mismatch) + where);
        }
        return new BodyProblem(null, "the request body is not valid JSON" + where + ": " + parserReason(jackson));
    }

    private static String pathOf(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reason(DatabindException e) {
        Throwable root = e.getCause();
        if (root instanceof IllegalArgumentException || root instanceof NullPointerException) {
            return root.getMessage();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            Object value = format.getValue();
            return "must be " + expected(format.getTargetType()) + ", was "
                    + (value instanceof String text ? "'" + text + "'" : String.valueOf(value));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType()) + ", was " + actual(mismatch);
        }
        String message = firstLine(e.getOriginalMessage());
        // Jackson names Java types ("java.math.BigDecimal"); say what the API expects instead.
        if (message.contains("from String") || message.contains("from Number") || message.contains("from Boolean")
                || message.contains("from Array") || message.contains("from Object") || message.contains("Cannot deserialize")) {
            return "has the wrong type (" + simplify(message) + ")";
        }
        return simplify(message);
    }

    /** What the API expects, in JSON words, for the Java type Jackson was asked to make. */
    private static String expected(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) {
            return "a number";
        }
        if (java.time.LocalDate.class == type) {
            return "a date like 2026-11-01";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 time like 2026-11-01T10:00:00Z";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT);
        }
        return "an object";
    }

    /** What the client sent instead, from the token Jackson stopped at. */
    private static String actual(MismatchedInputException e) {
        JsonToken token = e.getCurrentToken();
        if (token == null) {
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            for (String shape : new String[] {"String", "Array", "Object", "Boolean", "Integer", "Floating-point", "Number"}) {
                if (message.contains("from " + shape)) {
                    return shape.equals("Array") || shape.equals("Object") || shape.equals("Integer")
                            ? "an " + shape.toLowerCase(java.util.Locale.ROOT) : "a " + shape.toLowerCase(java.util.Locale.ROOT);
                }
            }
            return "something else";
        }
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY, END_ARRAY -> "an array";
            case START_OBJECT, END_OBJECT, PROPERTY_NAME -> "an object";
            default -> "something else";
        };
    }

    /** Jackson's parser message without the parts that describe its own source buffer. */
    private static String parserReason(JacksonException e) {
        return firstLine(e.getOriginalMessage())
                .replaceAll("\\s*\\(start marker at \\[Source:.*$", "")
                .replaceAll("\\s*\\[Source:.*$", "");
    }

    private static String simplify(String message) {
        return message.replaceAll("`?(?:[a-z]+\\.)+([A-Z][A-Za-z0-9]*)(?:\\$[A-Za-z0-9]+)*`?", "$1");
    }

    private static String location(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
