package dev.sextant.store.hpo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kind of a search-space dimension. */
public enum HpoParameterType {
    FLOAT, INT, CATEGORICAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HpoParameterType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(value)).findFirst();
    }
}
