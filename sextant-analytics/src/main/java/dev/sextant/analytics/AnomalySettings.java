package dev.sextant.analytics;

/**
 * How much history an anomaly rule looks at: {@code seasonalWeeks} same-time-of-week windows
 * and {@code recentWindows} windows right before the current one; the seasonal baseline is used
 * when at least {@code minSeasonal} of its windows have data, else the recent one when at least
 * {@code minRecent} have; otherwise the baseline is insufficient.
 */
public record AnomalySettings(int seasonalWeeks, int recentWindows, int minSeasonal, int minRecent) {

    /** Four weeks of the same window, twelve windows before it; three and six of them needed. */
    public static final AnomalySettings DEFAULTS = new AnomalySettings(4, 12, 3, 6);

    public AnomalySettings {
        if (seasonalWeeks < 0 || recentWindows < 0 || minSeasonal < 1 || minRecent < 1
                || minSeasonal > seasonalWeeks && minRecent > recentWindows) {
            throw new IllegalArgumentException("anomaly settings cannot ever have a baseline: weeks " + seasonalWeeks
                    + ", recent " + recentWindows + ", min seasonal " + minSeasonal + ", min recent " + minRecent);
        }
    }
}
