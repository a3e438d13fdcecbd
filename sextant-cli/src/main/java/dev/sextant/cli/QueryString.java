package dev.sextant.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code ?name=value&...} from a parameter map, URL-encoded, null values left out. */
final class QueryString {
    private QueryString() {}

    static String of(Map<String, String> parameters) {
        StringBuilder q = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null) {
                q.append(q.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }
}
