package dev.sextant.analytics.experiments;

import dev.sextant.analytics.EffectSize;
import dev.sextant.analytics.MeanDifference;
import dev.sextant.analytics.WelchTest;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * One treatment against the control on one metric, from the daily moments of both.
 *
 * <p><b>Fixed horizon.</b> Units are randomised, so the unit is the sample: a rate or a mean over
 * traces is the ratio Σy / Σd over units with its delta-method variance ({@link RatioMoments}), and
 * the difference is tested with a z-test, z = (R<sub>B</sub> − R<sub>A</sub>) / √(var<sub>A</sub> +
 * var<sub>B</sub>), interval ± z<sub>1−α/2</sub>·se. With one trace per unit this is the unpooled
 * two-proportion z-test, whose interval is R's {@code prop.test(..., correct = FALSE)} interval. Cost
 * per unit is a plain mean per unit: Welch's t-test and interval (R's {@code t.test}).
 *
 * <p><b>Sequential.</b> The daily looks are replayed through {@link SequentialTest}; τ is the
 * minimum detectable effect times the control's value at the first look with enough units on both
 * sides (the control's standard error there when that value is 0), fixed from then on, so a later
 * request replays the same looks with the same τ and the p-value only falls as days are added.
 *
 * <p><b>CUPED.</b> {@link Cuped} on unit-level means of the units that have a pre-period value,
 * applied when each side has at least {@link Cuped#MIN_SAMPLES} such units and at least
 * {@link #CUPED_MIN_SHARE} of its units with the metric.
 */
final class MetricComparer {
    /** The share of a variant's units that must have a pre-period value before CUPED is applied. */
    static final double CUPED_MIN_SHARE = 0.5;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private MetricComparer() {
    }

    static MetricComparison compare(ExperimentPlan plan, String treatmentId, ExperimentMetric metric,
            MetricComparison.Role role, RatioMoments[] controlDays, RatioMoments[] treatmentDays, double[] yA,
            double[] xA, double[] yB, double[] xB) {
        RatioMoments a = new RatioMoments();
        RatioMoments b = new RatioMoments();
        SequentialTest test = null;
        double tau = Double.NaN;
        for (int d = 0; d < controlDays.length; d++) {
            a.addAll(controlDays[d]);
            b.addAll(treatmentDays[d]);
            if (a.n < SequentialTest.MIN_SAMPLES || b.n < SequentialTest.MIN_SAMPLES
                    || !(a.variance() + b.variance() > 0)) {
                continue;
            }
            if (test == null) {
                tau = plan.minimumDetectableEffect() * Math.abs(a.ratio());
                if (!(tau > 0)) {
                    tau = Math.sqrt(a.variance() + b.variance());
                }
                test = new SequentialTest(tau, plan.alpha());
            }
            test.observe(a.n, a.ratio(), a.unitSd(), b.n, b.ratio(), b.unitSd());
        }
        SequentialEstimate sequential = test == null
                ? new SequentialEstimate(0, 1, null, null, null, "insufficient data: needs at least "
                        + SequentialTest.MIN_SAMPLES + " units with varying values on each side")
                : sequential(test.result(), tau);
        Double ra = finite(a.ratio());
        Double rb = finite(b.ratio());
        Double diff = ra == null || rb == null ? null : rb - ra;
        Double relative = diff == null || ra == 0 ? null : diff / ra;
        Double p = null;
        Double lower = null;
        Double upper = null;
        String testName;
        Double effect = null;
        Double power = null;
        double sdA = a.unitSd();
        double sdB = b.unitSd();
        if (metric == ExperimentMetric.COST_PER_UNIT) {
            testName = "welch_t";
            if (a.n >= WelchTest.MIN_SAMPLES && b.n >= WelchTest.MIN_SAMPLES) {
                double sA = sdA * Math.sqrt(a.n / (a.n - 1.0));
                double sB = sdB * Math.sqrt(b.n / (b.n - 1.0));
                MeanDifference welch = WelchTest.compare(b.n, rb, sB, a.n, ra, sA);
                if (welch.pValue() != null) {
                    p = welch.pValue();
                    double half = new TDistribution(null, welch.degreesOfFreedom())
                            .inverseCumulativeProbability(1 - plan.alpha() / 2)
                            * Math.sqrt(sA * sA / a.n + sB * sB / b.n);
                    lower = diff - half;
                    upper = diff + half;
                }
            }
        } else {
            testName = "delta_method_z";
            double se = Math.sqrt(a.variance() + b.variance());
            if (a.n >= 2 && b.n >= 2 && se > 0) {
                p = 2 * NORMAL.cumulativeProbability(-Math.abs(diff) / se);
                double half = NORMAL.inverseCumulativeProbability(1 - plan.alpha() / 2) * se;
                lower = diff - half;
                upper = diff + half;
            }
        }
        if (diff != null) {
            effect = metric.rate() ? EffectSize.cohensH(clamp(rb), clamp(ra))
                    : finite(EffectSize.cohensD(rb, sdB * sdB, ra, sdA * sdA));
            if (sdA + sdB > 0) {
                power = PowerAnalysis.achievedPowerMeans(diff, sdA, a.n, sdB, b.n, plan.alpha());
            }
        }
        Boolean violated = null;
        if (role == MetricComparison.Role.GUARDRAIL) {
            violated = sequential.lower() != null && sequential.upper() != null
                    && (metric.higherIsBetter() ? sequential.upper() < 0 : sequential.lower() > 0);
        }
        return new MetricComparison(treatmentId, metric, role, a.n, b.n, ra, rb, diff, relative, p, lower, upper,
                testName, effect, metric.rate() ? "cohens_h" : "cohens_d", power, sequential, null, false, violated,
                cuped(plan, a.n, b.n, yA, xA, yB, xB));
    }

    private static SequentialEstimate sequential(SequentialTest.Result r, double tau) {
        boolean empty = r.lower() > r.upper();
        return new SequentialEstimate(r.looks(), r.pValue(), empty ? null : r.lower(), empty ? null : r.upper(), tau,
                r.reason());
    }

    private static CupedEstimate cuped(ExperimentPlan plan, long nA, long nB, double[] yA, double[] xA, double[] yB,
            double[] xB) {
        long with = yA.length + yB.length;
        long all = nA + nB;
        if (yA.length < Cuped.MIN_SAMPLES || yB.length < Cuped.MIN_SAMPLES
                || yA.length < CUPED_MIN_SHARE * nA || yB.length < CUPED_MIN_SHARE * nB) {
            return new CupedEstimate(false, with, all, null, null, null, null, null, null, String.format(Locale.ROOT,
                    "not applied: %d of %d control and %d of %d treatment units have a pre-period value; CUPED needs"
                            + " at least %d and %.0f%% on each side",
                    yA.length, nA, yB.length, nB, Cuped.MIN_SAMPLES, CUPED_MIN_SHARE * 100));
        }
        try {
            Cuped.Result r = Cuped.adjust(yA, xA, yB, xB);
            if (!(r.standardError() > 0)) {
                return new CupedEstimate(false, with, all, r.rawDifference(), null, null, null, null, null,
                        "not applied: the adjusted values do not vary");
            }
            double half = NORMAL.inverseCumulativeProbability(1 - plan.alpha() / 2) * r.standardError();
            double p = 2 * NORMAL.cumulativeProbability(-Math.abs(r.difference()) / r.standardError());
            return new CupedEstimate(true, with, all, r.rawDifference(), r.difference(), r.difference() - half,
                    r.difference() + half, p, r.varianceRatio(), String.format(Locale.ROOT,
                            "applied to the unit-level means of the %d of %d units with a pre-period value;"
                                    + " theta = %.4g",
                            with, all, r.theta()));
        } catch (IllegalArgumentException e) {
            return new CupedEstimate(false, with, all, null, null, null, null, null, null,
                    "not applied: " + e.getMessage());
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
