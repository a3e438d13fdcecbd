package dev.sextant.otlp;

import dev.sextant.ingest.FieldLimits;
import dev.sextant.model.Decision;
import dev.sextant.model.Handoff;
import dev.sextant.model.Intent;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps OTLP spans onto Sextant's spans, and each root span (no parent) also onto its trace.
 * Ids are lower-case hex: the trace id (16 bytes) is the trace's id, the span id (8 bytes) the
 * span's id, the parent span id its parent. Each span is checked on its own: a bad one is
 * counted and described, the others of the request are kept.
 */
final class OtlpSpanMapper {
    private static final int MAX_REPORTED_PROBLEMS = 5;

    private OtlpSpanMapper() {}

    static MappedSpans map(ExportTraceServiceRequest request) {
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int rejected = 0;
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Map<String, Object> resource = AttributeValues.of(resourceSpans.getResource().getAttributesList());
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                String scope = scopeSpans.getScope().getName();
                for (io.opentelemetry.proto.trace.v1.Span otlp : scopeSpans.getSpansList()) {
                    SpanProblems spanProblems = new SpanProblems();
                    OneSpan one = new OneSpan(otlp, resource, scope, spanProblems);
                    Span span = one.span();
                    Trace trace = one.isRoot() ? one.trace(span) : null;
                    if (spanProblems.any()) {
                        rejected++;
                        if (problems.size() < MAX_REPORTED_PROBLEMS) {
                            problems.add("span " + one.describe() + ": " + spanProblems.joined());
                        }
                        continue;
                    }
                    spans.add(span);
                    if (trace != null) {
                        traces.add(trace);
                    }
                }
            }
        }
        String message = rejected == 0 ? "" : rejected + " span(s) rejected, the others were stored: "
                + String.join(" | ", problems) + (rejected > problems.size() ? " | ..." : "");
        return new MappedSpans(traces, spans, rejected, message);
    }

    /** One OTLP span in the light of its resource; problems go to {@code problems}. */
    private static final class OneSpan {
        private final io.opentelemetry.proto.trace.v1.Span otlp;
        private final SpanAttributes a;
        private final SpanProblems problems;
        private final String traceId;
        private final String spanId;
        private final String parentId;
        private final Instant startedAt;
        private final Instant endedAt;
        private final Map<String, Object> resource;
        private final String scope;

        OneSpan(io.opentelemetry.proto.trace.v1.Span otlp, Map<String, Object> resource, String scope,
                SpanProblems problems) {
            this.otlp = otlp;
            this.resource = resource;
            this.scope = scope;
            this.problems = problems;
            this.a = new SpanAttributes(AttributeValues.of(otlp.getAttributesList()), resource, problems);
            this.traceId = OtlpIds.id("trace_id", otlp.getTraceId(), 16, problems);
            this.spanId = OtlpIds.id("span_id", otlp.getSpanId(), 8, problems);
            this.parentId = otlp.getParentSpanId().isEmpty() ? null
                    : OtlpIds.id("parent_span_id", otlp.getParentSpanId(), 8, problems);
            this.startedAt = OtlpTimes.instant(otlp.getStartTimeUnixNano());
            this.endedAt = OtlpTimes.instant(otlp.getEndTimeUnixNano());
            if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
                problems.add("end_time_unix_nano (" + endedAt + ") is before start_time_unix_nano (" + startedAt
                        + "); is the producer's clock skewed?");
            }
        }

        boolean isRoot() {
            return otlp.getParentSpanId().isEmpty();
        }

        String describe() {
            String span = spanId != null ? spanId : OtlpIds.hex(otlp.getSpanId());
            String trace = traceId != null ? traceId : OtlpIds.hex(otlp.getTraceId());
            String name = otlp.getName().length() > 100 ? otlp.getName().substring(0, 100) + "..." : otlp.getName();
            return "\"" + name + "\" (span_id " + (span.isEmpty() ? "empty" : span) + ", trace_id "
                    + (trace.isEmpty() ? "empty" : trace) + ")";
        }

        Span span() {
            SpanKind kind = KindMapping.kind(a, startedAt != null && startedAt.equals(endedAt));
            Status status = status();
            String error = problems.text("error", error(status), FieldLimits.TEXT);
            String model = name("model", a.string("gen_ai.response.model", "gen_ai.request.model", "llm.model_name"));
            String provider = name("provider", a.string("gen_ai.provider.name", "gen_ai.system", "llm.provider",
                    "llm.system"));
            Usage usage = UsageMapping.usage(a);
            BigDecimal cost = a.money("llm.cost.total");
            String tool = name("tool_name", a.string("gen_ai.tool.name", "tool.name"));
            String input = a.string("gen_ai.input.messages", "input.value", "gen_ai.tool.call.arguments");
            if (input == null) {
                input = FlattenedMessages.json(a, "gen_ai.prompt.", "llm.input_messages.");
            }
            if (input == null) {
                input = EventMessages.input(otlp);
            }
            String output = a.string("gen_ai.output.messages", "output.value", "gen_ai.tool.call.result");
            if (output == null) {
                output = FlattenedMessages.json(a, "gen_ai.completion.", "llm.output_messages.");
            }
            if (output == null) {
                output = EventMessages.output(otlp);
            }
            problems.text("input", input, FieldLimits.TEXT);
            problems.text("output", output, FieldLimits.TEXT);
            Decision decision = SextantAttributes.decision(a, problems);
            Double confidence = a.unitInterval("sextant.confidence");
            Handoff handoff = SextantAttributes.handoff(a, problems);
            String attributes = OtlpSpanAttributesJson.of(a.rest(), otlp, resource, scope, problems);
            return new Span(spanId, traceId, parentId, kind, name("name", otlp.getName()), status, error,
                    startedAt, endedAt, model, provider, usage, cost,
                    cost == null ? null : dev.sextant.model.CostSource.REPORTED, tool, decision, confidence, handoff,
                    attributes, input, output);
        }

        /** The trace record a root span stands for (null fields: not known from this span). */
        Trace trace(Span span) {
            String agent = id("agent_id", a.string("gen_ai.agent.name", "gen_ai.agent.id", "agent.name",
                    "service.name"));
            String conversation = id("conversation_id", a.string("gen_ai.conversation.id", "session.id"));
            String user = id("user_id", a.string("user.id"));
            String messageType = name("message_type", a.string("sextant.message_type"));
            List<Intent> intents = SextantAttributes.intents(a, problems);
            return new Trace(traceId, agent, null, conversation, user, span.name(), span.input(), span.output(),
                    span.status(), span.error(), startedAt, endedAt, messageType, intents, span.confidence(),
                    span.handoff(), null, null, null, null, null, null);
        }

        private Status status() {
            Status status = switch (otlp.getStatus().getCodeValue()) {
                case 1 -> Status.OK;
                case 2 -> Status.ERROR;
                default -> Status.UNSET;
            };
            return status == Status.UNSET && a.has("error.type") ? Status.ERROR : status;
        }

        private String error(Status status) {
            if (status != Status.ERROR) {
                a.raw("error.type");
                return null;
            }
            String message = otlp.getStatus().getMessage();
            String type = a.string("error.type");
            String exception = OtlpSpanAttributesJson.exceptionMessage(otlp);
            String text = !message.isEmpty() ? message : exception != null ? exception : type;
            return type != null && text != null && !text.startsWith(type) ? type + ": " + text : text;
        }

        private String name(String field, String value) {
            return problems.text(field, value == null || value.isEmpty() ? null : value, FieldLimits.NAME);
        }

        private String id(String field, String value) {
            return problems.text(field, value == null || value.isBlank() ? null : value, FieldLimits.ID);
        }
    }
}
