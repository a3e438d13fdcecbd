package dev.sextant.server.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * What the request presents as its key: {@code Authorization: Bearer <key>} or
 * {@code X-API-Key: <key>}. {@link #absent()} when neither header is there.
 */
sealed interface Credentials {

    record Absent() implements Credentials {}

    record Garbled(String why) implements Credentials {}

    record Presented(KeySecret secret) implements Credentials {}

    static Credentials absent() {
        return new Absent();
    }

    static Credentials from(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        String apiKey = request.getHeader("X-API-Key");
        if (authorization == null && apiKey == null) {
            return absent();
        }
        String token;
        if (authorization != null) {
            int space = authorization.indexOf(' ');
            String scheme = space < 0 ? authorization : authorization.substring(0, space);
            if (!scheme.toLowerCase(Locale.ROOT).equals("bearer")) {
                return new Garbled("the Authorization header must be 'Bearer <API key>'");
            }
            token = space < 0 ? "" : authorization.substring(space + 1).strip();
        } else {
            token = apiKey.strip();
        }
        if (token.isEmpty()) {
            return new Garbled("the API key is empty");
        }
        try {
            return new Presented(new KeySecret(token));
        } catch (IllegalArgumentException e) {
            return new Garbled("the API key is malformed: " + e.getMessage());
        }
    }
}
