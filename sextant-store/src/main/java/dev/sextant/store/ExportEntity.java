package dev.sextant.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an export writes: the selected traces, or the spans or scores of the selected traces. */
public enum ExportEntity {
    TRACES, SPANS, SCORES;

    /** The name on the wire: {@code traces}, {@code spans}, {@code scores}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExportEntity> fromWire(String wire) {
        return Arrays.stream(values()).filter(e -> e.wire().equals(wire)).findFirst();
    }

    /** The wire names, comma-separated, for error messages. */
    public static String wireNames() {
        return Arrays.stream(values()).map(ExportEntity::wire).collect(Collectors.joining(", "));
    }
}
