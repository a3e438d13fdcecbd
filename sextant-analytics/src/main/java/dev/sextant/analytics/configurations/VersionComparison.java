package dev.sextant.analytics.configurations;

import dev.sextant.analytics.EffectSize;
import dev.sextant.analytics.HolmCorrection;
import dev.sextant.analytics.MeanDifference;
import dev.sextant.analytics.ProportionDifference;
import dev.sextant.analytics.WelchTest;
import dev.sextant.store.ConfigurationPerformance.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configuration version (the candidate) against another (the baseline): its parent version,
 * the configuration's default (its first version, {@code -v1}: what the agent ran before anyone
 * customised it), or any version the caller chose.
 *
 * <p>Four metrics, each tested only where it can be: success rate by two proportions (Fisher's
 * exact p-value, Newcombe's interval, Cohen's h; {@link ProportionDifference}), and response
 * time, satisfaction (mean {@code user_rating}) and cost per execution by Welch's t-test from
 * mean, sample standard deviation and count ({@link WelchTest}, Cohen's d). The p-values of the
 * metrics tested are adjusted together by Holm, and a metric is significant when its adjusted
 * p-value is below {@link #ALPHA}.
 *
 * <p>The verdict: {@code insufficient_data} when either side has fewer than
 * {@link #MIN_EXECUTIONS} executions; {@code better} when some metric improved significantly and
 * none got significantly worse, {@code worse} the other way round; when both happened, the first
 * significant metric in the order success rate, satisfaction, response time, cost decides
 * (quality before speed before money) and the reason names the trade-off; otherwise
 * {@code no_significant_difference}.
 */
public record VersionComparison(String candidate, String baseline, BaselineKind baselineKind, Verdict verdict,
        String reason, Metric successRate, Metric satisfaction, Metric responseTimeMs, Metric costPerExecutionUsd) {

    public static final int MIN_EXECUTIONS = 10;
    public static final double ALPHA = 0.05;
    /** Non-inferiority margin handed to {@link ProportionDifference}; only its difference and p-value are used here. */
    private static final double MARGIN = 0.05;

    public enum BaselineKind {
        PARENT, DEFAULT, CHOSEN;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Verdict {
        BETTER, WORSE, NO_SIGNIFICANT_DIFFERENCE, INSUFFICIENT_DATA;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One metric on both sides: values, candidate minus baseline, the test's raw and Holm-adjusted
     * p-value and effect size (null when not tested, and {@code reason} says why), whether higher
     * values are better, and whether the candidate is significantly better or worse.
     */
    public record Metric(String name, boolean higherIsBetter, Double candidate, Double baseline, Double difference,
            Double ciLow, Double ciHigh, Double pValue, Double adjustedPValue, Double effectSize, boolean tested,
            boolean significant, Boolean improved, String reason) {

        Metric adjusted(double p) {
            boolean sig = p < ALPHA;
            return new Metric(name, higherIsBetter, candidate, baseline, difference, ciLow, ciHigh, pValue, p,
                    effectSize, true, sig, sig ? (difference > 0) == higherIsBetter : null,
                    sig ? "significant after Holm's adjustment" : "no significant difference after Holm's adjustment");
        }
    }

    private static final Pattern VERSION_ID = Pattern.compile("(.+)-v([1-9][0-9]*)");

    /**
     * The default version of the configuration a version id {@code "{configuration_id}-v{n}"}
     * belongs to: {@code "{configuration_id}-v1"}; empty for an id of another shape.
     */
    public static Optional<String> defaultVersionOf(String versionId) {
        Matcher m = VERSION_ID.matcher(versionId);
        return m.matches() ? Optional.of(m.group(1) + "-v1") : Optional.empty();
    }

    public static VersionComparison of(Version candidate, Version baseline, BaselineKind kind) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(kind, "kind");
        List<Metric> metrics = new ArrayList<>(List.of(success(candidate, baseline),
                mean("satisfaction", true, candidate.ratings(), candidate.meanRating(), candidate.ratingStdDev(),
                        baseline.ratings(), baseline.meanRating(), baseline.ratingStdDev()),
                mean("response_time_ms", false, candidate.latencySamples(), candidate.avgLatencyMs(),
                        candidate.latencyStdDevMs(), baseline.latencySamples(), baseline.avgLatencyMs(),
                        baseline.latencyStdDevMs()),
                mean("cost_per_execution_usd", false, candidate.executions(),
                        candidate.costPerExecution().doubleValue(), candidate.costStdDevUsd(), baseline.executions(),
                        baseline.costPerExecution().doubleValue(), baseline.costStdDevUsd())));
        double[] raw = metrics.stream().filter(Metric::tested).mapToDouble(Metric::pValue).toArray();
        double[] adjusted = HolmCorrection.adjust(raw);
        for (int i = 0, j = 0; i < metrics.size(); i++) {
            if (metrics.get(i).tested()) {
                metrics.set(i, metrics.get(i).adjusted(adjusted[j++]));
            }
        }
        String label = candidate.configVersion() + " against " + baseline.configVersion();
        Verdict verdict;
        String reason;
        if (candidate.executions() < MIN_EXECUTIONS || baseline.executions() < MIN_EXECUTIONS) {
            verdict = Verdict.INSUFFICIENT_DATA;
            reason = label + ": needs at least " + MIN_EXECUTIONS + " executions on each side, had "
                    + candidate.executions() + " and " + baseline.executions();
        } else {
            List<Metric> better = metrics.stream().filter(m -> Boolean.TRUE.equals(m.improved())).toList();
            List<Metric> worse = metrics.stream().filter(m -> Boolean.FALSE.equals(m.improved())).toList();
            if (better.isEmpty() && worse.isEmpty()) {
                verdict = Verdict.NO_SIGNIFICANT_DIFFERENCE;
                reason = label + ": no metric differs significantly";
            } else {
                Metric first = metrics.stream().filter(Metric::significant).findFirst().orElseThrow();
                verdict = first.improved() ? Verdict.BETTER : Verdict.WORSE;
                reason = label + ": " + (better.isEmpty() ? "" : "better " + names(better))
                        + (!better.isEmpty() && !worse.isEmpty() ? ", " : "") + (worse.isEmpty() ? "" : "worse " + names(worse))
                        + (!better.isEmpty() && !worse.isEmpty() ? "; " + first.name() + " decides" : "");
            }
        }
        return new VersionComparison(candidate.configVersion(), baseline.configVersion(), kind, verdict, reason,
                metrics.get(0), metrics.get(1), metrics.get(2), metrics.get(3));
    }

    private static String names(List<Metric> metrics) {
        return String.join(" and ", metrics.stream().map(Metric::name).toList());
    }

    private static Metric success(Version c, Version b) {
        ProportionDifference d = ProportionDifference.of(c.successes(), c.executions(), b.successes(), b.executions(),
                MARGIN, true, ALPHA);
        double h = EffectSize.cohensH(c.successRate(), b.successRate());
        return new Metric("success_rate", true, c.successRate(), b.successRate(), d.difference(), d.ciLow(),
                d.ciHigh(), d.pValue(), null, h, true, false, null, "tested");
    }

    private static Metric mean(String name, boolean higherIsBetter, long nA, Double meanA, Double sdA, long nB,
            Double meanB, Double sdB) {
        Double diff = meanA == null || meanB == null ? null : meanA - meanB;
        if (meanA == null || meanB == null || sdA == null || sdB == null) {
            return new Metric(name, higherIsBetter, meanA, meanB, diff, null, null, null, null, null, false, false,
                    null, "insufficient data: needs at least " + WelchTest.MIN_SAMPLES + " values on each side, had "
                            + nA + " and " + nB);
        }
        MeanDifference t = WelchTest.compare(nA, meanA, sdA, nB, meanB, sdB);
        if (t.pValue() == null) {
            return new Metric(name, higherIsBetter, meanA, meanB, diff, null, null, null, null, null, false, false,
                    null, t.reason());
        }
        double d = EffectSize.cohensD(meanA, sdA * sdA, meanB, sdB * sdB);
        return new Metric(name, higherIsBetter, meanA, meanB, diff, null, null, t.pValue(), null, d, true, false,
                null, t.reason());
    }
}
