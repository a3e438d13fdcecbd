package dev.sextant.server.learnings;

import dev.sextant.analytics.learnings.LearningConfidence;
import dev.sextant.analytics.learnings.LearningEffect;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.learnings.Learning;
import dev.sextant.store.learnings.LearningsStore;
import dev.sextant.store.learnings.OutcomeTally;
import java.util.List;

/**
 * A learning's figures as read now: its confidence with the trend (all its applications), and its
 * effect against the baseline of the traces started in {@code window}.
 */
record LearningFigures(LearningConfidence confidence, LearningEffect effect, LearningConfidence.Interval interval,
        BaselineWindow window) {

    static LearningFigures of(LearningsStore store, WorkspaceId workspace, Learning learning,
            LearningConfidence.Interval interval, BaselineWindow window) {
        return of(store, workspace, learning, confidence(store, workspace, learning, interval), interval, window);
    }

    /** The confidence alone: one query (the learning's applications per day). */
    static LearningConfidence confidence(LearningsStore store, WorkspaceId workspace, Learning learning,
            LearningConfidence.Interval interval) {
        List<OutcomeTally> days = store.tally(workspace, learning.id());
        return LearningConfidence.of(learning, days, interval);
    }

    /** The figures from a confidence already read: one query more (the baseline in {@code window}). */
    static LearningFigures of(LearningsStore store, WorkspaceId workspace, Learning learning,
            LearningConfidence confidence, LearningConfidence.Interval interval, BaselineWindow window) {
        LearningEffect effect = LearningEffect.of(confidence.successes(), confidence.failures(),
                store.baseline(workspace, learning.id(), learning.agentId(), window.from(), window.to()));
        return new LearningFigures(confidence, effect, interval, window);
    }
}
