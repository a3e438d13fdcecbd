package dev.sextant.analytics.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.UserWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserTrendsTest {
    private static final Instant W0 = Instant.parse("2026-10-05T00:00:00Z");

    private static UserWeek week(String user, int week, long interactions, Double mean, long ratings) {
        return new UserWeek(user, "bot", W0.plus(Duration.ofDays(7L * week)), interactions, mean, ratings);
    }

    @Test
    void aSteadyRiseIsImprovingWithTheSlopePerWeek() {
        UserAgentTrend t = UserTrends.of("ann", "bot", List.of(week("ann", 3, 1, 4.5, 1), week("ann", 0, 1, 3.0, 1),
                week("ann", 1, 1, 3.5, 1), week("ann", 2, 1, 4.0, 1)));
        assertThat(t.trend()).isEqualTo(RatingTrend.IMPROVING);
        assertThat(t.slope()).isCloseTo(0.5, within(1e-12));
        assertThat(t.ratingImprovement()).isCloseTo(1.5, within(1e-12));
        assertThat(t.activeWeeks()).isEqualTo(4);
        assertThat(t.weeks()).extracting(UserWeek::meanRating).containsExactly(3.0, 3.5, 4.0, 4.5);
    }

    /**
     * Weeks 0, 1 and 3 (week 2 has no rating) at 4, 3, 2: x̄ = 4/3, ȳ = 3, Sxy = −3, Sxx = 14/3,
     * slope −9/14. The unrated week still counts as active.
     */
    @Test
    void aGapIsMeasuredInWeeksAndAFallIsDeclining() {
        UserAgentTrend t = UserTrends.of("bob", "bot", List.of(week("bob", 0, 2, 4.0, 2), week("bob", 1, 1, 3.0, 1),
                week("bob", 2, 5, null, 0), week("bob", 3, 1, 2.0, 1)));
        assertThat(t.slope()).isCloseTo(-9 / 14.0, within(1e-12));
        assertThat(t.trend()).isEqualTo(RatingTrend.DECLINING);
        assertThat(t.activeWeeks()).isEqualTo(4);
        assertThat(t.ratedWeeks()).isEqualTo(3);
        assertThat(t.interactions()).isEqualTo(9);
        // every rating weighs the same in the mean: (4 + 4 + 3 + 2) / 4
        assertThat(t.meanRating()).isCloseTo(13 / 4.0, within(1e-12));
        assertThat(t.ratingImprovement()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void slopesWithinATenthOfAThousandthAreStable() {
        assertThat(UserTrends.of("c", "bot", List.of(week("c", 0, 1, 4.0, 1), week("c", 1, 1, 4.0005, 1),
                week("c", 2, 1, 4.001, 1))).trend()).isEqualTo(RatingTrend.STABLE);
        assertThat(UserTrends.of("c", "bot", List.of(week("c", 0, 1, 4.0, 1), week("c", 1, 1, 4.0015, 1),
                week("c", 2, 1, 4.003, 1))).trend()).isEqualTo(RatingTrend.IMPROVING);
        assertThat(UserTrends.of("c", "bot", List.of(week("c", 0, 1, 4.0, 1), week("c", 1, 1, 3.9985, 1),
                week("c", 2, 1, 3.997, 1))).trend()).isEqualTo(RatingTrend.DECLINING);
    }

    @Test
    void twoWeeksAreTooFewAndThreeWeeksWithTwoRatedHaveNoTrend() {
        UserAgentTrend two = UserTrends.of("d", "bot", List.of(week("d", 0, 1, 1.0, 1), week("d", 1, 1, 5.0, 1)));
        assertThat(two.trend()).isEqualTo(RatingTrend.INSUFFICIENT_WEEKS);
        assertThat(two.slope()).isNull();
        assertThat(two.ratingImprovement()).isEqualTo(4.0);
        UserAgentTrend unrated = UserTrends.of("e", "bot", List.of(week("e", 0, 1, null, 0), week("e", 1, 1, 2.0, 1),
                week("e", 4, 1, 3.0, 1)));
        assertThat(unrated.trend()).isEqualTo(RatingTrend.INSUFFICIENT_RATINGS);
        UserAgentTrend none = UserTrends.of("f", "bot", List.of(week("f", 0, 3, null, 0)));
        assertThat(none.meanRating()).isNull();
        assertThat(none.ratingImprovement()).isNull();
    }

    @Test
    void pairsAreListedMostActiveFirstThenByUserAndAgent() {
        List<UserAgentTrend> trends = UserTrends.of(List.of(
                new UserWeek("b", "bot", W0, 2, null, 0),
                new UserWeek("a", null, W0, 2, null, 0),
                new UserWeek("a", "bot", W0, 1, null, 0),
                new UserWeek("a", "bot", W0.plus(Duration.ofDays(7)), 1, null, 0),
                new UserWeek("c", "bot", W0, 5, null, 0)));
        assertThat(trends).extracting(t -> t.userId() + "/" + t.agentId())
                .containsExactly("c/bot", "a/bot", "a/null", "b/bot");
        assertThat(trends.get(1).interactions()).isEqualTo(2);
        assertThat(trends.get(1).activeWeeks()).isEqualTo(2);
    }
}
