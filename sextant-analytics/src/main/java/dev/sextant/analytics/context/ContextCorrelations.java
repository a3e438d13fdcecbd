package dev.sextant.analytics.context;

import dev.sextant.store.context.ContextObservation;
import dev.sextant.store.context.Outcome;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Correlation of context with success, latency, cost and rating (issue 8 item 1), over the
 * interactions that have the outcome (latency: a duration; rating: a {@code user_rating} score).
 *
 * <p>A numeric type: Spearman's rank correlation ρ (Commons Math, average ranks for ties) of
 * its value with each outcome (success as 1/0), over the interactions with both; 95% interval
 * by Fisher's z with the Bonett–Wright standard error √((1 + ρ²/2)/(n − 3)); p-value from
 * t = ρ√((n − 2)/(1 − ρ²)) with n − 2 degrees of freedom.
 *
 * <p>A categorical value: the interactions with it against those without. Success: difference of
 * rates with Newcombe's hybrid score interval and Fisher's exact p. Latency, cost, rating:
 * difference of means with Welch's interval (Welch–Satterthwaite degrees of freedom) and p.
 *
 * <p>A figure needs at least {@code minCount} interactions on each side (and at least 4 pairs
 * for a correlation); otherwise it is reported with {@code status: insufficient_data} and no
 * estimate.
 */
public final class ContextCorrelations {
    public static final List<String> METRICS = List.of("success", "latency_ms", "cost_usd", "rating");

    private ContextCorrelations() {
    }

    /** One type or value against one outcome metric. */
    public record Correlation(String metric, String status, String method, long n, long nWithout, Double estimate,
            Double low, Double high, Double pValue, Double meanWith, Double meanWithout) {
    }

    public record NumericType(String type, List<Correlation> metrics) {
    }

    public record CategoricalValue(String type, String value, long count, List<Correlation> metrics) {
    }

    public record Report(long interactions, int minCount, List<NumericType> numeric, List<CategoricalValue> categorical) {
    }

    private static Double metric(Outcome o, String metric) {
        return switch (metric) {
            case "success" -> o.success() ? 1.0 : 0.0;
            case "latency_ms" -> o.durationMs() == null ? null : o.durationMs().doubleValue();
            case "cost_usd" -> o.costUsd();
            case "rating" -> o.rating();
            default -> throw new IllegalArgumentException(metric);
        };
    }

    public static Report analyse(List<ContextObservation> observations, int minCount) {
        Map<String, List<ContextObservation>> withNumber = new TreeMap<>();
        for (ContextObservation o : observations) {
            o.numbers().keySet().forEach(t -> withNumber.computeIfAbsent(t, k -> new ArrayList<>()).add(o));
        }
        List<NumericType> numeric = new ArrayList<>();
        withNumber.forEach((type, obs) -> {
            List<Correlation> metrics = new ArrayList<>();
            for (String m : METRICS) {
                metrics.add(spearman(m, obs, o -> o.numbers().get(type), Math.max(4, minCount)));
            }
            numeric.add(new NumericType(type, metrics));
        });
        List<CategoricalValue> categorical = new ArrayList<>();
        for (Observations.Item item : Observations.items(observations)) {
            if (item.numeric() || item.count() < minCount) {
                continue;
            }
            List<Correlation> metrics = new ArrayList<>();
            for (String m : METRICS) {
                metrics.add(m.equals("success") ? rates(observations, item.present(), minCount)
                        : means(m, observations, item.present(), minCount));
            }
            categorical.add(new CategoricalValue(item.type(), item.value(), item.count(), metrics));
        }
        return new Report(observations.size(), minCount, numeric, categorical);
    }

