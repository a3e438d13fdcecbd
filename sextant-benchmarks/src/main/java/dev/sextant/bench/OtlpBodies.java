package dev.sextant.bench;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The same span rows as OTLP protobuf export requests, in the batch size of the native bodies,
 * with the GenAI attributes an instrumented agent sends (operation, model, usage, tool name).
 */
final class OtlpBodies {
    private OtlpBodies() {}

    static List<byte[]> of(SpanRows rows, int batchSize) {
        List<byte[]> bodies = new ArrayList<>();
        List<SpanRows.Row> all = rows.rows();
        for (int from = 0; from < all.size(); from += batchSize) {
            ScopeSpans.Builder scope = ScopeSpans.newBuilder();
            scope.getScopeBuilder().setName("bench");
            for (SpanRows.Row r : all.subList(from, Math.min(all.size(), from + batchSize))) {
                scope.addSpans(span(r));
            }
            ResourceSpans.Builder resource = ResourceSpans.newBuilder().addScopeSpans(scope);
            resource.getResourceBuilder().addAttributes(attr("service.name", "support-bot"));
            bodies.add(ExportTraceServiceRequest.newBuilder().addResourceSpans(resource).build().toByteArray());
        }
        return bodies;
    }

    private static Span span(SpanRows.Row r) {
        Span.Builder s = Span.newBuilder().setTraceId(bytes(r.traceId())).setSpanId(bytes(r.id())).setName(r.name())
                .setStartTimeUnixNano(nanos(r.start())).setEndTimeUnixNano(nanos(r.end()))
                .addAttributes(attr("http.status", 200)).addAttributes(attr("region", "eu-west-1"));
        if (r.parentId() != null) {
            s.setParentSpanId(bytes(r.parentId()));
        }
        switch (r.kind()) {
            case "agent" -> s.addAttributes(attr("gen_ai.operation.name", "invoke_agent"));
            case "llm" -> s.addAttributes(attr("gen_ai.operation.name", "chat"))
                    .addAttributes(attr("gen_ai.request.model", r.model()))
                    .addAttributes(attr("gen_ai.usage.input_tokens", r.inputTokens()))
                    .addAttributes(attr("gen_ai.usage.output_tokens", r.outputTokens()));
            case "tool" -> s.addAttributes(attr("gen_ai.operation.name", "execute_tool"))
                    .addAttributes(attr("gen_ai.tool.name", r.toolName()));
            default -> { }
        }
        if (r.input() != null) {
            s.addAttributes(attr("input.value", r.input())).addAttributes(attr("output.value", r.output()));
        }
        return s.build();
    }

    private static KeyValue attr(String key, Object value) {
        AnyValue.Builder v = AnyValue.newBuilder();
        if (value instanceof String text) {
            v.setStringValue(text);
        } else {
            v.setIntValue(((Number) value).longValue());
        }
        return KeyValue.newBuilder().setKey(key).setValue(v).build();
    }

    private static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
