package dev.sextant.analytics.context.patterns;

import java.util.Locale;

/** The consequent of a rule: the itemset predicts success, or failure. */
public enum PatternOutcome {
    SUCCESS,
    FAILURE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
