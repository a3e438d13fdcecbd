package dev.sextant.store;

/**
 * The feedback scores of a set of traces: {@code user_rating} (count, mean and sample standard
 * deviation of the numeric values), {@code thumbs} (how many, how many equal to 1, the share) and
 * {@code resolved} (the same). A mean or share is null when no such score exists, the standard
 * deviation when there are fewer than two ratings.
 */
public record Feedback(long ratings, Double meanRating, Double ratingStdDev, long thumbs, long thumbsUp,
        Double thumbsUpRate, long resolvedScores, long resolvedYes, Double resolvedRate) {

    public static final Feedback NONE = new Feedback(0, null, null, 0, 0, null, 0, 0, null);

    public static final String RATING = "user_rating";
    public static final String THUMBS = "thumbs";
    public static final String RESOLVED = "resolved";
}
