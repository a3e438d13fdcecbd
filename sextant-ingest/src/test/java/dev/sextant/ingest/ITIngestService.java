package dev.sextant.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sextant.cost.CatalogCostAccountant;
import dev.sextant.cost.PriceCatalog;
import dev.sextant.model.CostSource;
import dev.sextant.model.Span;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TraceDetail;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.jdbc.JdbcStores;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole ingest path against a real DuckDB file: commit, back-pressure, failure, shutdown. */
class ITIngestService {
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @TempDir
    Path dir;

    private SextantStore store;
    private WorkspaceId ws;
    private WorkspaceId other;
    private ControllableWriter writer;
    private IngestService ingest;
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void open() {
        store = JdbcStores.duckdb(dir.resolve("sextant.duckdb"));
        store.migrate();
        ws = workspace();
        other = workspace();
        writer = new ControllableWriter(store.tracking());
    }

    @AfterEach
    void closeAll() {
        writer.release();
        clients.shutdownNow();
        if (ingest != null) {
            ingest.close();
        }
        store.close();
    }

    @Test
    void builtRecordsGoThroughTheSameMergingPricingAndCommit() {
        ingest = new IngestService(writer, new CatalogCostAccountant(PriceCatalog.shipped(), store.prices()),
                IngestSettings.defaults());
        java.time.Instant start = java.time.Instant.parse("2026-11-01T10:00:00Z");
        dev.sextant.model.Trace trace = new dev.sextant.model.Trace("otlp-t", null, null, null, null, "answer", null,
                null, null, null, start, null, null, null, null, null, null, null, null, null, null, null);
        Span llm = new Span("otlp-s", "otlp-t", null, dev.sextant.model.SpanKind.LLM, "chat", null, null, start,
                start.plusSeconds(1), "gpt-4o", "openai", dev.sextant.model.Usage.of(1_000_000, 0), null, null, null,
                null, null, null, null, null, null);
        Span repeat = new Span("otlp-s", "otlp-t", null, null, null, dev.sextant.model.Status.OK, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);

        IngestResult result = ingest.ingest(ws, List.of(trace), List.of(llm, repeat));

        assertThat(result.accepted()).isEqualTo(3);
        TraceDetail detail = store.interactions().get(ws, "otlp-t").orElseThrow();
        assertThat(detail.spans()).singleElement().satisfies(s -> {
            assertThat(s.costSource()).isEqualTo(CostSource.CALCULATED);
            assertThat(s.costUsd()).isEqualByComparingTo(new BigDecimal("2.50"));
            assertThat(s.status()).isEqualTo(dev.sextant.model.Status.OK);
            assertThat(s.model()).isEqualTo("gpt-4o");
        });
        assertThat(ingest.ingest(ws, List.of(), List.of()).accepted()).isZero();
    }

    @Test
    void builtRecordsOverTheBatchLimitAreRefusedWhole() {
        ingest = new IngestService(writer, new CatalogCostAccountant(PriceCatalog.shipped(), store.prices()),
                new IngestSettings(1024, 1, 10, 10, Duration.ofSeconds(30)));
        Span one = new Span("b-1", "b-t", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        Span two = new Span("b-2", "b-t", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);

        assertThatThrownBy(() -> ingest.ingest(ws, List.of(), List.of(one, two)))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessage("the request holds 2 records, over the limit of 1 (max_items_per_batch); send smaller batches");
        assertThat(store.interactions().get(ws, "b-t")).isEmpty();
    }

    @Test
    void acceptedItemsAreCommittedAndPricedBeforeTheCallReturns() {
        ingest = new IngestService(writer, new CatalogCostAccountant(PriceCatalog.shipped(), store.prices()),
                IngestSettings.defaults());

        IngestResult result = ingest.ingest(ws, body("""
                {"batch": [
                  {"type": "trace", "body": {"id": "t-1", "name": "answer", "started_at": "2026-11-01T10:00:00Z"}},
                  {"type": "span", "body": {"id": "s-1", "trace_id": "t-1", "kind": "llm", "model": "gpt-4o",
                    "usage": {"input_tokens": 1000000, "output_tokens": 0},
                    "started_at": "2026-11-01T10:00:00Z", "ended_at": "2026-11-01T10:00:01Z"}},
                  {"type": "span", "body": {"id": "s-2", "trace_id": "t-1", "kind": "tool", "cost_usd": "0.5"}},
                  {"type": "span", "body": {"id": "s-3", "trace_id": "t-1", "kind": "thought"}},
                  {"type": "score", "body": {"id": "f-1", "trace_id": "t-1", "name": "user_rating", "value": 5}}
                ]}"""));

        assertThat(result.accepted()).isEqualTo(4);
        assertThat(result.rejected()).extracting(IngestResult.Rejection::index).containsExactly(3);
        TraceDetail detail = store.interactions().get(ws, "t-1").orElseThrow();
        assertThat(detail.spans()).extracting(Span::id, Span::costSource).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("s-1", CostSource.CALCULATED),
                org.assertj.core.groups.Tuple.tuple("s-2", CostSource.REPORTED));
        assertThat(detail.spans()).filteredOn(s -> s.id().equals("s-1")).first()
                .satisfies(s -> assertThat(s.costUsd()).isEqualByComparingTo(new BigDecimal("2.50")));
        assertThat(detail.scores()).hasSize(1);
        assertThat(store.interactions().get(other, "t-1")).isEmpty();
        assertThat(ingest.stats()).isEqualTo(new IngestStats(0, 4, 1, 0));
    }

