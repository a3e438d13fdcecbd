package dev.sextant.analytics.context;

import dev.sextant.analytics.FalseDiscoveryRate;
import dev.sextant.analytics.FisherExactTest;
import dev.sextant.store.context.ContextObservation;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Relevance of each context item to success (issue 8 item 1). For every categorical type and
 * value, and every quartile bin of a numeric type, present in at least {@code minCount}
 * interactions: how often it is present among successful and among unsuccessful interactions
 * (counts and shares), the success rate with and without it (Wilson 95% intervals), and its
 * <b>lift</b> = P(success | item) / P(success).
 *
 * <p>The lift's 95% interval is the log (Katz) method: log lift is normal with variance, by the
 * delta method, (1 − p₁)/(n₁p₁) + (1 − p)/(Np) − 2(1 − p₁)/(Np), where p₁ is the success rate
 * of the n₁ interactions with the item and p that of all N (the last term is the covariance of
 * the two rates, the item's interactions being part of all). With no success or no failure among
 * the item's interactions, 0.5 is added to its successes and failures for the interval only
 * (Haldane). The p-value is Fisher's exact test of the 2×2 table item present / absent ×
 * success / failure, two-sided; q-values are Benjamini–Hochberg over all items reported. Items
 * are sorted by evidence: q-value, then p-value, then the distance of the lift from 1.
 *
 * <p>Success is the platform's: a trace whose status is not {@code error} ({@link
 * dev.sextant.store.context.Outcome#success()}). With fewer than {@link #MIN_INTERACTIONS}
 * interactions, or without both successes and failures, the report says {@code insufficient_data}
 * and lists no items.
 */
public final class ContextRelevance {
    public static final int MIN_INTERACTIONS = 20;
    public static final int DEFAULT_MIN_COUNT = 10;

    private ContextRelevance() {
    }

    public record Report(String status, String reason, long interactions, long successes, Double successRate,
            int minCount, int itemsBelowMinCount, List<Relevance> items) {
    }

    /**
     * One item's evidence. {@code successShare}: the share of all successful interactions that
     * have the item; {@code failureShare} the same among unsuccessful ones. {@code rateWithout*} are
     * null when every interaction has the item.
     */
    public record Relevance(String type, String value, boolean numeric, long count, long successesWith,
            long failuresWith, double successShare, double failureShare, double rateWith, double rateWithLow,
            double rateWithHigh, Double rateWithout, Double rateWithoutLow, Double rateWithoutHigh, double lift,
            double liftLow, double liftHigh, double pValue, double qValue) {
    }

    public static Report analyse(List<ContextObservation> observations, int minCount) {
        long n = observations.size();
        BitSet success = new BitSet();
        for (int i = 0; i < observations.size(); i++) {
            if (observations.get(i).outcome().success()) {
                success.set(i);
            }
        }
        long s = success.cardinality();
        long f = n - s;
        Double base = n == 0 ? null : s / (double) n;
        if (n < MIN_INTERACTIONS) {
            return new Report("insufficient_data", "needs at least " + MIN_INTERACTIONS + " interactions in the window, had "
                    + n, n, s, base, minCount, 0, List.of());
        }
        if (s == 0 || f == 0) {
            return new Report("insufficient_data", "every interaction in the window " + (s == 0 ? "failed" : "succeeded")
                    + ": relevance to success needs both outcomes", n, s, base, minCount, 0, List.of());
        }
        double p = s / (double) n;
        List<Observations.Item> items = Observations.items(observations);
        List<Relevance> rows = new ArrayList<>();
        int below = 0;
        for (Observations.Item item : items) {
            long n1 = item.count();
            if (n1 < minCount) {
                below++;
                continue;
            }
            BitSet both = (BitSet) item.present().clone();
            both.and(success);
            long a = both.cardinality();
            long b = n1 - a;
            long c = s - a;
            long d = f - b;
            long n0 = n - n1;
            double p1 = a / (double) n1;
            double[] w1 = Intervals.wilson(a, n1);
            double[] w0 = Intervals.wilson(c, n0);
            double lift = p1 / p;
            double ca = a;
            double cn1 = n1;
            if (a == 0 || b == 0) {
                ca = a + 0.5;
                cn1 = n1 + 1;
            }
            double q1 = ca / cn1;
            double variance = (1 - q1) / (cn1 * q1) + (1 - p) / (n * p) - 2 * (1 - q1) / (n * p);
            double half = Intervals.Z_95 * Math.sqrt(Math.max(0, variance));
            double logLift = Math.log(q1 / p);
            double pValue = FisherExactTest.twoSided(a, b, c, d);
            rows.add(new Relevance(item.type(), item.value(), item.numeric(), n1, a, b, a / (double) s, b / (double) f,
                    p1, w1[0], w1[1], n0 == 0 ? null : c / (double) n0, w0 == null ? null : w0[0],
                    w0 == null ? null : w0[1], lift, Math.exp(logLift - half), Math.exp(logLift + half), pValue, Double.NaN));
        }
        double[] q = FalseDiscoveryRate.benjaminiHochberg(rows.stream().mapToDouble(Relevance::pValue).toArray());
        List<Relevance> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Relevance r = rows.get(i);
            out.add(new Relevance(r.type(), r.value(), r.numeric(), r.count(), r.successesWith(), r.failuresWith(),
                    r.successShare(), r.failureShare(), r.rateWith(), r.rateWithLow(), r.rateWithHigh(), r.rateWithout(),
                    r.rateWithoutLow(), r.rateWithoutHigh(), r.lift(), r.liftLow(), r.liftHigh(), r.pValue(), q[i]));
        }
        out.sort(Comparator.comparingDouble(Relevance::qValue).thenComparingDouble(Relevance::pValue)
                .thenComparing(Comparator.comparingDouble((Relevance r) -> Math.abs(Math.log(r.lift()))).reversed())
                .thenComparing(Relevance::type).thenComparing(Relevance::value));
        String status = out.isEmpty() ? "insufficient_data" : "ok";
        String reason = out.isEmpty() ? "no context item is present in at least " + minCount + " interactions (min_count)"
                : "lift with its Katz log interval, Fisher's exact p, Benjamini-Hochberg q over " + out.size() + " items";
        return new Report(status, reason, n, s, base, minCount, below, List.copyOf(out));
    }
}
