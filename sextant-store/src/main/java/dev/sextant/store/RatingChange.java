package dev.sextant.store;

import java.time.Instant;

/** One agent's numeric {@code user_rating} scores: count, mean and sample variance per period (null when absent). */
public record RatingChange(String key, long currentN, Double currentMean, Double currentVariance, long baselineN,
        Double baselineMean, Double baselineVariance, Instant newest) {
}
