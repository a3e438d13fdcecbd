package dev.sextant.store;

import java.util.Locale;

/** How urgent an alert is; wire names are lower case. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromWire(String value) {
        for (Severity s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("severity must be one of info, warning, critical, was '" + value + "'");
    }
}
