package dev.sextant.server.otlp;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Bad OTLP input gets the specification's answer, and the good spans of the same request are
 * stored: truncated protobuf, wrong ids, a 10 MB attribute, unknown enum values, spans whose
 * parent never arrives, clock skew, unknown content types, bodies over the cap.
 */
class ITOtlpBadInput {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime());
    private static final long T0 = 1_793_000_000_000_000_000L;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void truncatedProtobufIs400WithAStatusBodyInProtobuf() throws IOException {
        byte[] body = request(span(newTrace(), newSpan(), null, "good")).toByteArray();
        HttpResponse<byte[]> answer = post(Arrays.copyOf(body, body.length - 7), "application/x-protobuf", false);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        UnknownFieldSet status = UnknownFieldSet.parseFrom(answer.body());
        assertThat(status.getField(1).getVarintList()).containsExactly(3L);
        assertThat(status.getField(2).getLengthDelimitedList().getFirst().toStringUtf8())
                .startsWith("the body is not a protobuf ExportTraceServiceRequest (");
    }

    @Test
    void brokenJsonIs400WithAStatusBodyInJson() {
        Response answer = server.send(SextantTestServer.authorized(server.request("/v1/traces"), ADMIN_KEY)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"resourceSpans\": [")).build());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.json().get("code").asInt()).isEqualTo(3);
        assertThat(answer.json().get("message").asString()).startsWith("the body is not JSON (");
    }

    @Test
    void wrongLengthIdsInJsonAreRejectedSpansAndTheGoodSpanIsStored() {
        String trace = newTrace();
        String good = newSpan();
        String json = """
                {"resourceSpans": [{"scopeSpans": [{"spans": [
                  {"traceId": "%s", "spanId": "%s", "name": "good", "startTimeUnixNano": "%d", "endTimeUnixNano": "%d"},
                  {"traceId": "%s", "spanId": "abcdef", "name": "short span id"},
                  {"traceId": "abc", "spanId": "%s", "name": "odd trace id"}]}]}]}"""
                .formatted(trace, good, T0, T0 + 1_000_000, trace, newSpan());
        Response answer = server.send(SextantTestServer.authorized(server.request("/v1/traces"), ADMIN_KEY)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode partial = answer.json().get("partialSuccess");
        assertThat(partial.get("rejectedSpans").asLong()).isEqualTo(2);
        assertThat(partial.get("errorMessage").asString())
                .startsWith("2 span(s) rejected, the others were stored: span \"short span id\"")
                .contains("span_id must be 8 bytes (16 hex characters), was 3 bytes")
                .contains("trace_id must be 16 bytes (32 hex characters), was 0 bytes");
        assertThat(spanNames(trace)).containsExactly("good");
    }

    @Test
    void aTenMegabyteAttributeRejectsItsSpanOnlyAndAnswersInProtobuf() throws IOException {
        String trace = newTrace();
        String root = newSpan();
        Span.Builder huge = span(trace, newSpan(), root, "huge").addAttributes(KeyValue.newBuilder().setKey("blob")
                .setValue(AnyValue.newBuilder().setStringValue("x".repeat(10 * 1024 * 1024))));
        ExportTraceServiceResponse response = exportOk(request(span(trace, root, null, "root"), huge));
        assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
        assertThat(response.getPartialSuccess().getErrorMessage())
                .contains("span \"huge\"").contains("over the limit of 262144 (the largest: blob, 10485760 characters)");
        assertThat(spanNames(trace)).containsExactly("root");
    }

    @Test
    void unknownEnumValuesAreStoredAsIs() throws IOException {
        String trace = newTrace();
        Span.Builder odd = span(trace, newSpan(), null, "odd enums").setKindValue(42);
        odd.getStatusBuilder().setCodeValue(9);
        ExportTraceServiceResponse response = exportOk(request(odd));
        assertThat(response.hasPartialSuccess()).isFalse();
        JsonNode span = spans(trace).get(0);
        assertThat(span.get("status").asString()).isEqualTo("unset");
        assertThat(span.get("attributes").get("otel.span_kind").asInt()).isEqualTo(42);
    }

    @Test
    void spansWhoseParentNeverArrivesAreStoredUnderAPlaceholderTrace() throws IOException {
        String trace = newTrace();
        String missingParent = newSpan();
        ExportTraceServiceResponse response = exportOk(request(span(trace, newSpan(), missingParent, "orphan")));
        assertThat(response.hasPartialSuccess()).isFalse();
        JsonNode span = spans(trace).get(0);
        assertThat(span.get("name").asString()).isEqualTo("orphan");
        assertThat(span.get("parent_id").asString()).isEqualTo(missingParent);
    }

    @Test
    void clockSkewRejectsTheSkewedSpanAndKeepsTheOthers() throws IOException {
        String trace = newTrace();
        String root = newSpan();
        Span.Builder skewed = span(trace, newSpan(), root, "skewed").setEndTimeUnixNano(T0 - 5_000_000_000L);
        ExportTraceServiceResponse response = exportOk(request(span(trace, root, null, "root"), skewed));
        assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
        assertThat(response.getPartialSuccess().getErrorMessage()).contains("span \"skewed\"")
                .contains("is before start_time_unix_nano").contains("clock skewed");
        assertThat(spanNames(trace)).containsExactly("root");
    }

    @Test
    void anUnknownContentTypeIs415() {
        Response answer = server.send(SextantTestServer.authorized(server.request("/v1/traces"), ADMIN_KEY)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")).build());
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().get("message").asString())
                .isEqualTo("Content-Type must be application/x-protobuf or application/json, was text/plain");
    }

    @Test
    void aGzipBombOverTheCapIs413() throws IOException {
        byte[] bomb = gzip(new byte[40 * 1024 * 1024]); // ~40 KB on the wire, 40 MiB inflated, cap 32 MiB
        HttpResponse<byte[]> answer = post(bomb, "application/x-protobuf", true);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(UnknownFieldSet.parseFrom(answer.body()).getField(2).getLengthDelimitedList().getFirst()
                .toStringUtf8()).isEqualTo("request body is larger than the limit of 33554432 bytes; split the batch into smaller ones");
    }

    @Test
    void aRetriedExportIsStoredOnceAndCostedOnce() throws IOException {
        String trace = newTrace();
        ExportTraceServiceRequest request = request(span(trace, newSpan(), null, "chat").addAllAttributes(java.util.List.of(
                KeyValue.newBuilder().setKey("gen_ai.operation.name").setValue(AnyValue.newBuilder().setStringValue("chat")).build(),
                KeyValue.newBuilder().setKey("gen_ai.request.model").setValue(AnyValue.newBuilder().setStringValue("gpt-4o")).build(),
                KeyValue.newBuilder().setKey("gen_ai.usage.input_tokens").setValue(AnyValue.newBuilder().setIntValue(1000)).build())));
        exportOk(request);
        exportOk(request);
        JsonNode detail = server.get("/api/v1/interactions/" + trace, ADMIN_KEY).json();
        assertThat(detail.get("spans").size()).isEqualTo(1);
        assertThat(detail.get("tokens").get("input").asLong()).isEqualTo(1000);
        assertThat(detail.get("cost_usd").decimalValue()).isEqualByComparingTo("0.0025");
    }

    @Test
    void anEmptyRequestIsASuccess() throws IOException {
        assertThat(exportOk(ExportTraceServiceRequest.getDefaultInstance()).hasPartialSuccess()).isFalse();
    }

    private ExportTraceServiceResponse exportOk(ExportTraceServiceRequest request) throws IOException {
        HttpResponse<byte[]> answer = post(gzip(request.toByteArray()), "application/x-protobuf", true);
        assertThat(answer.statusCode()).as(new String(answer.body())).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        return ExportTraceServiceResponse.parseFrom(answer.body());
    }

    private HttpResponse<byte[]> post(byte[] body, String contentType, boolean gzip) {
        HttpRequest.Builder b = SextantTestServer.authorized(server.request("/v1/traces"), ADMIN_KEY)
                .header("Content-Type", contentType);
        if (gzip) {
            b.header("Content-Encoding", "gzip");
        }
        try {
            return http.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode spans(String trace) {
        Response detail = server.get("/api/v1/interactions/" + trace, ADMIN_KEY);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        return detail.json().get("spans");
    }

    private static java.util.List<String> spanNames(String trace) {
        return spans(trace).valueStream().map(s -> s.get("name").asString()).toList();
    }

    private static Span.Builder span(String trace, String span, String parent, String name) {
        Span.Builder b = Span.newBuilder().setTraceId(bytes(trace)).setSpanId(bytes(span)).setName(name)
                .setStartTimeUnixNano(T0).setEndTimeUnixNano(T0 + 1_000_000_000L);
        return parent == null ? b : b.setParentSpanId(bytes(parent));
    }

    private static ExportTraceServiceRequest request(Span.Builder... spans) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        for (Span.Builder s : spans) {
            scope.addSpans(s);
        }
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope))
                .build();
    }

    private static ByteString bytes(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }

    private static String newTrace() {
        return "%016x%016x".formatted(UNIQUE.incrementAndGet(), UNIQUE.incrementAndGet());
    }

    private static String newSpan() {
        return "%016x".formatted(UNIQUE.incrementAndGet());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
