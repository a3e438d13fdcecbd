package dev.sextant.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Whether categories (rows) and outcome classes (columns) of a contingency table are independent.
 * Pearson's chi-square test (Commons Math {@link ChiSquareTest}, no continuity correction) when
 * every expected count is at least {@link #MIN_EXPECTED} (Cochran's rule in its strict form);
 * below that, a 2 x 2 table gets Fisher's exact test, which needs no large sample, and a larger
 * table is "insufficient data". Both need at least two categories and every outcome class seen.
 * Rows without any observation are left out first.
 */
public final class IndependenceTest {
    /** The smallest expected count per cell for which the chi-square approximation is trusted. */
    public static final double MIN_EXPECTED = 5.0;
    /** Significance level of the verdict. */
    public static final double ALPHA = 0.05;

    private IndependenceTest() {
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
        long n = 0;
        long withEvent = 0;
        int categories = 0;
        for (int i = 0; i < observations.length; i++) {
            n += observations[i];
            withEvent += events[i];
            categories += observations[i] > 0 ? 1 : 0;
        }
        if (categories >= 2 && (withEvent == 0 || withEvent == n)) {
            return insufficient(n, categories, null, "the outcome " + (withEvent == 0 ? "never occurred in " : "occurred in all ")
                    + n + " observations; there is nothing to relate");
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
        int df = (rows.size() - 1) * (columns - 1);
        long[][] table = rows.toArray(long[][]::new);
        if (minExpected < MIN_EXPECTED) {
            if (rows.size() == 2 && columns == 2) {
                double p = FisherExactTest.twoSided(table[0][0], table[0][1], table[1][0], table[1][1]);
                return tested("fisher_exact", n, 2, df, null, p, minExpected, String.format(Locale.ROOT,
                        "Fisher's exact test (the smallest expected count, %.2f, is below %.0f)", minExpected,
                        MIN_EXPECTED));
            }
            return insufficient(n, rows.size(), minExpected, String.format(Locale.ROOT,
                    "the smallest expected count is %.2f, below %.0f (%d observations over %d categories)",
                    minExpected, MIN_EXPECTED, n, rows.size()));
        }
        ChiSquareTest test = new ChiSquareTest();
        double statistic = test.chiSquare(table);
        return tested("chi_square", n, rows.size(), df, statistic, test.chiSquareTest(table), minExpected,
                String.format(Locale.ROOT, "chi-square %.4f with %d degrees of freedom", statistic, df));
    }

    private static Association tested(String method, long n, int categories, int df, Double statistic, double p,
            double minExpected, String how) {
        boolean significant = p < ALPHA;
        String reason = String.format(Locale.ROOT, "%s: %s, p = %.4g %s %.2f",
                significant ? "associated" : "no significant association", how, p, significant ? "<" : ">=", ALPHA);
        return new Association(Association.Status.TESTED, method, n, categories, df, statistic, p, minExpected,
                significant, reason);
    }

    private static Association insufficient(long n, int categories, Double minExpected, String reason) {
        return new Association(Association.Status.INSUFFICIENT_DATA, null, n, categories, null, null, null,
                minExpected, null, "insufficient data: " + reason);
    }
}
