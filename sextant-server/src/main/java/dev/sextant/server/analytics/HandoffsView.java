package dev.sextant.server.analytics;

import dev.sextant.analytics.IndependenceTest;
import dev.sextant.analytics.MeanDifference;
import dev.sextant.analytics.WelchTest;
import dev.sextant.store.Feedback;
import dev.sextant.store.HandoffAnalytics;
import java.time.Instant;
import java.util.List;

/**
 * Hand-offs as the API answers them: counts by reason and target, time to hand-off, and what
 * happened after ({@code after}: the outcomes of handed-off traces against the others with tests
 * of the difference, and whether the conversation continued).
 */
record HandoffsView(Instant dataAsOf, long interactions, long handoffs, Double handoffRate,
        List<ReasonView> byReason, List<TargetView> byTarget, HandoffAnalytics.TimeToHandoff timeToHandoff,
        After after, long spanOnlyHandoffs) {

    record ReasonView(String reason, long handoffs, double share, Double p50TimeToHandoffMs) {
    }

    record TargetView(String target, long handoffs, double share, Double p50TimeToHandoffMs) {
    }

    record After(HandoffAnalytics.Outcome handedOff, HandoffAnalytics.Outcome notHandedOff, Comparison comparison,
            HandoffAnalytics.Continuation conversationContinued) {
    }

    /** Handed-off traces against the others: mean rating by Welch's t-test, thumbs up and resolved shares. */
    record Comparison(RatingView rating, DecisionsView.TestView thumbsUp, DecisionsView.TestView resolved) {
        static Comparison of(Feedback handed, Feedback others) {
            return new Comparison(
                    RatingView.of(WelchTest.compare(handed.ratings(), handed.meanRating(), handed.ratingStdDev(),
                            others.ratings(), others.meanRating(), others.ratingStdDev())),
                    DecisionsView.TestView.of(IndependenceTest.ofEvents(new long[] {handed.thumbs(), others.thumbs()},
                            new long[] {handed.thumbsUp(), others.thumbsUp()})),
                    DecisionsView.TestView.of(IndependenceTest.ofEvents(
                            new long[] {handed.resolvedScores(), others.resolvedScores()},
                            new long[] {handed.resolvedYes(), others.resolvedYes()})));
        }
    }

    /** Mean rating of handed-off traces minus the others', with Welch's t-test. */
    record RatingView(String status, long handedOffRatings, long otherRatings, Double difference, Double t,
            Double degreesOfFreedom, Double pValue, Boolean significant, String reason) {
        static RatingView of(MeanDifference d) {
            return new RatingView(d.status().wire(), d.samplesA(), d.samplesB(), d.difference(), d.t(),
                    d.degreesOfFreedom(), d.pValue(), d.significant(), d.reason());
        }
    }

    static HandoffsView of(HandoffAnalytics h, Instant queriedAt) {
        return new HandoffsView(h.dataAsOf() == null ? queriedAt : h.dataAsOf(), h.interactions(), h.handoffs(),
                h.handoffRate(),
                h.byReason().stream().map(g -> new ReasonView(g.key(), g.handoffs(), g.share(), g.p50TimeToHandoffMs()))
                        .toList(),
                h.byTarget().stream().map(g -> new TargetView(g.key(), g.handoffs(), g.share(), g.p50TimeToHandoffMs()))
                        .toList(),
                h.timeToHandoff(), new After(h.handedOff(), h.notHandedOff(),
                        Comparison.of(h.handedOff().feedback(), h.notHandedOff().feedback()), h.continuation()),
                h.spanOnlyHandoffs());
    }
}
