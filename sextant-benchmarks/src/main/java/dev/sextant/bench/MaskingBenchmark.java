package dev.sextant.bench;

import dev.sextant.cost.CatalogCostAccountant;
import dev.sextant.cost.PriceCatalog;
import dev.sextant.ingest.IngestService;
import dev.sextant.ingest.IngestSettings;
import dev.sextant.ingest.masking.IngestMasking;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.SextantStore;
import dev.sextant.store.jdbc.JdbcStores;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./sextant bench masking}: native ingest into DuckDB with masking off, at the defaults
 * (cards and keys), and with every detector plus a custom pattern on; over clean data and over
 * data where every fifth text carries an e-mail, a phone and a card number. Each measured run
 * follows a warm-up on a throw-away database.
 */
final class MaskingBenchmark {
    private static final String EVERYTHING = "{\"detectors\": {\"email\": {\"action\": \"hash\"}, \"phone\": {\"action\":"
            + " \"mask\"}, \"ip_address\": {\"action\": \"mask\"}}, \"custom\": [{\"name\": \"order_ref\", \"pattern\":"
            + " \"ORD-\\\\d{6}\", \"action\": \"mask\"}], \"hash_user_ids\": true}";
    private static final String PII = " (contact jane.doe@example.com or +44 20 7946 0958, card 4111 1111 1111 1111)";

    private final int spans;
    private final int batchSize;
    private final int clients;

    MaskingBenchmark(int spans, int batchSize, int clients) {
        this.spans = spans;
        this.batchSize = batchSize;
        this.clients = clients;
    }

    void run() throws Exception {
        SpanRows clean = SpanRows.generate(spans, 7);
        SpanRows dirty = withPii(clean);
        SpanRows warm = SpanRows.generate(Math.max(batchSize, spans / 5), 8);
        Path dir = Files.createTempDirectory("sextant-bench-masking");
        System.out.printf("Masking at ingestion: %,d spans in batches of %,d, %d client threads, %d cores, %s%n", spans,
                batchSize, clients, Runtime.getRuntime().availableProcessors(), Runtime.version());
        int n = 0;
        for (String data : List.of("clean", "pii")) {
            SpanRows rows = data.equals("clean") ? clean : dirty;
            List<byte[]> bodies = IngestBenchmark.WireBodies.of(rows, batchSize);
            for (String mode : List.of("off", "defaults", "everything")) {
                timed(dir.resolve("warm-" + n + ".duckdb"), IngestBenchmark.WireBodies.of(warm, batchSize), warm.rows().size(), mode);
                double rate = timed(dir.resolve("run-" + n + ".duckdb"), bodies, spans, mode);
                double alone = maskingAlone(dir.resolve("alone-" + n++ + ".duckdb"), rows, mode);
                System.out.printf("%-5s data, masking %-10s ingest %,9.0f spans/s   masking alone %,8.2f µs per span%n",
                        data, mode, rate, alone);
            }
        }
    }

    /** The masking step by itself, no parsing and no database: µs per span (best of 5 passes over all rows). */
    private double maskingAlone(Path file, SpanRows rows, String mode) {
        try (SextantStore store = JdbcStores.duckdb(file)) {
            store.migrate();
            WorkspaceId ws = WorkspaceId.of("bench");
            store.workspaces().create(ws, "bench", "Benchmark");
            IngestMasking masking = mode.equals("off") ? IngestMasking.none() : IngestMasking.using(store.masking(), Clock.systemUTC());
            if (mode.equals("everything")) {
                store.masking().setRules(ws, EVERYTHING);
            }
            List<WorkspaceBatch> batches = new ArrayList<>();
            List<SpanRows.Row> all = rows.rows();
            for (int from = 0; from < all.size(); from += batchSize) {
                List<Span> part = new ArrayList<>();
                for (SpanRows.Row r : all.subList(from, Math.min(all.size(), from + batchSize))) {
                    part.add(new Span(r.id(), r.traceId(), r.parentId(), SpanKind.fromWire(r.kind()).orElse(SpanKind.CUSTOM), r.name(), null, null,
                            r.start(), r.end(), r.model(), null, null, null, null, r.toolName(), null, null, null,
                            r.attributes(), r.input(), r.output()));
                }
                batches.add(new WorkspaceBatch(ws, List.of(), part, List.of(), List.of()));
            }
            double best = Double.MAX_VALUE;
            long sink = 0;
            for (int pass = 0; pass < 5; pass++) {
                long t0 = System.nanoTime();
                for (WorkspaceBatch b : batches) {
                    sink += masking.mask(b).batch().size();
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e3 / all.size());
            }
            if (sink == 0) {
                throw new IllegalStateException("nothing masked");
            }
            return best;
        }
    }

    private static SpanRows withPii(SpanRows rows) {
        List<SpanRows.Row> out = new ArrayList<>(rows.rows().size());
        int i = 0;
        for (SpanRows.Row r : rows.rows()) {
            String input = r.input() != null && i++ % 5 == 0 && !r.input().startsWith("{") ? r.input() + PII : r.input();
            out.add(new SpanRows.Row(r.id(), r.traceId(), r.parentId(), r.kind(), r.name(), r.start(), r.end(), r.model(),
                    r.inputTokens(), r.outputTokens(), r.toolName(), r.attributes(), input, r.output()));
        }
        return new SpanRows(out, rows.spansPerTrace());
    }

    private double timed(Path file, List<byte[]> bodies, int spanCount, String mode) throws Exception {
        try (SextantStore store = JdbcStores.duckdb(file)) {
            store.migrate();
            WorkspaceId ws = WorkspaceId.of("bench");
            store.workspaces().create(ws, "bench", "Benchmark");
            IngestMasking masking = IngestMasking.none();
            if (!mode.equals("off")) {
                masking = IngestMasking.using(store.masking(), Clock.systemUTC());
                if (mode.equals("everything")) {
                    store.masking().setRules(ws, EVERYTHING);
                }
            }
            CatalogCostAccountant costs = new CatalogCostAccountant(PriceCatalog.shipped(), store.prices());
            try (IngestService ingest = new IngestService(store.tracking(), costs, IngestSettings.defaults(), masking)) {
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                AtomicInteger next = new AtomicInteger();
                long t0 = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    done.add(pool.submit(() -> {
                        for (int b; (b = next.getAndIncrement()) < bodies.size(); ) {
                            if (!ingest.ingest(ws, new ByteArrayInputStream(bodies.get(b))).rejected().isEmpty()) {
                                throw new IllegalStateException("items were rejected: the benchmark data is wrong");
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                pool.shutdown();
                return spanCount / seconds;
            }
        }
    }
}
