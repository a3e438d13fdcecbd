package dev.sextant.store;

import java.util.Locale;

/** What a customization event records: a new configuration, a new version, an activation, a rollback. */
public enum ChangeKind {
    CREATE, VERSION, ACTIVATE, ROLLBACK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChangeKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
