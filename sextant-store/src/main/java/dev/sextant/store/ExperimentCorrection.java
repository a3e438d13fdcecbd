package dev.sextant.store;

import java.util.Locale;

/**
 * How an experiment corrects the p-values of several metrics tested at once: Holm's step-down
 * (family-wise error) or Benjamini-Hochberg (false discovery rate).
 */
public enum ExperimentCorrection {
    HOLM, BENJAMINI_HOCHBERG;

    /** The wire name: {@code holm}, {@code benjamini_hochberg}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExperimentCorrection fromWire(String value) {
        for (ExperimentCorrection c : values()) {
            if (c.wire().equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("correction must be one of holm, benjamini_hochberg, was '" + value + "'");
    }
}
