package dev.sextant.server.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;

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
        return new BodyProblem(null, "the request body is not valid JSON" + where + ": " + firstLine(jackson.getOriginalMessage()));
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
        String message = firstLine(e.getOriginalMessage());
        // Jackson names Java types ("java.math.BigDecimal"); say what the API expects instead.
        if (message.contains("from String") || message.contains("from Number") || message.contains("from Boolean")
                || message.contains("from Array") || message.contains("from Object") || message.contains("Cannot deserialize")) {
            return "has the wrong type (" + simplify(message) + ")";
        }
        return simplify(message);
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
