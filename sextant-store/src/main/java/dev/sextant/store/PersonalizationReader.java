package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.util.List;

/**
 * Per-user figures for personalization, computed in the database over the interactions that
 * carry a {@code user_id}. A rating is a numeric {@code user_rating} score on the interaction,
 * as in the feedback analytics; every such score counts once.
 */
public interface PersonalizationReader {

    /**
     * One row per user, agent and ISO week (Monday 00:00 UTC) of the interaction's start with at
     * least one interaction; ordered by user, agent (no agent last) and week.
     */
    List<UserWeek> weeks(WorkspaceId workspace, PersonalizationQuery query);

    /** One row per user with the behaviour features used for segmentation, ordered by user id. */
    List<UserBehaviour> behaviour(WorkspaceId workspace, PersonalizationQuery query);
}
