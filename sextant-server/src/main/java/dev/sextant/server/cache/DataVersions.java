package dev.sextant.server.cache;

import dev.sextant.model.WorkspaceId;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

/**
 * A counter per workspace that moves whenever the workspace's stored data changes (a committed
 * ingest batch, a cost recalculation). Cached answers remember the version they were computed
 * at; a different version means newer data. In-process: one server instance (several instances
 * will need the counter in the shared database or on the ingest bus). Listeners (the dashboard's
 * live connections) hear of every change; they must return at once.
 */
public final class DataVersions {
    private final ConcurrentMap<WorkspaceId, AtomicLong> versions = new ConcurrentHashMap<>();
    private final List<ObjLongConsumer<WorkspaceId>> listeners = new CopyOnWriteArrayList<>();

    public long current(WorkspaceId workspace) {
        AtomicLong v = versions.get(workspace);
        return v == null ? 0 : v.get();
    }

    public void changed(WorkspaceId workspace) {
        long version = versions.computeIfAbsent(workspace, w -> new AtomicLong()).incrementAndGet();
        for (ObjLongConsumer<WorkspaceId> listener : listeners) {
            listener.accept(workspace, version);
        }
    }

    /** Called with the workspace and its new version after every change, on the changing thread. */
    public void listen(ObjLongConsumer<WorkspaceId> listener) {
        listeners.add(listener);
    }
}
