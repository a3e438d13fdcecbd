package dev.sextant.store;

import java.util.Locale;
import java.util.Optional;

/** What an experiment randomises: the trace field whose value is the unit id. */
public enum ExperimentUnitKind {
    USER_ID, SESSION_ID, CONVERSATION_ID;

    /** The wire name: {@code user_id}, {@code session_id}, {@code conversation_id}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExperimentUnitKind> fromWire(String wire) {
        for (ExperimentUnitKind k : values()) {
            if (k.wire().equals(wire)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
