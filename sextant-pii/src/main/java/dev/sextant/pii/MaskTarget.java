package dev.sextant.pii;

import java.util.Locale;

/**
 * Where a rule applies. {@code inputs}: trace and span inputs, score comments. {@code outputs}:
 * trace and span outputs, errors, decision reasoning, hand-off reasons. {@code attributes}: span
 * attributes, trace metadata and tags, session context (every string value inside the JSON).
 */
public enum MaskTarget {
    INPUTS,
    OUTPUTS,
    ATTRIBUTES;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MaskTarget fromWire(String wire) {
        for (MaskTarget t : values()) {
            if (t.wire().equals(wire)) {
                return t;
            }
        }
        throw new IllegalArgumentException("the targets are inputs, outputs, attributes");
    }
}
