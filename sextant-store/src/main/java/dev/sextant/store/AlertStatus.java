package dev.sextant.store;

import java.util.Locale;

/**
 * An alert's lifecycle: {@code firing} while its condition holds, {@code acknowledged} when a
 * person has taken it (still open), {@code resolved} once the condition cleared (final).
 */
public enum AlertStatus {
    FIRING, ACKNOWLEDGED, RESOLVED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertStatus fromWire(String value) {
        for (AlertStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("status must be one of firing, acknowledged, resolved, was '" + value + "'");
    }
}
