package dev.sextant.store;

import java.time.Instant;

/** A score's comment with its numeric value (null for categorical scores) and when it was given. */
public record FeedbackComment(String traceId, Double value, String comment, Instant createdAt) {
}
