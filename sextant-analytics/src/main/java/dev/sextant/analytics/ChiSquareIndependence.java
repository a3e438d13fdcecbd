package dev.sextant.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Pearson's chi-square test of independence (Commons Math {@link ChiSquareTest}, no continuity
 * correction) on a contingency table of categories (rows) by outcome classes (columns). It is
 * only run when it is reliable: at least two categories, every outcome class seen, and every
 * expected count at least {@link #MIN_EXPECTED} (Cochran's rule in its strict form). Rows without
 * any observation are left out first.
 */
public final class ChiSquareIndependence {
    /** The smallest expected count per cell for which the chi-square approximation is trusted. */
    public static final double MIN_EXPECTED = 5.0;
    /** Significance level of the verdict. */
    public static final double ALPHA = 0.05;

    private ChiSquareIndependence() {
    }

    /** Each category's observations and how many of them had the outcome: a categories x 2 table. */
    public static Association ofEvents(long[] observations, long[] events) {
        if (observations.length != events.length) {
            throw new IllegalArgumentException("observations and events differ in length: " + observations.length
                    + " vs " + events.length);
        }
        long[][] table = new long[observations.length][];
        for (int i = 0; i < observations.length; i++) {
            if (events[i] < 0 || events[i] > observations[i]) {
                throw new IllegalArgumentException("events (" + events[i] + ") must be between 0 and observations ("
                        + observations[i] + ") in row " + i);
            }
            table[i] = new long[] {events[i], observations[i] - events[i]};
        }
        return test(table);
    }

    public static Association test(long[][] counts) {
        List<long[]> rows = new ArrayList<>();
        int columns = counts.length == 0 ? 0 : counts[0].length;
        for (long[] row : counts) {
            if (row.length != columns) {
                throw new IllegalArgumentException("every row must have " + columns + " columns, one has " + row.length);
            }
            long total = 0;
            for (long v : row) {
                if (v < 0) {
                    throw new IllegalArgumentException("counts must not be negative, was " + v);
                }
                total += v;
            }
            if (total > 0) {
                rows.add(row);
            }
        }
        long[] rowTotals = new long[rows.size()];
        long[] columnTotals = new long[columns];
        long n = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < columns; j++) {
                rowTotals[i] += rows.get(i)[j];
                columnTotals[j] += rows.get(i)[j];
            }
            n += rowTotals[i];
        }
        if (rows.size() < 2) {
            return insufficient(n, rows.size(), null, "needs at least 2 categories with observations, had "
                    + rows.size() + " (" + n + " observations)");
        }
        if (columns < 2) {
            throw new IllegalArgumentException("needs at least 2 outcome columns, had " + columns);
        }
        for (int j = 0; j < columns; j++) {
            if (columnTotals[j] == 0) {
                return insufficient(n, rows.size(), null, "outcome class " + j + " never occurred in " + n
                        + " observations; there is nothing to relate");
            }
        }
        double minExpected = Double.MAX_VALUE;
        for (long r : rowTotals) {
            for (long c : columnTotals) {
                minExpected = Math.min(minExpected, r * (double) c / n);
            }
        }
        if (minExpected < MIN_EXPECTED) {
            return insufficient(n, rows.size(), minExpected, String.format(Locale.ROOT,
                    "the smallest expected count is %.2f, below %.0f (%d observations over %d categories)",
                    minExpected, MIN_EXPECTED, n, rows.size()));
        }
        long[][] table = rows.toArray(long[][]::new);
        ChiSquareTest test = new ChiSquareTest();
        double statistic = test.chiSquare(table);
        double p = test.chiSquareTest(table);
        int df = (rows.size() - 1) * (columns - 1);
        boolean significant = p < ALPHA;
        String reason = String.format(Locale.ROOT, "%s: chi-square %.4f with %d degrees of freedom, p = %.4g %s %.2f",
                significant ? "associated" : "no significant association", statistic, df, p,
                significant ? "<" : ">=", ALPHA);
        return new Association(Association.Status.TESTED, n, rows.size(), df, statistic, p, minExpected, significant,
                reason);
    }

    private static Association insufficient(long n, int categories, Double minExpected, String reason) {
        return new Association(Association.Status.INSUFFICIENT_DATA, n, categories, null, null, null, minExpected,
                null, "insufficient data: " + reason);
    }
}
