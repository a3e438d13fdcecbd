package dev.sextant.store.training;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a run trains its model (and so how the model version it produced was trained). */
public enum TrainingType {
    FINE_TUNING, FEW_SHOT, REINFORCEMENT, TRANSFER_LEARNING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type with this wire name, or empty. */
    public static Optional<TrainingType> find(String text) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(text)).findFirst();
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static TrainingType fromWire(String text) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("training_type must be one of fine_tuning, few_shot,"
                        + " reinforcement, transfer_learning, was '" + text + "'"));
    }
}
