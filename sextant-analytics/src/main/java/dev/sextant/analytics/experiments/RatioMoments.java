package dev.sextant.analytics.experiments;

/**
 * Running sums over units of a ratio metric Σy / Σd (y and d one unit's numerator and
 * denominator), enough for the ratio and its delta-method variance without keeping the units.
 *
 * <p>Units are the randomised thing and a unit's traces are correlated, so a trace-level binomial
 * variance would be too small. With R = Σy / Σd and the unit-level (plug-in) moments,
 * var(R) ≈ (var(y) − 2·R·cov(y, d) + R²·var(d)) / (N·d̄²) — the delta method (Deng, Knoblich and Lu,
 * "Applying the delta method in metric analytics", KDD 2018). With one trace per unit it is exactly
 * the Wald variance p(1 − p)/N of a proportion; with d = 1 the variance of a mean, var(y)/N.
 */
final class RatioMoments {
    long n;
    double sy;
    double sd;
    double syy;
    double sdd;
    double syd;

    void add(double y, double d) {
        n++;
        sy += y;
        sd += d;
        syy += y * y;
        sdd += d * d;
        syd += y * d;
    }

    void addAll(RatioMoments o) {
        n += o.n;
        sy += o.sy;
        sd += o.sd;
        syy += o.syy;
        sdd += o.sdd;
        syd += o.syd;
    }

    RatioMoments copy() {
        RatioMoments c = new RatioMoments();
        c.addAll(this);
        return c;
    }

    /** Σy / Σd, NaN without units. */
    double ratio() {
        return n == 0 || sd == 0 ? Double.NaN : sy / sd;
    }

    /** The delta-method variance of {@link #ratio()}; NaN without units. */
    double variance() {
        if (n == 0 || sd == 0) {
            return Double.NaN;
        }
        double r = ratio();
        double my = sy / n;
        double md = sd / n;
        double vy = syy / n - my * my;
        double vd = sdd / n - md * md;
        double cyd = syd / n - my * md;
        return Math.max(0, vy - 2 * r * cyd + r * r * vd) / (n * md * md);
    }

    /** The per-unit standard deviation equivalent: √(N·var(R)), so that var(R) = sd²/N. */
    double unitSd() {
        return Math.sqrt(n * variance());
    }
}
