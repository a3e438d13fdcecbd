package dev.sextant.analytics.context.patterns;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Fisher's exact test, two-sided, with the same definition as
 * {@link dev.sextant.analytics.FisherExactTest} (the sum of the probabilities of every table at most
 * as probable as the observed one, within a relative 1e-7) but without visiting the whole support:
 * the hypergeometric distribution is unimodal, so those tables form two tails, found by binary search
 * on each side of the mode and summed outward with the ratio of consecutive probabilities until the
 * terms no longer change the sum. The miner runs one test per frequent itemset, where the support
 * can span tens of thousands of tables.
 */
final class FisherTails {
    private static final double RELATIVE_ERROR = 1e-7;
    private static final double NEGLIGIBLE = 1e-17;

    private FisherTails() {}

    /** Two-sided p of {@code [[a, b], [c, d]]}: rows with / without the itemset, columns success / failure. */
    static double twoSided(long a, long b, long c, long d) {
        long total = a + b + c + d;
        if (total == 0) {
            return 1.0;
        }
        int n = Math.toIntExact(total);
        int successes = Math.toIntExact(a + c);
        int sample = Math.toIntExact(a + b);
        HypergeometricDistribution h = new HypergeometricDistribution(null, n, successes, sample);
        int lo = h.getSupportLowerBound();
        int hi = h.getSupportUpperBound();
        double threshold = h.logProbability((int) a) + Math.log1p(RELATIVE_ERROR);
        int mode = (int) Math.min(hi, Math.max(lo, (long) (sample + 1) * (successes + 1) / (n + 2L)));
        // left tail: the largest k <= mode with log P(k) <= threshold (P rises up to the mode)
        int left = lo - 1;
        for (int from = lo, to = mode; from <= to;) {
            int mid = (from + to) >>> 1;
            if (h.logProbability(mid) <= threshold) {
                left = mid;
                from = mid + 1;
            } else {
                to = mid - 1;
            }
        }
        // right tail: the smallest k > mode with log P(k) <= threshold (P falls after the mode)
        int right = hi + 1;
        for (int from = mode + 1, to = hi; from <= to;) {
            int mid = (from + to) >>> 1;
            if (h.logProbability(mid) <= threshold) {
                right = mid;
                to = mid - 1;
            } else {
                from = mid + 1;
            }
        }
        double p = 0;
        if (left >= lo) {
            p += tail(h, n, successes, sample, left, lo, -1);
        }
        if (right <= hi) {
            p += tail(h, n, successes, sample, right, hi, +1);
        }
        return Math.min(1.0, p);
    }

    /** P(start) + P(start + step) + ... up to {@code end}, stopping once a term is negligible. */
    private static double tail(HypergeometricDistribution h, int n, int successes, int sample, int start, int end,
            int step) {
        double first = Math.exp(h.logProbability(start));
        double relative = 1.0;
        double sum = 1.0;
        for (int k = start; k != end && relative > NEGLIGIBLE * sum;) {
            // P(k+1)/P(k) = (K-k)(n-k) / ((k+1)(N-K-n+k+1)); going down, its inverse at k-1
            double up;
            if (step > 0) {
                up = (double) (successes - k) * (sample - k) / ((double) (k + 1) * (n - successes - sample + k + 1));
                relative *= up;
            } else {
                up = (double) (successes - k + 1) * (sample - k + 1) / ((double) k * (n - successes - sample + k));
                relative /= up;
            }
            k += step;
            sum += relative;
        }
        return first * sum;
    }
}
