package dev.sextant.store;

import java.time.Instant;
import java.util.List;

/**
 * Error patterns that occur in the current period and not in the baseline, most frequent first,
 * with the number of traces in each period (the exposure a rate test needs).
 */
public record NewErrors(List<Pattern> patterns, long currentTraces, long baselineTraces) {

    public NewErrors {
        patterns = List.copyOf(patterns);
    }

    /** As {@link ErrorPatterns.Pattern}: where it occurred, the normalised message, a count and an example. */
    public record Pattern(String source, String kind, String pattern, long count, Instant firstSeen, Instant lastSeen,
            String exampleTraceId, String exampleMessage) {
    }
}
