package dev.sextant.analytics.experiments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Deterministic assignment of a unit (a user, a session) to a variant of an experiment, so that the
 * API, the SDK and every server instance agree without storing the assignment, and a unit keeps its
 * variant across restarts.
 *
 * <p>The unit's bucket comes from SHA-256 of the UTF-8 bytes of {@code experimentId + ":" + unitId}:
 * the first 8 bytes of the digest, big-endian, read as an unsigned integer u in [0, 2^64), stand for
 * the point u / 2^64 in [0, 1). The bucket is floor(100 · u / 2^64), an integer from 0 to 99 computed
 * exactly in integer arithmetic, and the unit gets the first variant (in the order given) whose
 * cumulative allocation in percent exceeds its bucket. Hashing the experiment id with the unit id
 * makes assignments of different experiments independent of each other. Any other implementation
 * (an SDK in another language) reproduces the same variant from this description.
 */
public final class Assignment {
    /** One variant and its share of the traffic in whole percent (0 to 100). */
    public record Allocation(String variantId, int percent) {
        public Allocation {
            Objects.requireNonNull(variantId, "variantId");
        }
    }

    private final List<Allocation> allocations;
    private final int[] cumulative;

    /**
     * The assignment over these variants, validated: at least one variant, ids unique and not blank,
     * no percent negative or above 100, and the percents summing to exactly 100.
     *
     * @throws IllegalArgumentException saying which rule the allocation breaks
     */
    public Assignment(List<Allocation> allocations) {
        if (allocations == null || allocations.isEmpty()) {
            throw new IllegalArgumentException("the allocation must list at least one variant");
        }
        Set<String> ids = new HashSet<>();
        int[] sums = new int[allocations.size()];
        long total = 0;
        for (int i = 0; i < allocations.size(); i++) {
            Allocation a = allocations.get(i);
            if (a == null) {
                throw new IllegalArgumentException("variant " + i + " of the allocation is missing");
            }
            if (a.variantId().isBlank()) {
                throw new IllegalArgumentException("variant " + i + " of the allocation has a blank id");
            }
            if (!ids.add(a.variantId())) {
                throw new IllegalArgumentException("variant '" + a.variantId() + "' appears more than once in the allocation");
            }
            if (a.percent() < 0 || a.percent() > 100) {
                throw new IllegalArgumentException("variant '" + a.variantId() + "' has allocation " + a.percent()
                        + "%; each allocation must be between 0 and 100");
            }
            total += a.percent();
            sums[i] = (int) Math.min(total, 101);
        }
        if (total != 100) {
            throw new IllegalArgumentException("the allocations must sum to 100%, they sum to " + total + "%");
        }
        this.allocations = List.copyOf(allocations);
        this.cumulative = sums;
    }

    /** The variant id for this unit in this experiment. */
    public String variant(String experimentId, String unitId) {
        int bucket = bucket(experimentId, unitId);
        for (int i = 0; i < cumulative.length; i++) {
            if (bucket < cumulative[i]) {
                return allocations.get(i).variantId();
            }
        }
        throw new IllegalStateException("unreachable: the allocations sum to 100 and the bucket is below 100");
    }

    /** The variants in the order given. */
    public List<Allocation> allocations() {
        return allocations;
    }

    /** The bucket 0..99 of the unit: floor(100 · u / 2^64), see the class comment. */
    public static int bucket(String experimentId, String unitId) {
        return (int) Math.unsignedMultiplyHigh(hash(experimentId, unitId), 100);
    }

    /**
     * The unit's point u / 2^64 in [0, 1), rounded down to a double (the top 53 bits of u), for
     * display and tests; assignment itself uses the exact {@link #bucket}.
     */
    public static double point(String experimentId, String unitId) {
        return (hash(experimentId, unitId) >>> 11) * 0x1.0p-53;
    }

    /** The first 8 bytes of SHA-256 of {@code experimentId + ":" + unitId}, big-endian, as an (unsigned) long. */
    static long hash(String experimentId, String unitId) {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(unitId, "unitId");
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
        return u;
    }
}
