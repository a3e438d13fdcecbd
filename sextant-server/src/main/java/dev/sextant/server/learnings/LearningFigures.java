package dev.sextant.server.learnings;

import dev.sextant.analytics.learnings.LearningConfidence;
import dev.sextant.analytics.learnings.LearningEffect;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.learnings.Learning;
import dev.sextant.store.learnings.LearningsStore;
import dev.sextant.store.learnings.OutcomeTally;
import java.util.List;

/** A learning's figures as read now: its confidence with the trend, and its effect against the baseline. */
record LearningFigures(LearningConfidence confidence, LearningEffect effect, LearningConfidence.Interval interval) {

    static LearningFigures of(LearningsStore store, WorkspaceId workspace, Learning learning,
            LearningConfidence.Interval interval) {
        List<OutcomeTally> days = store.tally(workspace, learning.id());
        LearningConfidence confidence = LearningConfidence.of(learning, days, interval);
        LearningEffect effect = LearningEffect.of(confidence.successes(), confidence.failures(),
                store.baseline(workspace, learning.id(), learning.agentId()));
        return new LearningFigures(confidence, effect, interval);
    }
}