    @Test
    void anEmptyOrAllRejectedBatchWritesNothing() {
        ingest = service(IngestSettings.defaults());
        assertThat(ingest.ingest(ws, body("{\"batch\": []}"))).isEqualTo(new IngestResult(0, List.of()));
        assertThat(ingest.ingest(ws, body("{\"batch\": [{\"type\": \"x\"}]}")).accepted()).isZero();
        assertThat(writer.calls()).isEmpty();
    }

    @Test
    void aFullQueueRefusesTheRequestWithRetryAfter() throws Exception {
        ingest = service(new IngestSettings(1 << 20, 3, 3, 3, Duration.ofSeconds(30)));
        writer.holdFirstCommit();
        CompletableFuture<IngestResult> first = supply(() -> ingest.ingest(ws, spans("a", 3)));
        writer.awaitHeld();

        assertThatThrownBy(() -> ingest.ingest(ws, spans("b", 1)))
                .isInstanceOfSatisfying(IngestBusyException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)))
                .hasMessage("ingest queue is full (3 items waiting to be stored); nothing of this batch was stored:"
                        + " send it again after 1 s");
        assertThat(ingest.stats().rejectedBusy()).isEqualTo(1);
        assertThat(ingest.stats().queuedItems()).isEqualTo(3);

        writer.release();
        assertThat(first.join().accepted()).isEqualTo(3);
        assertThat(ingest.ingest(ws, spans("b", 1)).accepted()).isEqualTo(1);
        assertThat(store.interactions().get(ws, "trace-b")).isPresent();
    }

    @Test
    void aStoreFailureFailsEveryRequestOfThatCommitAndNothingIsStored() throws Exception {
        ingest = service(IngestSettings.defaults());
        writer.holdFirstCommit();
        CompletableFuture<IngestResult> a = supply(() -> ingest.ingest(ws, spans("a", 2)));
        writer.awaitHeld();
        CompletableFuture<IngestResult> b = supply(() -> ingest.ingest(ws, spans("b", 2)));
        CompletableFuture<IngestResult> c = supply(() -> ingest.ingest(other, spans("c", 2)));
        await().until(() -> ingest.stats().queuedItems() == 6);

        writer.failing(true);
        writer.release();

        for (CompletableFuture<IngestResult> request : List.of(a, b, c)) {
            assertThatThrownBy(request::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(IngestUnavailableException.class)
                    .hasMessage("the store could not commit this batch (disk full (simulated)); nothing of it was"
                            + " stored: send it again later");
        }
        // b and c went into one commit, one batch per workspace.
        assertThat(writer.calls()).hasSize(2);
        assertThat(writer.calls().get(1)).extracting(WorkspaceBatch::workspace).containsExactlyInAnyOrder(ws, other);
        assertThat(store.interactions().get(ws, "trace-a")).isEmpty();
        assertThat(store.interactions().get(other, "trace-c")).isEmpty();
        assertThat(ingest.stats()).isEqualTo(new IngestStats(0, 0, 0, 0));

        writer.failing(false);
        assertThat(ingest.ingest(ws, spans("d", 1)).accepted()).isEqualTo(1);
    }

    @Test
    void requestsQueuedTogetherAreMergedPerWorkspaceInOneCommit() throws Exception {
        ingest = service(IngestSettings.defaults());
        writer.holdFirstCommit();
        CompletableFuture<IngestResult> a = supply(() -> ingest.ingest(ws, spans("a", 1)));
        writer.awaitHeld();
        CompletableFuture<IngestResult> start = supply(() -> ingest.ingest(ws, body("""
                {"batch": [{"type": "trace", "body": {"id": "t-m", "started_at": "2026-11-01T10:00:00Z"}},
                  {"type": "span", "body": {"id": "s-m", "trace_id": "t-m", "kind": "tool", "name": "lookup",
                   "started_at": "2026-11-01T10:00:00Z"}}]}""")));
        await().until(() -> ingest.stats().queuedItems() == 3);
        CompletableFuture<IngestResult> end = supply(() -> ingest.ingest(ws, body("""
                {"batch": [{"type": "span", "body": {"id": "s-m", "trace_id": "t-m", "status": "ok",
                   "ended_at": "2026-11-01T10:00:02Z"}}]}""")));
        await().until(() -> ingest.stats().queuedItems() == 4);

        writer.release();
        CompletableFuture.allOf(a, start, end).join();

        assertThat(writer.calls()).hasSize(2);
        assertThat(writer.calls().get(1)).singleElement().satisfies(batch -> assertThat(batch.spans()).hasSize(1));
        Span merged = store.interactions().get(ws, "t-m").orElseThrow().spans().getFirst();
        assertThat(merged.name()).isEqualTo("lookup");
        assertThat(merged.durationMs()).isEqualTo(2000);
        assertThat(ingest.stats()).isEqualTo(new IngestStats(0, 4, 2, 0));
    }

    @Test
    void closeCommitsWhatIsQueuedThenRefusesNewRequests() throws Exception {
        ingest = service(IngestSettings.defaults());
        writer.holdFirstCommit();
        CompletableFuture<IngestResult> a = supply(() -> ingest.ingest(ws, spans("a", 2)));
        writer.awaitHeld();
        CompletableFuture<IngestResult> b = supply(() -> ingest.ingest(other, spans("b", 2)));
        await().until(() -> ingest.stats().queuedItems() == 4);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(ingest::close, clients);
        await().untilAsserted(() -> assertThatThrownBy(() -> ingest.ingest(ws, spans("late", 1)))
                .isInstanceOf(IngestUnavailableException.class)
                .hasMessage("ingest is shut down; nothing of this batch was stored"));
        writer.release();
        closing.join();

        assertThat(a.join().accepted()).isEqualTo(2);
        assertThat(b.join().accepted()).isEqualTo(2);
        assertThat(store.interactions().get(ws, "trace-a").orElseThrow().spans()).hasSize(1);
        assertThat(store.interactions().get(other, "trace-b").orElseThrow().spans()).hasSize(1);
        assertThat(store.interactions().get(ws, "trace-late")).isEmpty();
    }

    @Test
    void aCommitThatTakesTooLongAnswersUnavailable() throws Exception {
        ingest = service(new IngestSettings(1 << 20, 10, 10, 10, Duration.ofMillis(50)));
        writer.holdFirstCommit();
        assertThatThrownBy(() -> ingest.ingest(ws, spans("a", 1)))
                .isInstanceOf(IngestUnavailableException.class)
                .hasMessage("the batch was not committed within 50 ms; it may or may not be stored: sending it again"
                        + " is safe, records are keyed by id");
        writer.release();
        await().until(() -> ingest.stats().commits() == 1);
    }

    private CompletableFuture<IngestResult> supply(java.util.function.Supplier<IngestResult> request) {
        return CompletableFuture.supplyAsync(request, clients);
    }

    private IngestService service(IngestSettings settings) {
        return new IngestService(writer, (workspace, span) -> span, settings);
    }

    /** A trace {@code trace-<name>} with {@code items - 1} spans. */
    private static ByteArrayInputStream spans(String name, int items) {
        StringBuilder json = new StringBuilder("{\"batch\": [{\"type\": \"trace\", \"body\": {\"id\": \"trace-" + name
                + "\", \"started_at\": \"2026-11-01T10:00:00Z\"}}");
        for (int i = 1; i < items; i++) {
            json.append(", {\"type\": \"span\", \"body\": {\"id\": \"span-").append(name).append('-').append(i)
                    .append("\", \"trace_id\": \"trace-").append(name).append("\", \"kind\": \"tool\"}}");
        }
        return body(json.append("]}").toString());
    }

    private static ByteArrayInputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private WorkspaceId workspace() {
        WorkspaceId id = WorkspaceId.of("ws-ingest-" + ProcessHandle.current().pid() + "-" + UNIQUE.incrementAndGet());
        store.workspaces().create(id, id.value(), "Ingest test " + id.value());
        return id;
    }
}
