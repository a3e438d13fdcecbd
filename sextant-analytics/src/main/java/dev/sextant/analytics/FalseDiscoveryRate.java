package dev.sextant.analytics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini-Hochberg adjusted p-values (q-values): sorted ascending, q(i) = min over j >= i of
 * m p(j) / j, capped at 1. A hypothesis is a discovery at level alpha when its q-value is at most
 * alpha; this keeps the expected share of false discoveries among them at most alpha.
 */
public final class FalseDiscoveryRate {
    private FalseDiscoveryRate() {
    }

    /** The adjusted p-values, in the order of the input. */
    public static double[] benjaminiHochberg(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            double p = pValues[i];
            if (Double.isNaN(p) || p < 0 || p > 1) {
                throw new IllegalArgumentException("p-value " + i + " must be between 0 and 1, was " + p);
            }
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, pValues[i] * m / rank);
            adjusted[i] = running;
        }
        return adjusted;
    }
}
