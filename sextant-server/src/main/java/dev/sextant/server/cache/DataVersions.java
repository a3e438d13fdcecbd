package dev.sextant.server.cache;

import dev.sextant.model.WorkspaceId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter per workspace that moves whenever the workspace's stored data changes (a committed
 * ingest batch, a cost recalculation). Cached answers remember the version they were computed
 * at; a different version means newer data. In-process: one server instance (several instances
 * will need the counter in the shared database or on the ingest bus).
 */
public final class DataVersions {
    private final ConcurrentMap<WorkspaceId, AtomicLong> versions = new ConcurrentHashMap<>();

    public long current(WorkspaceId workspace) {
        AtomicLong v = versions.get(workspace);
        return v == null ? 0 : v.get();
    }

    public void changed(WorkspaceId workspace) {
        versions.computeIfAbsent(workspace, w -> new AtomicLong()).incrementAndGet();
    }
}
