package dev.sextant.analytics.personalization;

import dev.sextant.store.UserWeek;
import java.util.List;

/**
 * One user's activity and rating with one agent, week by week (only weeks with interactions), with
 * the rating trend: {@code slope} in rating points per week (null without a trend), and
 * {@code ratingImprovement}, the highest weekly mean minus the lowest (null without a rated week).
 */
public record UserAgentTrend(String userId, String agentId, long interactions, long ratings, Double meanRating,
        int activeWeeks, int ratedWeeks, RatingTrend trend, Double slope, Double ratingImprovement,
        List<UserWeek> weeks) {

    public UserAgentTrend {
        weeks = List.copyOf(weeks);
    }
}
