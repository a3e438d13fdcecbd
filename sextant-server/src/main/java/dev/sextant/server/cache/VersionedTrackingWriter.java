package dev.sextant.server.cache;

import dev.sextant.store.TrackingWriter;
import dev.sextant.store.WorkspaceBatch;
import java.util.List;

/** Moves the data version of every workspace in a write, once the write has committed. */
public final class VersionedTrackingWriter implements TrackingWriter {
    private final TrackingWriter delegate;
    private final DataVersions versions;

    public VersionedTrackingWriter(TrackingWriter delegate, DataVersions versions) {
        this.delegate = delegate;
        this.versions = versions;
    }

    @Override
    public void write(List<WorkspaceBatch> batches) {
        delegate.write(batches);
        for (WorkspaceBatch batch : batches) {
            versions.changed(batch.workspace());
        }
    }
}
