package dev.sextant.server.training;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query parameters of a request whose body is a file, read from the query string alone.
 * {@code getParameterMap()} would read a body sent as {@code application/x-www-form-urlencoded}
 * (what {@code curl --data-binary} sends unless told otherwise) as form fields, consuming the
 * file before the import sees it.
 */
final class QueryString {
    private QueryString() {}

    /** @throws IllegalArgumentException (400) for a malformed percent-escape */
    static Map<String, String[]> parameters(HttpServletRequest request) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                found.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        found.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the query string has a malformed percent-escape in '"
                    + Fields.shorten(text) + "'");
        }
    }
}
