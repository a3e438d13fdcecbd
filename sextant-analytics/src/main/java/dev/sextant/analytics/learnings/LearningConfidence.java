package dev.sextant.analytics.learnings;

import dev.sextant.store.learnings.Learning;
import dev.sextant.store.learnings.OutcomeTally;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * A learning's confidence: the posterior mean of a Beta prior built from its stored evidence,
 * updated with its applications of known outcome (pending ones wait).
 * <ul>
 *   <li><b>Prior</b>: mean m = the initial confidence, else the evidence's confidence, else 0.5;
 *       strength k = the evidence's n capped at {@value #MAX_PRIOR_STRENGTH} pseudo-observations
 *       (at least {@value #MIN_PRIOR_STRENGTH}; {@value #MIN_PRIOR_STRENGTH} when n is not given), so
 *       what was mined elsewhere counts, but never outweighs a few dozen real applications;
 *       α₀ = m·k and β₀ = (1 − m)·k, each at least {@value #MIN_PARAMETER} so a stated 0 or 1 still
 *       moves. With nothing stated that is Beta(1, 1), the uniform prior.
 *   <li><b>Posterior</b>: Beta(α₀ + successes, β₀ + failures); its mean is the confidence, its
 *       2.5% and 97.5% quantiles the 95% credible interval.
 *   <li><b>Trend</b>: that posterior at the end of every week (Monday, UTC) or day with
 *       applications, cumulatively.
 *   <li><b>Direction</b>: the latest posterior mean against the one {@value #LOOKBACK} buckets
 *       earlier (the prior when there are no more than {@value #LOOKBACK} buckets): rising when it
 *       gained {@value #MIN_CHANGE} or more, falling when it lost as much, stable otherwise, and
 *       stable whenever fewer than {@value #MIN_RECENT} outcomes came in since that point.
 * </ul>
 */
public record LearningConfidence(double priorAlpha, double priorBeta, long successes, long failures, long pending,
        Point current, List<Point> trend, Direction direction) {

    public static final double MAX_PRIOR_STRENGTH = 20;
    public static final double MIN_PRIOR_STRENGTH = 2;
    public static final double MIN_PARAMETER = 0.5;
    public static final int LOOKBACK = 4;
    public static final double MIN_CHANGE = 0.05;
    public static final long MIN_RECENT = 5;

    public enum Direction {
        RISING, FALLING, STABLE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Interval {
        DAY, WEEK;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        LocalDate start(LocalDate day) {
            return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
    }

    /** The posterior after the applications up to the end of the bucket starting {@code start} (null: the prior). */
    public record Point(LocalDate start, long successes, long failures, long pending, double mean, double low,
            double high) {}

    public double priorMean() {
        return priorAlpha / (priorAlpha + priorBeta);
    }

    public static LearningConfidence of(Learning learning, List<OutcomeTally> days, Interval interval) {
        double m = learning.initialConfidence() != null ? learning.initialConfidence()
                : learning.evidence().confidence() != null ? learning.evidence().confidence() : 0.5;
        Long n = learning.evidence().n();
        double k = n == null ? MIN_PRIOR_STRENGTH : Math.max(MIN_PRIOR_STRENGTH, Math.min(MAX_PRIOR_STRENGTH, n));
        return of(Math.max(MIN_PARAMETER, m * k), Math.max(MIN_PARAMETER, (1 - m) * k), days, interval);
    }

    static LearningConfidence of(double alpha, double beta, List<OutcomeTally> days, Interval interval) {
        Map<LocalDate, long[]> buckets = new TreeMap<>();
        for (OutcomeTally d : days) {
            long[] b = buckets.computeIfAbsent(interval.start(d.day()), x -> new long[3]);
            b[0] += d.successes();
            b[1] += d.failures();
            b[2] += d.pending();
        }
        List<Point> trend = new ArrayList<>();
        long s = 0;
        long f = 0;
        long p = 0;
        for (Map.Entry<LocalDate, long[]> e : buckets.entrySet()) {
            long[] b = e.getValue();
            s += b[0];
            f += b[1];
            p += b[2];
            trend.add(point(e.getKey(), b[0], b[1], b[2], alpha + s, beta + f));
        }
        Point prior = point(null, 0, 0, 0, alpha, beta);
        Point current = trend.isEmpty() ? prior : trend.getLast();
        Point reference = trend.size() > LOOKBACK ? trend.get(trend.size() - 1 - LOOKBACK) : prior;
        long recent = 0;
        for (int i = trend.indexOf(reference) + 1; i < trend.size(); i++) {
            recent += trend.get(i).successes() + trend.get(i).failures();
        }
        double change = current.mean() - reference.mean();
        Direction direction = recent < MIN_RECENT ? Direction.STABLE
                : change >= MIN_CHANGE ? Direction.RISING : change <= -MIN_CHANGE ? Direction.FALLING : Direction.STABLE;
        return new LearningConfidence(alpha, beta, s, f, p, current, List.copyOf(trend), direction);
    }

    private static Point point(LocalDate start, long s, long f, long p, double a, double b) {
        BetaDistribution beta = new BetaDistribution(null, a, b);
        return new Point(start, s, f, p, a / (a + b), beta.inverseCumulativeProbability(0.025),
                beta.inverseCumulativeProbability(0.975));
    }
}
