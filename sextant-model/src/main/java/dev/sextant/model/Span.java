package dev.sextant.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A step inside a trace. A null field means "not sent" (a span may arrive at its start and
 * again at its end); {@link #mergedWith} combines the two. {@code attributes} is a JSON object
 * as text; {@code costUsd} with {@code costSource} says whether the client reported the cost,
 * we calculated it from the price catalog, or we estimated it from estimated token counts.
 */
public record Span(
        String id,
        String traceId,
        String parentId,
        SpanKind kind,
        String name,
        Status status,
        String error,
        Instant startedAt,
        Instant endedAt,
        String model,
        String provider,
        Usage usage,
        BigDecimal costUsd,
        CostSource costSource,
        String toolName,
        Decision decision,
        Double confidence,
        Handoff handoff,
        String attributes,
        String input,
        String output) {

    public Long durationMs() {
        return startedAt == null || endedAt == null ? null : Duration.between(startedAt, endedAt).toMillis();
    }

    public Span withCost(Usage usage, BigDecimal costUsd, CostSource costSource) {
        return new Span(id, traceId, parentId, kind, name, status, error, startedAt, endedAt, model,
                provider, usage, costUsd, costSource, toolName, decision, confidence, handoff,
                attributes, input, output);
    }

    public Span mergedWith(Span newer) {
        return new Span(id, Trace.pick(newer.traceId, traceId), Trace.pick(newer.parentId, parentId),
                Trace.pick(newer.kind, kind), Trace.pick(newer.name, name),
                Trace.pick(newer.status, status), Trace.pick(newer.error, error),
                Trace.pick(newer.startedAt, startedAt), Trace.pick(newer.endedAt, endedAt),
                Trace.pick(newer.model, model), Trace.pick(newer.provider, provider),
                Trace.pick(newer.usage, usage),
                newer.costUsd != null ? newer.costUsd : costUsd,
                newer.costUsd != null ? newer.costSource : costSource,
                Trace.pick(newer.toolName, toolName), Trace.pick(newer.decision, decision),
                Trace.pick(newer.confidence, confidence), Trace.pick(newer.handoff, handoff),
                Trace.pick(newer.attributes, attributes), Trace.pick(newer.input, input),
                Trace.pick(newer.output, output));
    }
}
