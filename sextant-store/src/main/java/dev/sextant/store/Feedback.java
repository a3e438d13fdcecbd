package dev.sextant.store;

/**
 * The feedback scores of a set of traces: {@code user_rating} (mean of the numeric values),
 * {@code thumbs} (share of values equal to 1) and {@code resolved} (share of values equal to 1).
 * A mean or share is null when no such score exists; the counts say how many there were.
 */
public record Feedback(long ratings, Double meanRating, long thumbs, Double thumbsUpRate, long resolvedScores,
        Double resolvedRate) {

    public static final String RATING = "user_rating";
    public static final String THUMBS = "thumbs";
    public static final String RESOLVED = "resolved";
}
