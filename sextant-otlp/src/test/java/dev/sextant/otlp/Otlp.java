package dev.sextant.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HexFormat;
import java.util.List;

/** Builds OTLP protobuf requests for the tests. */
final class Otlp {
    static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    static final String ROOT = "b7ad6b7169203331";
    static final long T0 = 1_793_000_000_000_000_000L;

    private Otlp() {}

    static Span.Builder span(String spanId, String parentId, String name) {
        Span.Builder b = Span.newBuilder().setTraceId(bytes(TRACE)).setSpanId(bytes(spanId)).setName(name)
                .setStartTimeUnixNano(T0).setEndTimeUnixNano(T0 + 1_500_000_000L);
        if (parentId != null) {
            b.setParentSpanId(bytes(parentId));
        }
        return b;
    }

    static Span.Builder error(Span.Builder b, String message) {
        return b.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage(message));
    }

    static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }

    static KeyValue attr(String key, Object value) {
        return KeyValue.newBuilder().setKey(key).setValue(value(value)).build();
    }

    static AnyValue value(Object value) {
        AnyValue.Builder v = AnyValue.newBuilder();
        switch (value) {
            case String s -> v.setStringValue(s);
            case Long l -> v.setIntValue(l);
            case Integer i -> v.setIntValue(i);
            case Double d -> v.setDoubleValue(d);
            case Boolean b -> v.setBoolValue(b);
            case List<?> list -> v.setArrayValue(ArrayValue.newBuilder().addAllValues(list.stream().map(Otlp::value).toList()));
            default -> throw new IllegalArgumentException(String.valueOf(value));
        }
        return v.build();
    }

    static ExportTraceServiceRequest request(List<KeyValue> resource, Span.Builder... spans) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        scope.getScopeBuilder().setName("test-scope");
        for (Span.Builder s : spans) {
            scope.addSpans(s);
        }
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAllAttributes(resource)).addScopeSpans(scope)).build();
    }

    static ExportTraceServiceRequest request(Span.Builder... spans) {
        return request(List.of(), spans);
    }
}
