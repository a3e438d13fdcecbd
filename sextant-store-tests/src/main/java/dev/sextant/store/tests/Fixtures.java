package dev.sextant.store.tests;

import dev.sextant.model.CostSource;
import dev.sextant.model.Handoff;
import dev.sextant.model.Intent;
import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.WorkspaceBatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Test data: traces and spans with every field set, or only the fields a test names. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private Fixtures() {}

    public static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    /** A complete trace: started at {@code start}, 1.2 s long, every field set. */
    public static Trace trace(String id, Instant start) {
        return new Trace(id, "support-bot", "sess-1", "conv-1", "user-1", "answer", "Where is my order?",
                "It ships today.", Status.OK, null, start, start.plusMillis(1200), "text",
                List.of(new Intent("order_status", 0.92)), 0.92, new Handoff(false, null, null), 2048, "v3",
                "exp-1", "B", List.of("vip", "eu"), "{\"campaign\": \"spring\"}");
    }

    /** A trace with only its id and the given fields; everything else null ("not sent"). */
    public static Trace bareTrace(String id, Instant start, Instant end) {
        return new Trace(id, null, null, null, null, null, null, null, null, null, start, end, null, null, null,
                null, null, null, null, null, null, null);
    }

    public static Trace withAgent(Trace t, String agentId) {
        return new Trace(t.id(), agentId, t.sessionId(), t.conversationId(), t.userId(), t.name(), t.input(),
                t.output(), t.status(), t.error(), t.startedAt(), t.endedAt(), t.messageType(), t.intents(),
                t.confidence(), t.handoff(), t.contextSize(), t.configVersion(), t.experimentId(), t.variantId(),
                t.tags(), t.metadata());
    }

    /** An LLM call with usage and a calculated cost. */
    public static Span llm(String id, String traceId, Instant start, String model, Usage usage, String cost) {
        return new Span(id, traceId, null, SpanKind.LLM, "generate", Status.OK, null, start, start.plusMillis(500),
                model, "openai", usage, cost == null ? null : new BigDecimal(cost),
                cost == null ? null : CostSource.CALCULATED, null, null, null, null, "{\"temperature\": 0.2}",
                "prompt", "completion");
    }

    public static Span span(String id, String traceId, SpanKind kind, Instant start) {
        return new Span(id, traceId, null, kind, kind.wire(), null, null, start, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    public static Span withUsage(Span s, Usage usage, String cost, CostSource source) {
        return s.withCost(usage, cost == null ? null : new BigDecimal(cost), source);
    }

    public static Score score(String id, String traceId, double value) {
        return new Score(id, traceId, null, "user_rating", value, null, "fast", "user", "user-1", T0);
    }

    public static WorkspaceBatch traces(WorkspaceId ws, Trace... traces) {
        return new WorkspaceBatch(ws, List.of(traces), List.of(), List.of(), List.of());
    }

    public static WorkspaceBatch spans(WorkspaceId ws, Span... spans) {
        return new WorkspaceBatch(ws, List.of(), List.of(spans), List.of(), List.of());
    }

    public static WorkspaceBatch batch(WorkspaceId ws, List<Trace> traces, List<Span> spans) {
        return new WorkspaceBatch(ws, traces, spans, List.of(), List.of());
    }

    public static BigDecimal usd(String value) {
        return new BigDecimal(value);
    }
}
