package dev.sextant.analytics.configurations;

import dev.sextant.analytics.configurations.ParameterObservation.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which configuration parameters move an outcome, and which values to try next (issue 6 item 6).
 *
 * <p>Per parameter with more than {@link #MIN_OBSERVATIONS} observations that carry both the
 * parameter and the outcome (fewer: {@code insufficient_data}, and the reason gives the count):
 * <ul>
 *   <li>numeric (every value a number): Pearson's r and Spearman's rho (Commons Math), each with
 *       the two-sided p-value of t = r sqrt((n − 2) / (1 − r²)) on n − 2 degrees of freedom.
 *       Impact from |rho| when its p-value is below 0.05 (Cohen's conventions): {@code high} from
 *       0.5, {@code medium} from 0.3, {@code low} below; {@code none} when not significant.
 *       Best range: the observations sorted by value are cut into min(4, n / 5) bins of about
 *       equal size (quantile bins; equal values are never split), and the bin with the best mean
 *       outcome (among bins of at least 3) is given with its 95% t-interval;
 *   <li>categorical (text or booleans): one-way ANOVA over the values seen at least twice
 *       (Commons Math {@code OneWayAnova}) and eta² = between-group over total sum of squares.
 *       Impact from eta² when the ANOVA p-value is below 0.05: {@code high} from 0.14,
 *       {@code medium} from 0.06, {@code low} below; best value: the best mean among values seen
 *       at least 3 times, with its 95% t-interval;
 *   <li>a parameter mixing numbers and text is not analysed.
 * </ul>
 *
 * <p>The recommended next configuration: see {@link NextConfiguration}.
 */
public record ParameterImpact(Outcome outcome, int observations, List<Parameter> parameters,
        NextConfiguration recommendation) {

    /** A parameter needs more than this many observations to be analysed. */
    public static final int MIN_OBSERVATIONS = 10;
    static final double ALPHA = 0.05;

    public ParameterImpact {
        parameters = List.copyOf(parameters);
    }

    public enum Kind {
        NUMERIC, CATEGORICAL, MIXED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Impact {
        HIGH, MEDIUM, LOW, NONE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One parameter's analysis; figures that do not apply to its kind, or could not be computed,
     * are null, and {@code reason} says why when it was not analysed.
     */
    public record Parameter(String name, Kind kind, int observations, boolean analysed, String reason, Double pearson,
            Double pearsonPValue, Double spearman, Double spearmanPValue, Double etaSquared, Double anovaPValue,
            Impact impact, Group best, List<Group> groups) {
        public Parameter {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        static Parameter skipped(String name, Kind kind, int n, String reason) {
            return new Parameter(name, kind, n, false, reason, null, null, null, null, null, null, null, null, null);
        }
    }

    /**
     * A bin of a numeric parameter ({@code low} to {@code high}, {@code value} null) or one value of
     * a categorical one ({@code value}, bounds null): its observations, their outcome values (kept
     * for the recommendation's bootstrap, not serialised by the API) and mean with a 95% t-interval
     * (null below two observations); {@code median} the lower median of a bin's parameter values, always an observed one (NaN for a category).
     */
    public record Group(Double low, Double high, String value, int observations, double mean, Double ciLow,
            Double ciHigh, double[] outcomes, double median) {
    }

    public static ParameterImpact analyse(List<ParameterObservation> observations, Outcome outcome) {
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(outcome, "outcome");
        TreeSet<String> names = new TreeSet<>();
        observations.forEach(o -> names.addAll(o.parameters().keySet()));
        List<Parameter> parameters = new ArrayList<>();
        for (String name : names) {
            List<Object> values = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (ParameterObservation o : observations) {
                Object v = o.parameters().get(name);
                Double y = outcome.of(o);
                if (v != null && y != null) {
                    values.add(v);
                    ys.add(y);
                }
            }
            parameters.add(ParameterAnalysis.of(name, values, ys, outcome.higherIsBetter()));
        }
        return new ParameterImpact(outcome, observations.size(), parameters,
                NextConfiguration.from(parameters, outcome.higherIsBetter()));
    }
}
