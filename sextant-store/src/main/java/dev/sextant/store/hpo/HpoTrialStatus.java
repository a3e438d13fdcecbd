package dev.sextant.store.hpo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a trial ended: completed (its score counts), failed, or pruned (stopped early by the tuner). */
public enum HpoTrialStatus {
    COMPLETED, FAILED, PRUNED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HpoTrialStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }
}
