package dev.sextant.server.learnings;

import dev.sextant.analytics.learnings.LearningConfidence;
import dev.sextant.analytics.learnings.TaskRecommendations;
import dev.sextant.store.learnings.Learning;
import java.util.List;

/** The answer of {@code GET /api/v1/learnings/recommendations}. */
record RecommendationsView(int minTraces, double alpha, String correction, List<TaskView> tasks,
        List<LearningPick> learnings) {

    record CandidateView(String name, long traces, long successes, double successRate, double ciLow, double ciHigh) {
        static CandidateView of(TaskRecommendations.Candidate c) {
            return c == null ? null
                    : new CandidateView(c.name(), c.traces(), c.successes(), c.successRate(), c.low(), c.high());
        }
    }

    /** {@code verdict}: recommended, or no_clear_winner (the numbers are shown either way). */
    record PickView(String verdict, CandidateView best, CandidateView runnerUp, Double difference, Double ciLow,
            Double ciHigh, Double pValue, Double pValueAdjusted, List<CandidateView> candidates) {
        static PickView of(TaskRecommendations.Pick p) {
            return new PickView(p.recommended() ? "recommended" : "no_clear_winner", CandidateView.of(p.best()),
                    CandidateView.of(p.runnerUp()), p.difference(), p.differenceLow(), p.differenceHigh(), p.pValue(),
                    p.adjustedPValue(), p.candidates().stream().map(CandidateView::of).toList());
        }
    }

    record TaskView(String taskType, PickView tool, PickView model) {
        static TaskView of(TaskRecommendations.Task t) {
            return new TaskView(t.taskType(), PickView.of(t.tool()), PickView.of(t.model()));
        }
    }

    record LearningPick(String id, String agentId, String statement, double confidence, double ciLow, double ciHigh,
            String direction, long outcomes, Double successRate, Double differenceFromBaseline, Double pValue) {
        static LearningPick of(Learning l, LearningFigures f) {
            LearningConfidence c = f.confidence();
            return new LearningPick(l.id(), l.agentId(), l.statement(), c.current().mean(), c.current().low(),
                    c.current().high(), c.direction().wire(), c.successes() + c.failures(), f.effect().successRate(),
                    f.effect().difference(), f.effect().pValue());
        }
    }
}
