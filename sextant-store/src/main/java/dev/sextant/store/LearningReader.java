package dev.sextant.store;

import dev.sextant.model.WorkspaceId;

/** Learning events: how many, how confident over time, how often applied and with what outcome. */
public interface LearningReader {

    LearningStats learning(WorkspaceId workspace, LearningQuery query);
}
