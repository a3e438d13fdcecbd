package dev.sextant.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The sessions list's deep-paging cursor: the start (or "-" for a session without one) and id of
 * the last session a page showed, as base64url. Sessions, unlike traces, may lack a start; those
 * come last, so the cursor must be able to say "among the unstarted ones".
 */
record SessionCursor(Instant startedAt, String id) {
    private static final String INVALID = "cursor is not one this server issued";
    private static final String NO_START = "-";

    String encode() {
        String plain = (startedAt == null ? NO_START : startedAt.toString()) + "\n" + id;
        return "s" + Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static SessionCursor decode(String cursor) {
        try {
            if (!cursor.startsWith("s")) {
                throw new IllegalArgumentException(INVALID);
            }
            String plain = new String(Base64.getUrlDecoder().decode(cursor.substring(1)), StandardCharsets.UTF_8);
            int newline = plain.indexOf('\n');
            if (newline < 0 || newline == plain.length() - 1) {
                throw new IllegalArgumentException(INVALID);
            }
            String start = plain.substring(0, newline);
            return new SessionCursor(NO_START.equals(start) ? null : Instant.parse(start), plain.substring(newline + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(INVALID, e);
        }
    }
}
