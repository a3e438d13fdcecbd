package dev.sextant.model;

import java.util.Arrays;
import java.util.Optional;

/** What an API key (or a member's role) may do. */
public enum Scope {
    INGEST_WRITE("ingest:write"),
    ANALYTICS_VIEW("analytics:view"),
    CONFIG_WRITE("config:write"),
    ADMIN("admin");

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Scope> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }
}