    static Correlation spearman(String metric, List<ContextObservation> obs, Function<ContextObservation, Double> x,
            int min) {
        List<double[]> pairs = new ArrayList<>();
        for (ContextObservation o : obs) {
            Double y = metric(o.outcome(), metric);
            Double v = x.apply(o);
            if (y != null && v != null) {
                pairs.add(new double[] {v, y});
            }
        }
        int n = pairs.size();
        String method = "spearman";
        if (n < min) {
            return new Correlation(metric, "insufficient_data", method, n, 0, null, null, null, null, null, null);
        }
        double[] xs = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = pairs.stream().mapToDouble(p -> p[1]).toArray();
        if (constant(xs) || constant(ys)) {
            return new Correlation(metric, "insufficient_data", method, n, 0, null, null, null, null, null, null);
        }
        double rho = new SpearmansCorrelation().correlation(xs, ys);
        double se = Math.sqrt((1 + rho * rho / 2) / (n - 3));
        double z = atanh(Math.max(-0.999999, Math.min(0.999999, rho)));
        double low = Math.tanh(z - Intervals.Z_95 * se);
        double high = Math.tanh(z + Intervals.Z_95 * se);
        double p = Math.abs(rho) >= 1 ? 0.0 : Intervals.tP(rho * Math.sqrt((n - 2) / (1 - rho * rho)), n - 2);
        return new Correlation(metric, "ok", method, n, 0, rho, low, high, p, null, null);
    }

    static Correlation rates(List<ContextObservation> obs, BitSet present, int min) {
        long n1 = 0;
        long x1 = 0;
        long n0 = 0;
        long x0 = 0;
        for (int i = 0; i < obs.size(); i++) {
            boolean ok = obs.get(i).outcome().success();
            if (present.get(i)) {
                n1++;
                x1 += ok ? 1 : 0;
            } else {
                n0++;
                x0 += ok ? 1 : 0;
            }
        }
        String method = "difference of success rates (Newcombe hybrid score interval, Fisher exact p)";
        if (n1 < min || n0 < min) {
            return new Correlation("success", "insufficient_data", method, n1, n0, null, null, null, null,
                    n1 == 0 ? null : x1 / (double) n1, n0 == 0 ? null : x0 / (double) n0);
        }
        double[] ci = Intervals.newcombe(x1, n1, x0, n0);
        double p = dev.sextant.analytics.FisherExactTest.twoSided(x1, n1 - x1, x0, n0 - x0);
        return new Correlation("success", "ok", method, n1, n0, x1 / (double) n1 - x0 / (double) n0, ci[0], ci[1], p,
                x1 / (double) n1, x0 / (double) n0);
    }

    static Correlation means(String metric, List<ContextObservation> obs, BitSet present, int min) {
        double[] with = new double[3];
        double[] without = new double[3];
        for (int i = 0; i < obs.size(); i++) {
            Double v = metric(obs.get(i).outcome(), metric);
            if (v == null) {
                continue;
            }
            double[] acc = present.get(i) ? with : without;
            acc[0]++;
            acc[1] += v;
            acc[2] += v * v;
        }
        String method = "difference of means (Welch interval and p)";
        long n1 = (long) with[0];
        long n0 = (long) without[0];
        Double m1 = n1 == 0 ? null : with[1] / n1;
        Double m0 = n0 == 0 ? null : without[1] / n0;
        if (n1 < Math.max(2, min) || n0 < Math.max(2, min)) {
            return new Correlation(metric, "insufficient_data", method, n1, n0, null, null, null, null, m1, m0);
        }
        double v1 = Math.max(0, (with[2] - n1 * m1 * m1) / (n1 - 1));
        double v0 = Math.max(0, (without[2] - n0 * m0 * m0) / (n0 - 1));
        double u1 = v1 / n1;
        double u0 = v0 / n0;
        if (u1 + u0 == 0) {
            return new Correlation(metric, "insufficient_data", method, n1, n0, null, null, null, null, m1, m0);
        }
        double se = Math.sqrt(u1 + u0);
        double df = (u1 + u0) * (u1 + u0) / (u1 * u1 / (n1 - 1) + u0 * u0 / (n0 - 1));
        double diff = m1 - m0;
        double half = Intervals.t975(df) * se;
        return new Correlation(metric, "ok", method, n1, n0, diff, diff - half, diff + half, Intervals.tP(diff / se, df),
                m1, m0);
    }

    private static boolean constant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }
}
