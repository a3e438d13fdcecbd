package dev.sextant.model;

import java.util.Locale;

/** Where a span's cost came from: the client, our price catalog, or estimated token counts. */
public enum CostSource {
    REPORTED, CALCULATED, ESTIMATED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CostSource fromWire(String wire) {
        return wire == null ? null : valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
