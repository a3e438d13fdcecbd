package dev.sextant.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Learning events ({@code learning} spans): overall and per pattern (the most frequent first, ties
 * by pattern), and the mean confidence per time bucket. {@code dataAsOf}: the newest interaction
 * start covered, null when no event matched.
 */
public record LearningStats(Figures overall, List<Figures> byPattern, List<TrendResult.Bucket> confidence,
        Instant dataAsOf) {

    public LearningStats {
        Objects.requireNonNull(overall, "overall");
        byPattern = List.copyOf(byPattern);
        confidence = List.copyOf(confidence);
    }

    /**
     * One group's figures: {@code withApplied} events say whether the pattern was applied,
     * {@code applied} of them say yes; of the applied ones, {@code succeeded} and {@code failed}
     * have a success or failure outcome. {@code meanConfidence} over the {@code withConfidence} events.
     */
    public record Figures(String pattern, long events, long withConfidence, Double meanConfidence,
            long withApplied, long applied, long succeeded, long failed) {

        public Figures {
            if (withConfidence > events || withApplied > events || applied > withApplied
                    || succeeded + failed > applied || Math.min(Math.min(withConfidence, withApplied),
                            Math.min(succeeded, failed)) < 0) {
                throw new IllegalArgumentException("inconsistent counts for pattern " + pattern);
            }
        }

        /** Applied among the events that say; null when none says. */
        public Double applicationRate() {
            return withApplied == 0 ? null : applied / (double) withApplied;
        }

        /** Successes among the applied events with a known outcome; null when there are none. */
        public Double applicationSuccessRate() {
            return succeeded + failed == 0 ? null : succeeded / (double) (succeeded + failed);
        }
    }
}
