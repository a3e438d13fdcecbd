package dev.sextant.model;

import java.util.Locale;
import java.util.Optional;

/** Outcome of a trace or span. UNSET: the client did not say (e.g. still running). */
public enum Status {
    UNSET, OK, ERROR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Status> fromWire(String wire) {
        for (Status s : values()) {
            if (s.wire().equals(wire)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
