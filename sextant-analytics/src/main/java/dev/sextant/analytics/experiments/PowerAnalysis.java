package dev.sextant.analytics.experiments;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How many units an experiment needs before it starts, and how much power it had once it ran. Normal
 * approximation, two-sided test at level α, equal sizes per variant for the sample sizes.
 *
 * <p>Two proportions (baseline p1, treatment p2 = p1 + δ; p̄ = (p1 + p2) / 2), the textbook formula
 * (Fleiss; the same n as R's {@code power.prop.test}):
 * n = (z<sub>1−α/2</sub>·√(2·p̄(1−p̄)) + z<sub>power</sub>·√(p1(1−p1) + p2(1−p2)))² / δ².
 * Difference of means with common standard deviation σ: n = 2·(z<sub>1−α/2</sub> + z<sub>power</sub>)²·σ² / δ².
 * Both are rounded up. Achieved power for sizes n1, n2 and an observed effect uses the same
 * approximation, ignoring the far tail (rejection in the wrong direction), as R does by default:
 * proportions Φ((|δ| − z<sub>1−α/2</sub>·√(p̄(1−p̄)(1/n1 + 1/n2))) / √(p1(1−p1)/n1 + p2(1−p2)/n2)) with
 * p̄ the pooled rate; means Φ(|δ| / √(σ1²/n1 + σ2²/n2) − z<sub>1−α/2</sub>).
 */
public final class PowerAnalysis {
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    /** How the minimum detectable effect of a rate is given. */
    public enum EffectKind {
        /** In rate points: baseline 0.10 and effect 0.02 test 0.12. */
        ABSOLUTE,
        /** As a fraction of the baseline: baseline 0.10 and effect 0.2 test 0.12. */
        RELATIVE
    }

    /** A sample size plan: the units needed in each variant and in total over the given number of variants. */
    public record SampleSize(long perVariant, long total, double baseline, double target, double alpha, double power) {
    }

    private PowerAnalysis() {
    }

    /**
     * Units per variant to detect a change of a rate from {@code baseline} by {@code mde} (absolute
     * or relative, either sign) with a two-sided test at {@code alpha} and the given {@code power}.
     */
    public static SampleSize proportions(double baseline, double mde, EffectKind kind, double alpha, double power,
            int variants) {
        check(alpha, power, variants);
        if (!(baseline > 0 && baseline < 1)) {
            throw new IllegalArgumentException("the baseline rate must be strictly between 0 and 1, was " + baseline);
        }
        double target = kind == EffectKind.RELATIVE ? baseline * (1 + mde) : baseline + mde;
        if (!(mde != 0 && target > 0 && target < 1)) {
            throw new IllegalArgumentException("the minimum detectable effect must be non-zero and keep the rate "
                    + "strictly between 0 and 1; baseline " + baseline + " with effect " + mde + " gives " + target);
        }
        double za = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        double zb = NORMAL.inverseCumulativeProbability(power);
        double pBar = (baseline + target) / 2;
        double root = za * Math.sqrt(2 * pBar * (1 - pBar))
                + zb * Math.sqrt(baseline * (1 - baseline) + target * (1 - target));
        double delta = target - baseline;
        long n = ceil(root * root / (delta * delta));
        return new SampleSize(n, n * variants, baseline, target, alpha, power);
    }

    /**
     * Units per variant to detect a difference {@code mde} of means whose values have standard
     * deviation {@code sd} in each variant. {@code baseline} and {@code target} of the plan are 0 and mde.
     */
    public static SampleSize means(double sd, double mde, double alpha, double power, int variants) {
        check(alpha, power, variants);
        if (!(sd > 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("the standard deviation must be positive, was " + sd);
        }
        if (!(mde != 0) || Double.isInfinite(mde) || Double.isNaN(mde)) {
            throw new IllegalArgumentException("the minimum detectable effect must be non-zero, was " + mde);
        }
        double z = NORMAL.inverseCumulativeProbability(1 - alpha / 2) + NORMAL.inverseCumulativeProbability(power);
        long n = ceil(2 * z * z * sd * sd / (mde * mde));
        return new SampleSize(n, n * variants, 0, mde, alpha, power);
    }

    /** The power a two-sided test at {@code alpha} had to detect rates p1 vs p2 with n1 and n2 units. */
    public static double achievedPowerProportions(double p1, long n1, double p2, long n2, double alpha) {
        checkAlpha(alpha);
        if (n1 < 1 || n2 < 1 || !(p1 >= 0 && p1 <= 1) || !(p2 >= 0 && p2 <= 1)) {
            throw new IllegalArgumentException("rates must be in [0, 1] and sizes at least 1");
        }
        double pBar = (n1 * p1 + n2 * p2) / (n1 + n2);
        double se0 = Math.sqrt(pBar * (1 - pBar) * (1.0 / n1 + 1.0 / n2));
        double se1 = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        if (se1 == 0) {
            return p1 == p2 ? alpha / 2 : 1;
        }
        double za = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
        return NORMAL.cumulativeProbability((Math.abs(p2 - p1) - za * se0) / se1);
    }

    /** The power a two-sided test at {@code alpha} had to detect a difference of means {@code effect}. */
    public static double achievedPowerMeans(double effect, double sd1, long n1, double sd2, long n2, double alpha) {
        checkAlpha(alpha);
        if (n1 < 1 || n2 < 1 || !(sd1 >= 0) || !(sd2 >= 0) || sd1 + sd2 == 0) {
            throw new IllegalArgumentException("sizes must be at least 1 and standard deviations non-negative, not both 0");
        }
        double se = Math.sqrt(sd1 * sd1 / n1 + sd2 * sd2 / n2);
        return NORMAL.cumulativeProbability(Math.abs(effect) / se - NORMAL.inverseCumulativeProbability(1 - alpha / 2));
    }

    private static long ceil(double n) {
        // guard against 3841.0000000001 from rounding in the quantiles
        return (long) Math.ceil(n - 1e-9);
    }

    private static void check(double alpha, double power, int variants) {
        checkAlpha(alpha);
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be strictly between 0 and 1, was " + power);
        }
        if (variants < 2) {
            throw new IllegalArgumentException("an experiment compares at least 2 variants, was " + variants);
        }
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be strictly between 0 and 1, was " + alpha);
        }
    }
}
