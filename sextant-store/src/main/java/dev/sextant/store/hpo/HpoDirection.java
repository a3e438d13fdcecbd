package dev.sextant.store.hpo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a study's objective is better when lower (a loss) or higher (an accuracy). */
public enum HpoDirection {
    MINIMIZE, MAXIMIZE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code a} is strictly better than {@code b}. */
    public boolean better(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    public static Optional<HpoDirection> fromWire(String value) {
        return Arrays.stream(values()).filter(d -> d.wire().equals(value)).findFirst();
    }
}
