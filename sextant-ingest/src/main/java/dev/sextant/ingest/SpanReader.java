package dev.sextant.ingest;

import dev.sextant.model.CostSource;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import java.math.BigDecimal;
import java.time.Instant;

/** A {@code span} item's body → {@link Span}. A sent {@code cost_usd} is kept as reported. */
final class SpanReader {
    static final String KINDS =
            "agent, llm, tool, decision, retrieval, handoff, code_generation, learning, event, custom";

    private SpanReader() {}

    static Span read(FieldReader f) {
        String id = f.id("id", true);
        String traceId = f.id("trace_id", true);
        Instant startedAt = f.time("started_at");
        Instant endedAt = f.time("ended_at");
        Wire.endNotBeforeStart(f, startedAt, endedAt);
        BigDecimal cost = f.money("cost_usd");
        Span span = new Span(id, traceId, f.id("parent_id", false),
                f.oneOf("kind", SpanKind::fromWire, KINDS), f.name("name"), Wire.status(f), f.text("error"),
                startedAt, endedAt, f.name("model"), f.name("provider"), UsageReader.read(f),
                cost, cost == null ? null : CostSource.REPORTED, f.name("tool_name"), Wire.decision(f),
                f.unitInterval("confidence"), Wire.handoff(f), f.json("attributes"), f.text("input"),
                f.text("output"));
        return f.problems().any() ? null : span;
    }
}
