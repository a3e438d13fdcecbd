package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.util.List;

/** Satisfaction and feedback scores, computed in the database over the selected interactions. */
public interface FeedbackReader {

    /** Count, mean, distribution, buckets, groups and thumbs of the query's score. */
    FeedbackSummary summary(WorkspaceId workspace, FeedbackQuery query);

    /**
     * The newest {@code limit} non-blank comments of the query's score on the selected
     * interactions, newest first (ties by score id), for text analysis.
     */
    List<FeedbackComment> comments(WorkspaceId workspace, FeedbackQuery query, int limit);
}
