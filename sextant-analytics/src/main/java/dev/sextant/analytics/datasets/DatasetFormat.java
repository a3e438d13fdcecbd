package dev.sextant.analytics.datasets;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The dataset layouts the analyzer reads; {@link #wire()} is the name on the API and in reports. */
public enum DatasetFormat {
    /** JSON Lines, one {@code {"messages": [{"role", "content"}, ...]}} per line. */
    CHAT("chat"),
    /** JSON Lines, one {@code {"prompt", "completion"}} per line. */
    PROMPT_COMPLETION("prompt_completion"),
    /** JSON Lines, one {@code {"text", "label"}} per line. */
    TEXT_LABEL("text_label"),
    /** Comma-separated values with a header row. */
    CSV("csv");

    private final String wire;

    DatasetFormat(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean jsonLines() {
        return this != CSV;
    }

    public static DatasetFormat fromWire(String value) {
        for (DatasetFormat f : values()) {
            if (f.wire.equals(value)) {
                return f;
            }
        }
        throw new IllegalArgumentException("format must be one of " + names() + ", was '" + value + "'");
    }

    public static String names() {
        return Arrays.stream(values()).map(DatasetFormat::wire).collect(Collectors.joining(", "));
    }
}
