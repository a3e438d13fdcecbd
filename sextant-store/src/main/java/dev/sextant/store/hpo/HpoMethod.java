package dev.sextant.store.hpo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a study picks its next trial: grid, random, bayesian (model-based) or evolutionary search. */
public enum HpoMethod {
    GRID, RANDOM, BAYESIAN, EVOLUTIONARY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<HpoMethod> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wire().equals(value)).findFirst();
    }
}
