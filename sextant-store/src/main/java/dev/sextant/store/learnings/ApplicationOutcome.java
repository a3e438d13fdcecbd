package dev.sextant.store.learnings;

import java.util.Locale;
import java.util.Optional;

/**
 * How applying a learning turned out: declared by the client, else its trace's outcome (a trace
 * succeeds unless its status is error), {@code pending} while the trace is not stored.
 */
public enum ApplicationOutcome {
    SUCCESS, FAILURE, PENDING;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ApplicationOutcome> fromWire(String wire) {
        for (ApplicationOutcome o : values()) {
            if (o.wire().equals(wire)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
