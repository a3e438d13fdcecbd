package dev.sextant.analytics;

import dev.sextant.analytics.AlertEvaluation.AnomalyCheck;
import dev.sextant.analytics.AlertEvaluation.State;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.AlertRuleSpec;
import dev.sextant.store.AlertRuleSpec.Anomaly;
import dev.sextant.store.AlertRuleSpec.Threshold;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.MetricWindowReader;
import dev.sextant.store.MetricWindows;
import dev.sextant.store.TrendQuery.Metric;
import dev.sextant.store.WindowValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Evaluates an alert rule at an instant: reads the metric over the rule's windows in one store
 * read and judges it, by threshold or against a robust baseline (see {@link RobustBaseline}).
 * The seasonal baseline (the same window of the week in recent weeks) is preferred, so that a
 * peak that recurs every Monday morning is normal on Mondays; without enough weeks of history
 * the windows right before the current one serve instead.
 */
public final class AlertEvaluator {
    private final MetricWindowReader reader;
    private final AnomalySettings settings;

    public AlertEvaluator(MetricWindowReader reader, AnomalySettings settings) {
        this.reader = reader;
        this.settings = settings;
    }

    /** {@code filter} is the rule's filter as a query (without time bounds). */
    public AlertEvaluation evaluate(WorkspaceId workspace, AlertRuleSpec rule, InteractionQuery filter, Instant now) {
        AlertWindows windows = rule.condition() instanceof Anomaly
                ? AlertWindows.plan(now, rule.window(), settings.seasonalWeeks(), settings.recentWindows())
                : AlertWindows.plan(now, rule.window(), 0, 0);
        List<WindowValue> values = reader.values(workspace, new MetricWindows(rule.metric(), filter, windows.all()));
        int seasonal = windows.seasonal().size();
        return judge(rule, values.getFirst(), values.subList(1, 1 + seasonal),
                values.subList(1 + seasonal, values.size()), settings);
    }

    /** The judgement alone, on values already read. */
    public static AlertEvaluation judge(AlertRuleSpec rule, WindowValue current, List<WindowValue> seasonal,
            List<WindowValue> recent, AnomalySettings settings) {
        String measured = rule.metric().wire() + " over the last " + format(rule.window());
        if (!judged(rule, current)) {
            return new AlertEvaluation(State.NO_DATA, current.window(), current.value(), current.samples(),
                    rule.condition() instanceof Anomaly ? emptyCheck(rule, seasonal, recent) : null,
                    "no data to judge: " + current.samples() + " samples of " + measured
                            + (countLike(rule.metric()) ? "" : ", fewer than min_samples " + Math.max(1, rule.minSamples())));
        }
        double value = current.value();
        return switch (rule.condition()) {
            case Threshold t -> {
                boolean holds = t.op().holds(value, t.value());
                yield new AlertEvaluation(holds ? State.FIRING : State.OK, current.window(), value, current.samples(),
                        null, measured + " is " + value + (holds ? ", " : ", not ") + t.op().wire() + " " + t.value()
                                + " (" + current.samples() + " samples)");
            }
            case Anomaly a -> anomaly(rule, a, current, seasonal, recent, settings, measured);
        };
    }

    private static AlertEvaluation anomaly(AlertRuleSpec rule, Anomaly a, WindowValue current,
            List<WindowValue> seasonal, List<WindowValue> recent, AnomalySettings settings, String measured) {
        double[] seasonalValues = usable(rule, seasonal);
        double[] recentValues = usable(rule, recent);
        String kind;
        double[] baseValues;
        if (seasonalValues.length >= settings.minSeasonal()) {
            kind = "seasonal";
            baseValues = seasonalValues;
        } else if (recentValues.length >= settings.minRecent()) {
            kind = "recent";
            baseValues = recentValues;
        } else {
            return new AlertEvaluation(State.INSUFFICIENT_BASELINE, current.window(), current.value(),
                    current.samples(), emptyCheck(rule, seasonal, recent), "insufficient baseline: "
                            + seasonalValues.length + " of " + seasonal.size() + " same-time-of-week windows and "
                            + recentValues.length + " of " + recent.size() + " recent windows have data; "
                            + settings.minSeasonal() + " seasonal or " + settings.minRecent() + " recent are needed");
        }
        RobustBaseline base = RobustBaseline.of(baseValues);
        double value = current.value();
        List<Double> listed = java.util.Arrays.stream(baseValues).boxed().toList();
        if (!base.varies()) {
            AnomalyCheck check = new AnomalyCheck(kind, listed, base.median(), base.mad(), base.scale(), null,
                    seasonalValues.length, seasonal.size(), recentValues.length, recent.size());
            return new AlertEvaluation(State.INSUFFICIENT_BASELINE, current.window(), value, current.samples(), check,
                    "insufficient baseline: the " + kind + " baseline does not vary (median " + base.median()
                            + ", MAD 0 over " + base.size() + " windows), so no deviation can be measured;"
                            + " use a threshold rule for a metric this steady");
        }
        double z = base.z(value);
        boolean anomalous = switch (a.direction()) {
            case UP -> z > a.sensitivity();
            case DOWN -> z < -a.sensitivity();
            case BOTH -> Math.abs(z) > a.sensitivity();
        };
        AnomalyCheck check = new AnomalyCheck(kind, listed, base.median(), base.mad(), base.scale(), z,
                seasonalValues.length, seasonal.size(), recentValues.length, recent.size());
        return new AlertEvaluation(anomalous ? State.FIRING : State.OK, current.window(), value, current.samples(),
                check, measured + " is " + value + ", robust z = " + z + " against the " + kind + " baseline (median "
                        + base.median() + ", scaled MAD " + base.scale() + " over " + base.size() + " windows): "
                        + (anomalous ? "beyond" : "within") + " sensitivity " + a.sensitivity()
                        + " (direction " + a.direction().wire() + ")");
    }

    private static AnomalyCheck emptyCheck(AlertRuleSpec rule, List<WindowValue> seasonal, List<WindowValue> recent) {
        return new AnomalyCheck(null, List.of(), null, null, null, null, usable(rule, seasonal).length,
                seasonal.size(), usable(rule, recent).length, recent.size());
    }

    /** Counts and sums are values even at zero samples; rates, means and percentiles need min_samples. */
    private static boolean judged(AlertRuleSpec rule, WindowValue v) {
        return v.value() != null && (countLike(rule.metric()) || v.samples() >= Math.max(1, rule.minSamples()));
    }

    /** Baseline windows need data: at least one interaction for counts, min_samples for the others. */
    private static double[] usable(AlertRuleSpec rule, List<WindowValue> windows) {
        return windows.stream()
                .filter(v -> v.value() != null && v.samples() >= (countLike(rule.metric()) ? 1 : Math.max(1, rule.minSamples())))
                .mapToDouble(WindowValue::value).toArray();
    }

    static boolean countLike(Metric metric) {
        return metric == Metric.INTERACTIONS || metric == Metric.COST || metric == Metric.TOKENS;
    }

    /** 90 s → "90s", 1 h → "1h", 2 d → "2d". */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
