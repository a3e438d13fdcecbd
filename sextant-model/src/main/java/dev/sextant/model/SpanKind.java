package dev.sextant.model;

import java.util.Locale;
import java.util.Optional;

public enum SpanKind {
    AGENT, LLM, TOOL, DECISION, RETRIEVAL, HANDOFF, CODE_GENERATION, LEARNING, EVENT, CUSTOM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SpanKind> fromWire(String wire) {
        for (SpanKind k : values()) {
            if (k.wire().equals(wire)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
