package dev.sextant.server.cache;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.CostStore;
import java.time.Instant;
import java.util.List;

/** Moves the workspace's data version after recalculated costs are committed. */
public final class VersionedCostStore implements CostStore {
    private final CostStore delegate;
    private final DataVersions versions;

    public VersionedCostStore(CostStore delegate, DataVersions versions) {
        this.delegate = delegate;
        this.versions = versions;
    }

    @Override
    public List<PricedSpan> pricedSpans(WorkspaceId workspace, Instant from, Instant to, String afterId, int limit) {
        return delegate.pricedSpans(workspace, from, to, afterId, limit);
    }

    @Override
    public void updateCosts(WorkspaceId workspace, List<CostUpdate> updates) {
        delegate.updateCosts(workspace, updates);
        versions.changed(workspace);
    }
}
