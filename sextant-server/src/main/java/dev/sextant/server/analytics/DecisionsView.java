package dev.sextant.server.analytics;

import dev.sextant.analytics.Association;
import dev.sextant.analytics.IndependenceTest;
import dev.sextant.store.DecisionAnalytics;
import dev.sextant.store.DecisionAnalytics.ChosenOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decisions as the API answers them: the store's figures per decision point, and per point the
 * tests of the chosen alternative against the trace's error and hand-off (chi-square, or Fisher's
 * exact test for a small 2 x 2 table; see {@link IndependenceTest}).
 */
record DecisionsView(Instant dataAsOf, double lowConfidenceThreshold, List<PointView> points) {

    record PointView(String point, long decisions, DecisionAnalytics.Confidence confidence,
            List<DecisionAnalytics.Alternative> alternatives, DecisionAnalytics.LowConfidence lowConfidence,
            List<ChosenOutcome> outcomes, Tests outcomeTests) {
    }

    /** Is what was chosen related to the trace ending in an error / a hand-off? */
    record Tests(TestView error, TestView handoff) {
    }

    /** {@code categories}: the alternatives chosen (decisions), or the two sides (hand-offs) that had observations. */
    record TestView(String status, String method, long samples, int categories, Integer degreesOfFreedom,
            Double chiSquare, Double pValue, Double minExpected, Boolean significant, String reason) {
        static TestView of(Association a) {
            return new TestView(a.status().wire(), a.method(), a.samples(), a.categories(), a.degreesOfFreedom(),
                    a.chiSquare(), a.pValue(), a.minExpected(), a.significant(), a.reason());
        }
    }

    static DecisionsView of(DecisionAnalytics d, Instant queriedAt) {
        List<PointView> points = new ArrayList<>();
        for (DecisionAnalytics.Point p : d.points()) {
            List<ChosenOutcome> outcomes = p.outcomes();
            long[] decisions = outcomes.stream().mapToLong(ChosenOutcome::decisions).toArray();
            Tests tests = new Tests(
                    TestView.of(IndependenceTest.ofEvents(decisions,
                            outcomes.stream().mapToLong(ChosenOutcome::errors).toArray())),
                    TestView.of(IndependenceTest.ofEvents(decisions,
                            outcomes.stream().mapToLong(ChosenOutcome::handoffs).toArray())));
            points.add(new PointView(p.point(), p.decisions(), p.confidence(), p.alternatives(), p.lowConfidence(),
                    outcomes, tests));
        }
        return new DecisionsView(d.dataAsOf() == null ? queriedAt : d.dataAsOf(), d.lowConfidenceThreshold(), points);
    }
}
