package dev.sextant.server.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.internal.http.HttpExporter;
import io.opentelemetry.exporter.internal.http.HttpExporterBuilder;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.internal.StandardComponentId;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * The real OpenTelemetry Java SDK pointed at the test server: its OTLP/HTTP exporter in protobuf
 * (optionally gzip), or in JSON through the SDK's own JSON marshaller and HTTP exporter (the
 * public builder offers protobuf only).
 */
final class OtelClient implements AutoCloseable {
    private final SdkTracerProvider provider;
    private final RecordingExporter exporter;

    private OtelClient(SpanExporter delegate) {
        this.exporter = new RecordingExporter(delegate);
        this.provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(
                        Attributes.of(AttributeKey.stringKey("service.name"), "otel-test-service"))))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    }

    static OtelClient protobuf(String endpoint, String key, boolean gzip) {
        return new OtelClient(OtlpHttpSpanExporter.builder().setEndpoint(endpoint)
                .addHeader("Authorization", "Bearer " + key).setCompression(gzip ? "gzip" : "none").build());
    }

    static OtelClient json(String endpoint, String key) {
        HttpExporter http = new HttpExporterBuilder(StandardComponentId.ExporterType.OTLP_HTTP_JSON_SPAN_EXPORTER,
                endpoint).addConstantHeaders("Authorization", "Bearer " + key).exportAsJson().build();
        return new OtelClient(new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return http.export(TraceRequestMarshaler.create(spans), spans.size());
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return http.shutdown();
            }
        });
    }

    Tracer tracer() {
        return provider.get("sextant-it");
    }

    /** Waits for every export of the ended spans and asserts that the exporter saw success. */
    void flushAndExpectSuccess() {
        CompletableResultCode flushed = provider.forceFlush().join(20, TimeUnit.SECONDS);
        assertThat(flushed.isSuccess()).as("flush").isTrue();
        assertThat(exporter.failures).as("failed exports").isZero();
        assertThat(exporter.exports).as("exports").isPositive();
    }

    @Override
    public void close() {
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    /** Counts the delegate's results (SimpleSpanProcessor waits on them in forceFlush). */
    private static final class RecordingExporter implements SpanExporter {
        private final SpanExporter delegate;
        volatile int exports;
        volatile int failures;

        RecordingExporter(SpanExporter delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            CompletableResultCode result = delegate.export(spans);
            result.whenComplete(() -> {
                synchronized (this) {
                    exports++;
                    if (!result.isSuccess()) {
                        failures++;
                    }
                }
            });
            return result;
        }

        @Override
        public CompletableResultCode flush() {
            return delegate.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return delegate.shutdown();
        }
    }
}
