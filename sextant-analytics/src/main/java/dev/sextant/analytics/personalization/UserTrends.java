package dev.sextant.analytics.personalization;

import dev.sextant.store.UserWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Per user and agent trends from the store's weekly rows. The slope is an ordinary least-squares
 * fit ({@link SimpleRegression}) of the weekly mean rating on the week number, over the weeks that
 * have a rating; each week weighs the same, however many ratings it has, so one busy week does
 * not stand for the user's whole experience.
 */
public final class UserTrends {
    /** Most active first; ties by user id, then agent id (no agent last). */
    public static final Comparator<UserAgentTrend> BY_ACTIVITY = Comparator
            .comparingLong(UserAgentTrend::interactions).reversed()
            .thenComparing(UserAgentTrend::userId)
            .thenComparing(UserAgentTrend::agentId, Comparator.nullsLast(Comparator.naturalOrder()));

    private UserTrends() {}

    /** One trend per (user, agent) of the rows, most active first. */
    public static List<UserAgentTrend> of(List<UserWeek> weeks) {
        Map<List<String>, List<UserWeek>> byPair = new LinkedHashMap<>();
        for (UserWeek w : weeks) {
            byPair.computeIfAbsent(java.util.Arrays.asList(w.userId(), w.agentId()), k -> new ArrayList<>()).add(w);
        }
        List<UserAgentTrend> trends = new ArrayList<>();
        byPair.values().forEach(rows -> trends.add(of(rows.getFirst().userId(), rows.getFirst().agentId(), rows)));
        trends.sort(BY_ACTIVITY);
        return trends;
    }

    /** The trend of one user and agent from their weekly rows (any order). */
    public static UserAgentTrend of(String userId, String agentId, List<UserWeek> rows) {
        List<UserWeek> weeks = rows.stream().sorted(Comparator.comparing(UserWeek::week)).toList();
        long interactions = weeks.stream().mapToLong(UserWeek::interactions).sum();
        long ratings = weeks.stream().mapToLong(UserWeek::ratings).sum();
        double ratingSum = weeks.stream().filter(w -> w.meanRating() != null)
                .mapToDouble(w -> w.meanRating() * w.ratings()).sum();
        List<UserWeek> rated = weeks.stream().filter(w -> w.meanRating() != null).toList();
        Double improvement = rated.isEmpty() ? null
                : rated.stream().mapToDouble(UserWeek::meanRating).max().orElseThrow()
                        - rated.stream().mapToDouble(UserWeek::meanRating).min().orElseThrow();
        RatingTrend trend;
        Double slope = null;
        if (weeks.size() <= RatingTrend.MIN_WEEKS) {
            trend = RatingTrend.INSUFFICIENT_WEEKS;
        } else if (rated.size() < RatingTrend.MIN_RATED_WEEKS) {
            trend = RatingTrend.INSUFFICIENT_RATINGS;
        } else {
            slope = slope(rated);
            trend = RatingTrend.ofSlope(slope);
        }
        return new UserAgentTrend(userId, agentId, interactions, ratings, ratings == 0 ? null : ratingSum / ratings,
                weeks.size(), rated.size(), trend, slope, improvement, weeks);
    }

    /** Least-squares slope of the weekly means over whole weeks since the first rated week. */
    static double slope(List<UserWeek> rated) {
        Instant first = rated.getFirst().week();
        SimpleRegression regression = new SimpleRegression();
        for (UserWeek w : rated) {
            double x = Duration.between(first, w.week()).toDays() / 7.0;
            regression.addData(x, Objects.requireNonNull(w.meanRating()));
        }
        return regression.getSlope();
    }
}
