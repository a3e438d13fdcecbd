package dev.sextant.analytics.models;

import java.util.Locale;

/** The verdict of a version against its baseline; {@link ModelComparison} gives the rule. */
public enum Assessment {
    MAJOR_IMPROVEMENT, IMPROVEMENT, MIXED_RESULTS, REGRESSION, NO_CHANGE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
