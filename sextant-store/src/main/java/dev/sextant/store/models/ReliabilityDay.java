package dev.sextant.store.models;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One UTC day of a model id in production: traces served by it, how many succeeded (status not
 * {@code error}; ok and unset count as success, as every reader counts them) and failed, its LLM
 * calls (spans naming the model) and those that failed, the mean trace duration (null when no
 * trace has one), and the numeric {@code user_rating} scores of those traces (count and mean).
 */
public record ReliabilityDay(LocalDate day, long traces, long successes, long errors, long calls, long callErrors,
        Double meanLatencyMs, long ratings, Double meanRating) {
    public ReliabilityDay {
        Objects.requireNonNull(day, "day");
        if (traces < 0 || successes < 0 || errors < 0 || successes + errors != traces || calls < 0 || callErrors < 0
                || callErrors > calls || ratings < 0) {
            throw new IllegalArgumentException("day " + day + ": counts out of range");
        }
    }
}
