package dev.sextant.sdk;

import dev.sextant.sdk.internal.SessionRecord;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** An open session; traces join it through {@code trace(..).session(session)}. Closing sends its end; nothing throws. */
public final class Session implements AutoCloseable {
    private final Sextant sextant;
    private final String id;
    private final String userId;
    private final String agentId;
    private final Object context;
    private final Instant startedAt;
    private final AtomicBoolean closed = new AtomicBoolean();

    Session(Sextant sextant, String id, String userId, String agentId, Object context) {
        this.sextant = sextant;
        this.id = id;
        this.userId = userId;
        this.agentId = agentId;
        this.context = context;
        this.startedAt = Instant.now();
        sextant.exporter().offer(new SessionRecord(id, userId, agentId, context, startedAt, null));
    }

    public String id() {
        return id;
    }

    /** Starts a trace in this session. */
    public TraceBuilder trace(String name) {
        TraceBuilder trace = sextant.trace(name).session(id).user(userId);
        return agentId == null ? trace : trace.agent(agentId);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            sextant.exporter().offer(new SessionRecord(id, userId, agentId, context, startedAt, Instant.now()));
        }
    }
}
