package dev.sextant.analytics.experiments;

import dev.sextant.analytics.FalseDiscoveryRate;
import dev.sextant.analytics.HolmCorrection;
import dev.sextant.store.ExperimentCorrection;
import dev.sextant.store.ExperimentOutcomeTotals;
import dev.sextant.store.ExperimentUnitOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.math3.util.ResizableDoubleArray;

/**
 * The results of an experiment from its per-unit outcomes, fed one unit at a time (it is the
 * consumer of {@code ExperimentOutcomeReader.read}): memory grows with variants × metrics × days,
 * plus two numbers per unit and metric for CUPED where the unit has a pre-period value.
 *
 * <p>Daily looks are replayed, not remembered: a unit enters the look of every day from the day of
 * its first exposure (days counted from the start, UTC), with the outcomes it has now. So the same
 * data and the same {@code now} always give the same answer, whoever asked before, and nothing is
 * stored between requests. See {@link MetricComparer} for the tests and {@link VerdictRules} for
 * the verdict.
 */
public final class ExperimentAnalysis implements Consumer<ExperimentUnitOutcome> {
    private static final Duration DAY = Duration.ofDays(1);

    private final ExperimentPlan plan;
    private final Set<ExperimentMetric> compared;
    private final Map<String, Integer> index = new HashMap<>();
    private final int days;
    private final RatioMoments[][][] byDay; // [variant][metric][day]
    private final ResizableDoubleArray[][] cupedY;
    private final ResizableDoubleArray[][] cupedX;
    private final long[] units;
    private final long[] traces;
    private long unknown;

    public ExperimentAnalysis(ExperimentPlan plan) {
        this.plan = plan;
        this.compared = EnumSet.noneOf(ExperimentMetric.class);
        compared.addAll(plan.metrics());
        compared.addAll(plan.guardrails());
        int v = plan.variants().size();
        for (int i = 0; i < v; i++) {
            index.put(plan.variants().get(i).variantId(), i);
        }
        long span = Duration.between(plan.start(), plan.until()).toMillis();
        this.days = (int) Math.max(1, Math.min(3660, (span + DAY.toMillis() - 1) / DAY.toMillis()));
        int m = ExperimentMetric.values().length;
        this.byDay = new RatioMoments[v][m][days];
        this.cupedY = new ResizableDoubleArray[v][m];
        this.cupedX = new ResizableDoubleArray[v][m];
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < m; j++) {
                cupedY[i][j] = new ResizableDoubleArray(16);
                cupedX[i][j] = new ResizableDoubleArray(16);
                for (int d = 0; d < days; d++) {
                    byDay[i][j][d] = new RatioMoments();
                }
            }
        }
        this.units = new long[v];
        this.traces = new long[v];
    }

    /** The analysis of every unit in {@code rows}, with the read's totals. */
    public static ExperimentResult analyse(ExperimentPlan plan, Iterable<ExperimentUnitOutcome> rows,
            ExperimentOutcomeTotals totals) {
        ExperimentAnalysis analysis = new ExperimentAnalysis(plan);
        rows.forEach(analysis);
        return analysis.result(totals);
    }

    @Override
    public void accept(ExperimentUnitOutcome u) {
        Integer i = index.get(u.variantId());
        if (i == null) {
            unknown++;
            return;
        }
        units[i]++;
        traces[i] += u.traces();
        long millis = Duration.between(plan.start(), u.firstExposure()).toMillis();
        int day = (int) Math.max(0, Math.min(days - 1, Math.floorDiv(millis, DAY.toMillis())));
        // every metric is accumulated (the summary shows them all); CUPED keeps values only for the compared ones
        for (ExperimentMetric metric : ExperimentMetric.values()) {
            double d = metric.denominator(u);
            if (d <= 0) {
                continue;
            }
            double y = metric.numerator(u);
            byDay[i][metric.ordinal()][day].add(y, d);
            double x = metric.preValue(u);
            if (Double.isFinite(x) && compared.contains(metric)) {
                cupedY[i][metric.ordinal()].addElement(y / d);
                cupedX[i][metric.ordinal()].addElement(x);
            }
        }
    }

    /** The analysis of the units accepted so far. */
    public ExperimentResult result(ExperimentOutcomeTotals totals) {
        List<VariantSummary> variants = new ArrayList<>();
        for (int i = 0; i < plan.variants().size(); i++) {
            variants.add(new VariantSummary(plan.variants().get(i).variantId(), plan.variants().get(i).percent(),
                    units[i], traces[i], value(i, ExperimentMetric.SUCCESS_RATE),
                    value(i, ExperimentMetric.SATISFACTION),
                    value(i, ExperimentMetric.RESPONSE_TIME), value(i, ExperimentMetric.ERROR_RATE),
                    value(i, ExperimentMetric.HANDOFF_RATE), value(i, ExperimentMetric.COST_PER_UNIT)));
        }
        int control = index.get(plan.controlId());
        List<MetricComparison> tested = new ArrayList<>();
        List<MetricComparison> guarded = new ArrayList<>();
        for (int t = 0; t < plan.variants().size(); t++) {
            if (t == control) {
                continue;
            }
            String id = plan.variants().get(t).variantId();
            for (ExperimentMetric metric : plan.metrics()) {
                tested.add(compare(control, t, id, metric, metric == plan.primary()
                        ? MetricComparison.Role.PRIMARY : MetricComparison.Role.SECONDARY));
            }
            for (ExperimentMetric metric : plan.guardrails()) {
                guarded.add(compare(control, t, id, metric, MetricComparison.Role.GUARDRAIL));
            }
        }
        double[] p = tested.stream().mapToDouble(c -> c.sequential().pValue()).toArray();
        double[] adjusted = plan.correction() == ExperimentCorrection.HOLM
                ? HolmCorrection.adjust(p) : FalseDiscoveryRate.benjaminiHochberg(p);
        List<MetricComparison> comparisons = new ArrayList<>();
        for (int k = 0; k < tested.size(); k++) {
            comparisons.add(tested.get(k).corrected(adjusted[k], plan.alpha()));
        }
        comparisons.addAll(guarded);
        long[] observed = units.clone();
        int[] percents = plan.variants().stream().mapToInt(Assignment.Allocation::percent).toArray();
        SampleRatioMismatch.Result srm = SampleRatioMismatch.check(observed, percents);
        ExperimentVerdict verdict = VerdictRules.decide(plan, variants, comparisons, srm,
                totals.unitsInSeveralVariants());
        return new ExperimentResult(plan.experimentId(), plan.start(), plan.until(), days, variants, comparisons, srm,
                totals.tracesWithoutUnit(), totals.tracesWithoutVariant(), unknown, totals.unitsInSeveralVariants(),
                verdict);
    }

    private MetricComparison compare(int control, int treatment, String id, ExperimentMetric metric,
            MetricComparison.Role role) {
        int m = metric.ordinal();
        return MetricComparer.compare(plan, id, metric, role, byDay[control][m], byDay[treatment][m],
                cupedY[control][m].getElements(), cupedX[control][m].getElements(),
                cupedY[treatment][m].getElements(), cupedX[treatment][m].getElements());
    }

    private Double value(int variant, ExperimentMetric metric) {
        RatioMoments total = new RatioMoments();
        for (RatioMoments day : byDay[variant][metric.ordinal()]) {
            total.addAll(day);
        }
        double r = total.ratio();
        return Double.isNaN(r) ? null : r;
    }
}
