package dev.sextant.store.training;

import java.util.Arrays;
import java.util.Locale;

/** A run is running until it is finished once, as completed, failed or stopped. */
public enum TrainingRunStatus {
    RUNNING, COMPLETED, FAILED, STOPPED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this != RUNNING;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static TrainingRunStatus fromWire(String text) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status must be one of running, completed, failed,"
                        + " stopped, was '" + text + "'"));
    }
}
