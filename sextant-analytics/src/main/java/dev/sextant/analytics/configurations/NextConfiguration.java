package dev.sextant.analytics.configurations;

import dev.sextant.analytics.configurations.ParameterImpact.Group;
import dev.sextant.analytics.configurations.ParameterImpact.Impact;
import dev.sextant.analytics.configurations.ParameterImpact.Kind;
import dev.sextant.analytics.configurations.ParameterImpact.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.StatUtils;

/**
 * The recommended next configuration, by a bootstrap of the best observed setting ("best-bin
 * bootstrap"), over the observed data only:
 * <ol>
 *   <li>candidates are the parameters of {@code medium} or {@code high} impact that have a best
 *       group (a numeric bin or a categorical value with at least 3 observations);
 *   <li>a candidate's expected improvement is the best group's mean outcome minus the mean of
 *       every other observation of the parameter, signed so that positive is better;
 *   <li>its uncertainty is the 95% percentile interval of that difference over
 *       {@link #RESAMPLES} bootstrap resamples (each side resampled with replacement on its own,
 *       seeded with {@link #SEED} so that the same data gives the same answer);
 *   <li>a candidate is recommended only when that interval lies wholly above zero: the value it
 *       names is the best bin's lower median, a value that was run (numeric), or the best value
 *       (categorical, as text).
 * </ol>
 * The expected improvement of the whole configuration is the recommended parameter with the
 * highest lower bound: effects of several parameters are not assumed to add up. Without any
 * parameter passing every step there is no recommendation, and {@code reason} says what fell short.
 */
public record NextConfiguration(boolean recommended, String reason, Map<String, Object> parameters,
        Double expectedImprovement, Double improvementLow, Double improvementHigh, List<Candidate> candidates) {

    public static final int RESAMPLES = 2000;
    public static final long SEED = 20261101L;
    public static final String METHOD = "best_bin_bootstrap";

    public NextConfiguration {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        candidates = List.copyOf(candidates);
    }

    /** One candidate parameter: the value it would take, its expected improvement and interval, whether recommended. */
    public record Candidate(String parameter, Object value, double expectedImprovement, double low, double high,
            boolean recommended) {
    }

    static NextConfiguration from(List<Parameter> parameters, boolean higherIsBetter) {
        List<Candidate> candidates = new ArrayList<>();
        for (Parameter p : parameters) {
            if (!p.analysed() || (p.impact() != Impact.HIGH && p.impact() != Impact.MEDIUM) || p.best() == null) {
                continue;
            }
            double[] rest = p.groups().stream().filter(g -> g != p.best())
                    .flatMapToDouble(g -> Arrays.stream(g.outcomes())).toArray();
            if (rest.length < 2) {
                continue;
            }
            double sign = higherIsBetter ? 1 : -1;
            double[] best = p.best().outcomes();
            double point = sign * (StatUtils.mean(best) - StatUtils.mean(rest));
            double[] interval = bootstrap(best, rest, sign);
            Object value = p.kind() == Kind.NUMERIC ? (Object) p.best().median() : p.best().value();
            candidates.add(new Candidate(p.name(), value, point, interval[0], interval[1], interval[0] > 0));
        }
        List<Candidate> chosen = candidates.stream().filter(Candidate::recommended).toList();
        if (chosen.isEmpty()) {
            String why = candidates.isEmpty()
                    ? "no parameter has a medium or high, significant impact with enough observations"
                    : "no candidate's improvement interval lies wholly above zero";
            return new NextConfiguration(false, "no recommendation: " + why, Map.of(), null, null, null, candidates);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        chosen.forEach(c -> values.put(c.parameter(), c.value()));
        Candidate lead = chosen.stream().max(Comparator.comparingDouble(Candidate::low)).orElseThrow();
        return new NextConfiguration(true, "recommended by " + METHOD + "; expected improvement from " + lead.parameter(),
                values, lead.expectedImprovement(), lead.low(), lead.high(), candidates);
    }

    /** The 2.5% and 97.5% percentiles of sign * (mean(best*) - mean(rest*)) over the resamples. */
    static double[] bootstrap(double[] best, double[] rest, double sign) {
        RandomGenerator random = new Well19937c(SEED);
        double[] diffs = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            diffs[b] = sign * (resampledMean(best, random) - resampledMean(rest, random));
        }
        Arrays.sort(diffs);
        return new double[] {diffs[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                diffs[(int) Math.ceil(0.975 * (RESAMPLES - 1))]};
    }

    private static double resampledMean(double[] values, RandomGenerator random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }
}
