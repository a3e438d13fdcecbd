package dev.sextant.server.personalization;

import dev.sextant.analytics.personalization.RatingTrend;
import dev.sextant.analytics.personalization.UserAgentTrend;
import dev.sextant.store.PersonalizationQuery;
import java.time.Instant;
import java.util.List;

/**
 * The users list: one entry per user and agent, most active first, a page at a time
 * ({@code next_cursor} null on the last page); {@code total} counts every pair in the range.
 */
record UsersView(Instant from, Instant to, String agentId, String userId, long total, List<UserEntry> users,
        String nextCursor, TrendRule trendRule) {

    record UserEntry(String userId, String agentId, long interactions, long ratings, Double meanRating,
            int activeWeeks, int ratedWeeks, String trend, Double slope, Double ratingImprovement, List<Week> weeks) {

        static UserEntry of(UserAgentTrend t) {
            return new UserEntry(t.userId(), t.agentId(), t.interactions(), t.ratings(), t.meanRating(), t.activeWeeks(),
                    t.ratedWeeks(), t.trend().wire(), t.slope(), t.ratingImprovement(), t.weeks().stream()
                            .map(w -> new Week(w.week(), w.interactions(), w.meanRating(), w.ratings())).toList());
        }
    }

    record Week(Instant week, long interactions, Double meanRating, long ratings) {}

    /** The classification's constants, so that a reader of the answer knows them. */
    record TrendRule(double threshold, int minActiveWeeks, int minRatedWeeks) {
        static final TrendRule CURRENT = new TrendRule(RatingTrend.THRESHOLD, RatingTrend.MIN_WEEKS + 1,
                RatingTrend.MIN_RATED_WEEKS);
    }

    static UsersView of(PersonalizationQuery q, List<UserAgentTrend> all, List<UserAgentTrend> page, UserCursor next) {
        return new UsersView(q.from(), q.to(), q.agentId(), q.userId(), all.size(),
                page.stream().map(UserEntry::of).toList(), next == null ? null : next.encode(), TrendRule.CURRENT);
    }
}
