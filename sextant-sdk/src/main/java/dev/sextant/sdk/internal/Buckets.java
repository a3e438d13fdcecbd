package dev.sextant.sdk.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The server's assignment hash, reproduced from its description in docs/API.md ("Assignment"),
 * since the SDK depends on no server module: SHA-256 of the UTF-8 bytes of
 * {@code experimentId + ":" + unitId}; the first 8 bytes, big-endian, as an unsigned integer u;
 * bucket = floor(100 · u / 2^64); the unit gets the first variant whose cumulative allocation
 * exceeds its bucket. A test checks this copy against the server's on 10,000 unit ids.
 */
public final class Buckets {
    private Buckets() {}

    /** The bucket 0..99 of the unit in the experiment. */
    public static int bucket(String experimentId, String unitId) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256")
                    .digest((experimentId + ":" + unitId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
        long u = 0;
        for (int i = 0; i < 8; i++) {
            u = (u << 8) | (digest[i] & 0xFF);
        }
        // the high 64 bits of the unsigned product u * 100 (Math.unsignedMultiplyHigh is Java 18+)
        return (int) (Math.multiplyHigh(u, 100) + (u < 0 ? 100 : 0));
    }

    /** The index of the variant the bucket falls in, for allocations (whole percents) summing to 100; -1 if they do not cover it. */
    public static int variantIndex(int bucket, List<Integer> allocations) {
        int cumulative = 0;
        for (int i = 0; i < allocations.size(); i++) {
            cumulative += allocations.get(i);
            if (bucket < cumulative) {
                return i;
            }
        }
        return -1;
    }
}
