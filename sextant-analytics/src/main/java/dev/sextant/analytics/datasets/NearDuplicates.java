package dev.sextant.analytics.datasets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Near duplicates by MinHash with LSH banding. A record's features are its word 3-grams (its
 * words when it has fewer than three); {@link #HASHES} hash functions with fixed seeds give a
 * signature whose share of equal positions estimates the Jaccard similarity of two records'
 * feature sets. Signatures are cut into {@link #BANDS} bands of {@link #ROWS} rows: records that
 * agree on a whole band are candidates (at Jaccard 0.8 a pair becomes a candidate with
 * probability 1 - (1 - 0.8^4)^16 > 0.999), and a candidate is a near duplicate when its estimated
 * Jaccard reaches the threshold. Each record is compared with the earlier records that share a
 * band with it; the first qualifying one, in line order, is reported. Only the first
 * {@code cap} records are signed (memory: 256 bytes a signature plus 16 band keys).
 */
final class NearDuplicates {
    static final int HASHES = 64;
    static final int BANDS = 16;
    static final int ROWS = HASHES / BANDS;
    private static final long[] SEEDS = new SplittableRandom(0x5e87a47L).longs(HASHES).toArray();

    private final double threshold;
    private final int cap;
    private final int keep;
    private final List<int[]> signatures = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();
    private final List<LongLongMap> bands = new ArrayList<>();
    private final List<DatasetReport.SimilarPair> examples = new ArrayList<>();
    private long total;
    private boolean sampled;

    NearDuplicates(double threshold, int cap, int keep) {
        this.threshold = threshold;
        this.cap = cap;
        this.keep = keep;
        for (int b = 0; b < BANDS; b++) {
            bands.add(new LongLongMap());
        }
    }

    /** Whether this record (not an exact duplicate) is a near duplicate of an earlier one. */
    boolean accept(long line, List<String> words) {
        if (words.isEmpty()) {
            return false;
        }
        if (signatures.size() >= cap) {
            sampled = true;
            return false;
        }
        int[] signature = signature(words);
        int index = signatures.size();
        signatures.add(signature);
        lines.add(line);
        Set<Long> candidates = new HashSet<>();
        long[] keys = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long key = b;
            for (int r = 0; r < ROWS; r++) {
                key = Hashes.combine(key, signature[b * ROWS + r]);
            }
            keys[b] = key;
            long earlier = bands.get(b).get(key, -1);
            if (earlier >= 0) {
                candidates.add(earlier);
            }
        }
        long best = -1;
        double bestJaccard = 0;
        for (long c : candidates.stream().sorted().toList()) {
            double j = estimate(signatures.get((int) c), signature);
            if (j >= threshold && (best < 0 || j > bestJaccard)) {
                best = c;
                bestJaccard = j;
            }
        }
        for (int b = 0; b < BANDS; b++) {
            if (bands.get(b).get(keys[b], -1) < 0) {
                bands.get(b).put(keys[b], index);
            }
        }
        if (best < 0) {
            return false;
        }
        total++;
        if (examples.size() < keep) {
            examples.add(new DatasetReport.SimilarPair(line, lines.get((int) best), Math.round(bestJaccard * 10_000) / 10_000.0));
        }
        return true;
    }

    long total() {
        return total;
    }

    DatasetReport.NearDuplicates report() {
        return new DatasetReport.NearDuplicates(total, threshold, signatures.size(), sampled, List.copyOf(examples));
    }

    static int[] signature(List<String> words) {
        long[] min = new long[HASHES];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        int n = words.size() < 3 ? 1 : 3;
        for (int i = 0; i + n <= words.size(); i++) {
            long feature = 0;
            for (int k = 0; k < n; k++) {
                feature = Hashes.combine(feature, Hashes.of(words.get(i + k)));
            }
            for (int h = 0; h < HASHES; h++) {
                long v = Hashes.mix(feature ^ SEEDS[h]);
                if (Long.compareUnsigned(v, min[h]) < 0) {
                    min[h] = v;
                }
            }
        }
        int[] signature = new int[HASHES];
        for (int h = 0; h < HASHES; h++) {
            signature[h] = (int) (min[h] >>> 32);
        }
        return signature;
    }

    static double estimate(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }
}
