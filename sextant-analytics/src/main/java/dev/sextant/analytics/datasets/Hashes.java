package dev.sextant.analytics.datasets;

/**
 * 64-bit hashes with fixed constants (no per-run seed), so the same text gets the same hash in
 * every process and the report is reproducible: FNV-1a over UTF-16 units, then the SplitMix64
 * finaliser to spread the bits.
 */
final class Hashes {
    private Hashes() {}

    static long of(CharSequence text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h ^ text.length());
    }

    /** Combines a hash with another value (the next word of an n-gram). */
    static long combine(long h, long next) {
        return mix(h * 31 + next);
    }

    /** SplitMix64's finaliser: a bijection of 64-bit values with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
