package dev.sextant.otlp;

import static dev.sextant.otlp.Otlp.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.ingest.IngestBusyException;
import dev.sextant.ingest.IngestService;
import dev.sextant.ingest.IngestSettings;
import dev.sextant.ingest.IngestUnavailableException;
import dev.sextant.model.Span;
import dev.sextant.cost.CatalogCostAccountant;
import dev.sextant.cost.CostAccountant;
import dev.sextant.cost.PriceCatalog;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TraceDetail;
import dev.sextant.store.jdbc.JdbcStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import dev.sextant.store.WorkspaceBatch;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * OtlpIngest hands the good spans to the real IngestService (merging, cost, group commit) into a
 * real DuckDB file, and passes its back-pressure on: a full queue is IngestBusyException (429), a
 * closed service IngestUnavailableException (503). A wrapper around the real writer can hold a
 * commit.
 */
class ITOtlpIngest {
    private static final WorkspaceId WS = WorkspaceId.of("otlp-test");

    @TempDir
    Path dir;

    private SextantStore store;

    @BeforeEach
    void open() {
        store = JdbcStores.duckdb(dir.resolve("sextant.duckdb"));
        store.migrate();
        store.workspaces().create(WS, WS.value(), "OTLP test");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private CostAccountant costs() {
        return new CatalogCostAccountant(PriceCatalog.shipped(), store.prices());
    }

    /** The real writer, each write held until released. */
    private final class HeldWriter implements dev.sextant.store.TrackingWriter {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void write(List<WorkspaceBatch> batches) {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.tracking().write(batches);
        }
    }

    private static ByteArrayInputStream body(io.opentelemetry.proto.trace.v1.Span.Builder... spans) {
        return new ByteArrayInputStream(Otlp.request(spans).toByteArray());
    }

    @Test
    void goodSpansAreCommittedAndBadOnesCounted() {
        HeldWriter writer = new HeldWriter();
        writer.release.countDown();
        try (IngestService ingest = new IngestService(writer, costs(), IngestSettings.defaults())) {
            OtlpIngest.Outcome outcome = new OtlpIngest(ingest, 1 << 20).export(WS,
                    body(Otlp.span(ROOT, null, "root"), Otlp.span("00f067aa", ROOT, "short id"),
                            Otlp.span("00f067aa0ba902b7", ROOT, "chat").addAllAttributes(List.of(
                                    Otlp.attr("gen_ai.operation.name", "chat"), Otlp.attr("gen_ai.request.model", "gpt-4o"),
                                    Otlp.attr("gen_ai.usage.input_tokens", 1000L),
                                    Otlp.attr("gen_ai.usage.cache_read.input_tokens", 400L)))),
                    OtlpEncoding.PROTOBUF, false);
            assertThat(outcome.acceptedSpans()).isEqualTo(2);
            assertThat(outcome.rejectedSpans()).isEqualTo(1);
            TraceDetail detail = store.interactions().get(WS, Otlp.TRACE).orElseThrow();
            assertThat(detail.summary().trace().name()).isEqualTo("root");
            assertThat(detail.spans()).extracting(Span::name).containsExactlyInAnyOrder("root", "chat");
            // 600 plain input × 2.50/1M + 400 cached × 1.25/1M: the cached tokens priced once, at the cached price
            assertThat(detail.spans()).filteredOn(s -> s.name().equals("chat")).singleElement()
                    .satisfies(s -> assertThat(s.costUsd()).isEqualByComparingTo("0.002"));
        }
    }

    @Test
    void aFullQueueIsBusyAndAClosedServiceUnavailable() throws Exception {
        HeldWriter writer = new HeldWriter();
        IngestSettings small = new IngestSettings(1 << 20, 3, 3, 3, Duration.ofSeconds(30));
        IngestService ingest = new IngestService(writer, costs(), small);
        OtlpIngest otlp = new OtlpIngest(ingest, 1 << 20);
        // root span + its trace = 2 items, held in the commit; the next 2 do not fit in 3.
        CompletableFuture<OtlpIngest.Outcome> first = CompletableFuture.supplyAsync(
                () -> otlp.export(WS, body(Otlp.span(ROOT, null, "first")), OtlpEncoding.PROTOBUF, false));
        assertThat(writer.entered.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> otlp.export(WS, body(Otlp.span(ROOT, null, "second")), OtlpEncoding.PROTOBUF, false))
                .isInstanceOf(IngestBusyException.class)
                .satisfies(e -> assertThat(((IngestBusyException) e).retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        writer.release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS).acceptedSpans()).isEqualTo(1);
        ingest.close();
        assertThatThrownBy(() -> otlp.export(WS, body(Otlp.span(ROOT, null, "late")), OtlpEncoding.PROTOBUF, false))
                .isInstanceOf(IngestUnavailableException.class);
    }
}
