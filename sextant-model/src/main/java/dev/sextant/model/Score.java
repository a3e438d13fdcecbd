package dev.sextant.model;

import java.time.Instant;

/**
 * Feedback or an evaluation on a trace (or one of its spans): a numeric {@code value} or a
 * categorical {@code stringValue}. {@code source} is user | api | eval | auto.
 */
public record Score(
        String id,
        String traceId,
        String spanId,
        String name,
        Double value,
        String stringValue,
        String comment,
        String source,
        String userId,
        Instant createdAt) {

    public Score mergedWith(Score newer) {
        return new Score(id, Trace.pick(newer.traceId, traceId), Trace.pick(newer.spanId, spanId),
                Trace.pick(newer.name, name), Trace.pick(newer.value, value),
                Trace.pick(newer.stringValue, stringValue), Trace.pick(newer.comment, comment),
                Trace.pick(newer.source, source), Trace.pick(newer.userId, userId),
                Trace.pick(newer.createdAt, createdAt));
    }
}
