package dev.sextant.otlp;

import static dev.sextant.otlp.Otlp.ROOT;
import static dev.sextant.otlp.Otlp.TRACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.ingest.BodyTooLargeException;
import dev.sextant.ingest.MalformedBodyException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Decoding: protobuf, OTLP JSON (hex ids, integer enums, 64-bit integers as text), gzip, caps. */
class OtlpBodyReaderTest {
    private final OtlpBodyReader reader = new OtlpBodyReader(1024 * 1024);

    private static final String JSON = """
            {"resourceSpans": [{"resource": {"attributes": [{"key": "service.name", "value": {"stringValue": "svc"}}]},
              "scopeSpans": [{"scope": {"name": "s"}, "spans": [
                {"traceId": "0AF7651916CD43DD8448EB211C80319C", "spanId": "b7ad6b7169203331", "name": "root",
                 "kind": 3, "startTimeUnixNano": "1793000000000000000", "endTimeUnixNano": 1793000001000000000,
                 "status": {"code": 2, "message": "boom"}, "somethingNew": {"x": 1},
                 "attributes": [{"key": "gen_ai.usage.input_tokens", "value": {"intValue": "12"}}]},
                {"trace_id": "CvdlGRbNQ92ESOshHIAxnA==", "span_id": "APBnqguaArc=", "parent_span_id": "b7ad6b7169203331",
                 "name": "base64 ids, snake_case keys", "kind": 99}
              ]}]}]}""";

    @Test
    void otlpJsonWithHexIdsIntegerEnumsAndTextIntegers() {
        ExportTraceServiceRequest request = reader.read(stream(JSON.getBytes(StandardCharsets.UTF_8)), OtlpEncoding.JSON, false);
        MappedSpans mapped = OtlpSpanMapper.map(request);
        assertThat(mapped.errorMessage()).isEmpty();
        assertThat(mapped.spans()).extracting(dev.sextant.model.Span::id).containsExactly(ROOT, "00f067aa0b9a02b7");
        assertThat(mapped.spans()).extracting(dev.sextant.model.Span::traceId).containsOnly(TRACE);
        dev.sextant.model.Span root = mapped.spans().getFirst();
        assertThat(root.status()).isEqualTo(dev.sextant.model.Status.ERROR);
        assertThat(root.error()).isEqualTo("boom");
        assertThat(root.usage().inputTokens()).isEqualTo(12);
        assertThat(root.durationMs()).isEqualTo(1000);
        assertThat(root.attributes()).contains("\"otel.span_kind\":\"client\"");
        assertThat(mapped.spans().get(1).parentId()).isEqualTo(ROOT);
        assertThat(mapped.spans().get(1).attributes()).contains("\"otel.span_kind\":99");
    }

    @Test
    void idsThatAreNeitherHexNorBase64RefuseOnlyTheirSpan() {
        String json = """
                {"resourceSpans": [{"scopeSpans": [{"spans": [
                  {"traceId": "0af7651916cd43dd8448eb211c80319c", "spanId": "b7ad6b7169203331", "name": "good"},
                  {"traceId": "not-an-id!", "spanId": "b7ad6b716920333", "name": "bad"}]}]}]}""";
        MappedSpans mapped = OtlpSpanMapper.map(reader.read(stream(json.getBytes(StandardCharsets.UTF_8)), OtlpEncoding.JSON, false));
        assertThat(mapped.spans()).extracting(dev.sextant.model.Span::name).containsExactly("good");
        assertThat(mapped.rejectedSpans()).isEqualTo(1);
        assertThat(mapped.errorMessage()).contains("trace_id must be 16 bytes (32 hex characters), was 0 bytes");
    }

    @Test
    void protobufPlainAndGzip() throws IOException {
        byte[] bytes = Otlp.request(Otlp.span(ROOT, null, "root")).toByteArray();
        assertThat(reader.read(stream(bytes), OtlpEncoding.PROTOBUF, false).getResourceSpansCount()).isEqualTo(1);
        assertThat(reader.read(stream(gzip(bytes)), OtlpEncoding.PROTOBUF, true).getResourceSpans(0)
                .getScopeSpans(0).getSpans(0).getName()).isEqualTo("root");
        assertThat(reader.read(stream(new byte[0]), OtlpEncoding.PROTOBUF, false).getResourceSpansCount()).isZero();
    }

    @Test
    void truncatedProtobufIsMalformed() {
        byte[] bytes = Otlp.request(Otlp.span(ROOT, null, "root")).toByteArray();
        assertThatThrownBy(() -> reader.read(stream(Arrays.copyOf(bytes, bytes.length - 5)), OtlpEncoding.PROTOBUF, false))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("the body is not a protobuf ExportTraceServiceRequest (");
    }

    @Test
    void brokenJsonAndBrokenGzipAreMalformed() {
        assertThatThrownBy(() -> reader.read(stream("{\"resourceSpans\": [".getBytes(StandardCharsets.UTF_8)), OtlpEncoding.JSON, false))
                .isInstanceOf(MalformedBodyException.class).hasMessageStartingWith("the body is not JSON (");
        assertThatThrownBy(() -> reader.read(stream("[]".getBytes(StandardCharsets.UTF_8)), OtlpEncoding.JSON, false))
                .isInstanceOf(MalformedBodyException.class).hasMessage("the body must be a JSON object (an ExportTraceServiceRequest)");
        assertThatThrownBy(() -> reader.read(stream("{\"resourceSpans\": 5}".getBytes(StandardCharsets.UTF_8)), OtlpEncoding.JSON, false))
                .isInstanceOf(MalformedBodyException.class).hasMessageStartingWith("the body is not an OTLP JSON ExportTraceServiceRequest (");
        assertThatThrownBy(() -> reader.read(stream("not gzip".getBytes(StandardCharsets.UTF_8)), OtlpEncoding.PROTOBUF, true))
                .isInstanceOf(MalformedBodyException.class).hasMessageStartingWith("the body is not valid gzip");
    }

    @Test
    void aZipBombStopsAtTheCapCountedAfterInflating() throws IOException {
        byte[] bomb = gzip(new byte[8 * 1024 * 1024]); // ~8 KB on the wire, 8 MiB inflated
        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThatThrownBy(() -> reader.read(stream(bomb), OtlpEncoding.PROTOBUF, true))
                .isInstanceOf(BodyTooLargeException.class)
                .hasMessage("request body is larger than the limit of 1048576 bytes; split the batch into smaller ones");
    }

    private static ByteArrayInputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
