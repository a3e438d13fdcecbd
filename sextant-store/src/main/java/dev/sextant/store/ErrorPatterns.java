package dev.sextant.store;

import java.time.Instant;
import java.util.List;

/**
 * Error patterns: errors of spans and of traces (status error) grouped by where they occurred
 * ({@code span} with its kind, or {@code trace}) and by the message with digit runs replaced by
 * {@code #} and UUIDs by {@code <id>}. A missing message counts as {@code (no message)}.
 * Sorted by count, most frequent first. {@code dataAsOf}: the newest error counted, or null.
 */
public record ErrorPatterns(List<Pattern> patterns, Instant dataAsOf) {

    public ErrorPatterns {
        patterns = List.copyOf(patterns);
    }

    public record Pattern(String source, String kind, String pattern, long count, Instant firstSeen,
            Instant lastSeen, String exampleTraceId, String exampleMessage) {
    }
}
