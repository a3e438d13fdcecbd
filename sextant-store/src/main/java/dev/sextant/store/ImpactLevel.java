package dev.sextant.store;

import java.util.Locale;

/** How much a configuration change can alter an agent's behaviour; the rules are in docs/API.md. */
public enum ImpactLevel {
    LOW, MEDIUM, HIGH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImpactLevel fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
