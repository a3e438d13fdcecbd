package dev.sextant.store.datasets;

import dev.sextant.model.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * A workspace's uploaded datasets and their quality reports. Another workspace's dataset is not
 * found, exactly like a missing one. Status changes check the current status in the same
 * statement, so two uploads racing for one dataset cannot both start.
 */
public interface DatasetStore {

    /** A new dataset, status uploading, nothing read yet; {@code format} may be null (detected later). */
    Dataset create(WorkspaceId workspace, String name, String format);

    Optional<Dataset> find(WorkspaceId workspace, String datasetId);

    /** The workspace's datasets, newest first (then by id). */
    List<Dataset> list(WorkspaceId workspace);

    /** Marks the upload as begun; false when there is no such dataset or its content was already sent. */
    boolean startUpload(WorkspaceId workspace, String datasetId);

    /** Records how far an upload has read; ignored unless the dataset is uploading. */
    void progress(WorkspaceId workspace, String datasetId, long bytes, long lines);

    /** The content is read; the report is being completed. */
    void analyzing(WorkspaceId workspace, String datasetId, long bytes, long lines);

    /** Stores the report (JSON text) and its headline figures; status ready. */
    void ready(WorkspaceId workspace, String datasetId, DatasetResult result);

    /** Status failed with the reason; what was read so far is kept. */
    void fail(WorkspaceId workspace, String datasetId, long bytes, long lines, String error);

    /** The report as stored, byte for byte; empty when there is no such dataset or no report yet. */
    Optional<String> report(WorkspaceId workspace, String datasetId);

    /** Deletes the dataset and its report; false when there is no such dataset. */
    boolean delete(WorkspaceId workspace, String datasetId);
}
