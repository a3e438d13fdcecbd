package dev.sextant.model;

import java.time.Instant;

/** Groups traces: a user's working session or a conversation. {@code context} is JSON text. */
public record Session(
        String id, String userId, String agentId, String context, Instant startedAt, Instant endedAt) {

    public Session mergedWith(Session newer) {
        return new Session(id, Trace.pick(newer.userId, userId), Trace.pick(newer.agentId, agentId),
                Trace.pick(newer.context, context), Trace.pick(newer.startedAt, startedAt),
                Trace.pick(newer.endedAt, endedAt));
    }
}
