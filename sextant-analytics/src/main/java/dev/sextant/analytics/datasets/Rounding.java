package dev.sextant.analytics.datasets;

/** Report figures to four decimals: enough to read, and no float noise between equal runs. */
final class Rounding {
    private Rounding() {}

    static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
