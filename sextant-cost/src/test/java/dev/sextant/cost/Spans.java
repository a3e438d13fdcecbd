package dev.sextant.cost;

import dev.sextant.model.CostSource;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Usage;
import java.math.BigDecimal;
import java.time.Instant;

/** Builds test spans with only the fields cost accounting reads. */
final class Spans {

    private Spans() {}

    static Span llm(String id, String model, Usage usage, Instant startedAt) {
        return span(id, SpanKind.LLM, model, usage, null, null, startedAt, null, null);
    }

    static Span span(String id, SpanKind kind, String model, Usage usage, BigDecimal costUsd, CostSource source,
            Instant startedAt, String input, String output) {
        return new Span(id, "t-1", null, kind, "call", null, null, startedAt, null, model, null, usage, costUsd,
                source, null, null, null, null, null, input, output);
    }
}
