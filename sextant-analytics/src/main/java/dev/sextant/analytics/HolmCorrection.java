package dev.sextant.analytics;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of several p-values tested together (Holm 1979): sorted ascending,
 * the i-th smallest (0-based) of m is multiplied by m − i, kept at least as large as the one
 * before and capped at 1. An adjusted p-value below α rejects with the family-wise error rate
 * held at α. The same figures as R's {@code p.adjust(p, "holm")}.
 */
public final class HolmCorrection {
    private HolmCorrection() {
    }

    /** The adjusted p-values, in the order given; NaN is refused. */
    public static double[] adjust(double... p) {
        for (double v : p) {
            if (Double.isNaN(v) || v < 0 || v > 1) {
                throw new IllegalArgumentException("p-values must be between 0 and 1, was " + v);
            }
        }
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            running = Math.max(running, Math.min(1.0, (m - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
