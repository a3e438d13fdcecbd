package dev.sextant.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** The audit log's paging cursor: time and id of the last entry a page showed, as base64url. */
record AuditCursor(Instant at, String id) {
    private static final String INVALID = "cursor is not one this server issued";

    String encode() {
        String plain = at + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static AuditCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int newline = plain.indexOf('\n');
            if (newline < 0) {
                throw new IllegalArgumentException(INVALID);
            }
            return new AuditCursor(Instant.parse(plain.substring(0, newline)), plain.substring(newline + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(INVALID, e);
        }
    }
}
