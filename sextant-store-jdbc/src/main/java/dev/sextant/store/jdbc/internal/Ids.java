package dev.sextant.store.jdbc.internal;

import java.security.SecureRandom;

/** Short random ids: a prefix and 16 lower-case base32 characters (80 random bits). */
final class Ids {
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix.length() + 16).append(prefix);
        for (int i = 0; i < 16; i++) {
            id.append(BASE32[RANDOM.nextInt(32)]);
        }
        return id.toString();
    }
}
