package dev.sextant.analytics.personalization;

import java.util.Locale;

/**
 * The direction of a user's weekly mean rating: the least-squares slope (rating points per week)
 * above {@link #THRESHOLD} is improving, below minus it declining, else stable. A user active in
 * {@link #MIN_WEEKS} weeks or fewer has no trend ({@code insufficient_weeks}); one active longer
 * but rated in fewer than three weeks has none either ({@code insufficient_ratings}): a line
 * through two points says nothing about its fit.
 */
public enum RatingTrend {
    IMPROVING, DECLINING, STABLE, INSUFFICIENT_WEEKS, INSUFFICIENT_RATINGS;

    public static final double THRESHOLD = 0.001;
    /** A trend needs more active weeks than this. */
    public static final int MIN_WEEKS = 2;
    /** A slope needs at least this many rated weeks. */
    public static final int MIN_RATED_WEEKS = 3;

    static RatingTrend ofSlope(double slope) {
        return slope > THRESHOLD ? IMPROVING : slope < -THRESHOLD ? DECLINING : STABLE;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
