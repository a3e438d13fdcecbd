package dev.sextant.store;

import java.time.Instant;

/**
 * One user's interactions with one agent ({@code agentId} null when the interactions named
 * none) in the ISO week starting {@code week}: how many, and the mean of their ratings (null
 * without a rating) over {@code ratings} ratings.
 */
public record UserWeek(String userId, String agentId, Instant week, long interactions, Double meanRating,
        long ratings) {
}
