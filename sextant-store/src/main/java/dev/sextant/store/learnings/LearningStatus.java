package dev.sextant.store.learnings;

import java.util.Locale;
import java.util.Optional;

/** Whether a learning is in use ({@code active}) or kept only for its history ({@code retired}). */
public enum LearningStatus {
    ACTIVE, RETIRED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LearningStatus> fromWire(String wire) {
        for (LearningStatus s : values()) {
            if (s.wire().equals(wire)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
