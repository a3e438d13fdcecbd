package dev.sextant.store.models;

import java.util.Locale;
import java.util.Optional;

/** How a model version was trained. */
public enum TrainingType {
    FINE_TUNING, FEW_SHOT, REINFORCEMENT, TRANSFER_LEARNING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TrainingType> fromWire(String value) {
        for (TrainingType t : values()) {
            if (t.wire().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
