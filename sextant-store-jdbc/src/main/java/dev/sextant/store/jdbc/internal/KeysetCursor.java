package dev.sextant.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque deep-paging cursor: the start time and id of the last trace a page showed, as
 * base64url. The next page continues strictly after it in (started_at desc, id desc) order.
 */
record KeysetCursor(Instant startedAt, String id) {
    private static final String INVALID = "cursor is not one this server issued";

    String encode() {
        String plain = startedAt + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static KeysetCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int newline = plain.indexOf('\n');
            if (newline < 0) {
                throw new IllegalArgumentException(INVALID);
            }
            return new KeysetCursor(Instant.parse(plain.substring(0, newline)), plain.substring(newline + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(INVALID, e);
        }
    }
}
