package dev.sextant.server.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * An API key's secret. Generated ones are {@code sk-sx-} + 32 base62 characters (~190 random
 * bits), so a fast unsalted SHA-256 is a sound way to store them (see RATIONALE.md).
 */
public record KeySecret(String value) {
    public static final int PREFIX_LENGTH = 12;
    private static final String GENERATED_PREFIX = "sk-sx-";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    public KeySecret {
        if (value == null || !value.startsWith("sk-") || value.length() < 20) {
            throw new IllegalArgumentException("an API key must start with 'sk-' and be at least 20 characters long");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("an API key may hold only visible ASCII characters");
            }
        }
    }

    public static KeySecret generate() {
        StringBuilder secret = new StringBuilder(GENERATED_PREFIX);
        for (int i = 0; i < 32; i++) {
            secret.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return new KeySecret(secret.toString());
    }

    public String hash() {
        return sha256(value);
    }

    /** What lists show to tell keys apart; never enough to use the key. */
    public String prefix() {
        return value.substring(0, PREFIX_LENGTH);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "KeySecret[" + prefix() + "...]";
    }
}
