package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * Retention (issue 8 item 4): a workspace's chosen periods, the purge that removes what is older,
 * and the record of past runs. The purge works in bounded batches, each its own short
 * transaction, so ingestion waits at most for one batch; one workspace's purge never touches
 * another's rows.
 */
public interface RetentionStore {

    /** The kinds this workspace chose a period for (the others follow the server's default). */
    List<RetentionSetting> settings(WorkspaceId workspace);

    /** Sets the given kinds all at once (one transaction); kinds not given keep their setting. */
    void set(WorkspaceId workspace, List<RetentionSetting> settings);

    /**
     * Removes what is older than the cutoffs, at most {@code batchSize} rows per statement and
     * one transaction per batch, until nothing older is left. Data written meanwhile with a
     * newer time is never touched.
     */
    RetentionCounts purge(WorkspaceId workspace, RetentionCutoffs cutoffs, int batchSize);

    void recordRun(WorkspaceId workspace, RetentionRun run);

    /** The run that started last, if any. */
    Optional<RetentionRun> lastRun(WorkspaceId workspace);
}
