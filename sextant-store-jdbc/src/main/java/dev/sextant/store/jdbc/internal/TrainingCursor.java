package dev.sextant.store.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging cursors of training reads: two parts of the last row a page showed, as
 * base64url text. Runs page by (created_at as epoch micros, id); points by (step, seq).
 */
record TrainingCursor(String first, String second) {
    private static final String INVALID = "cursor is not one this server issued";

    String encode() {
        String plain = first + "\n" + second;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static TrainingCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int newline = plain.indexOf('\n');
            if (newline < 0) {
                throw new IllegalArgumentException(INVALID);
            }
            return new TrainingCursor(plain.substring(0, newline), plain.substring(newline + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(INVALID, e);
        }
    }

    long firstLong() {
        try {
            return Long.parseLong(first);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(INVALID, e);
        }
    }

    long secondLong() {
        try {
            return Long.parseLong(second);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(INVALID, e);
        }
    }
}
