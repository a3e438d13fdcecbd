package dev.sextant.store;

import java.util.Locale;

/** Where an experiment is in its life: draft → running → stopped or concluded. */
public enum ExperimentStatus {
    DRAFT, RUNNING, STOPPED, CONCLUDED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExperimentStatus fromWire(String value) {
        for (ExperimentStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be one of draft, running, stopped, concluded, was '" + value + "'");
    }
}
