package dev.sextant.bench;

import dev.sextant.cost.CatalogCostAccountant;
import dev.sextant.cost.PriceCatalog;
import dev.sextant.ingest.IngestService;
import dev.sextant.ingest.IngestSettings;
import dev.sextant.model.WorkspaceId;
import dev.sextant.otlp.OtlpEncoding;
import dev.sextant.otlp.OtlpIngest;
import dev.sextant.store.SextantStore;
import dev.sextant.store.jdbc.JdbcStores;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Native ingest (parse, validate, price, group-commit into the embedded DuckDB store) and OTLP
 * protobuf ingest (decode, map, then the same pipeline) against
 * a bare DuckDB appender writing the same span rows into a table without keys, in one run on
 * one machine, so the ratio shows what Sextant's path costs. Each side first runs a warm-up on
 * a throw-away database so the JIT has compiled the hot paths before the clock starts.
 */
final class IngestBenchmark {
    private final int spans;
    private final int batchSize;
    private final int clients;

    IngestBenchmark(int spans, int batchSize, int clients) {
        this.spans = spans;
        this.batchSize = batchSize;
        this.clients = clients;
    }

    void run() throws Exception {
        SpanRows rows = SpanRows.generate(spans, 7);
        SpanRows warmRows = SpanRows.generate(Math.max(batchSize, spans / 5), 8);
        List<byte[]> bodies = WireBodies.of(rows, batchSize);
        List<byte[]> warmBodies = WireBodies.of(warmRows, batchSize);
        List<byte[]> otlpBodies = OtlpBodies.of(rows, batchSize);
        List<byte[]> warmOtlpBodies = OtlpBodies.of(warmRows, batchSize);
        long bytes = bodies.stream().mapToLong(b -> b.length).sum();
        Path dir = Files.createTempDirectory("sextant-bench");
        System.out.printf("Sextant ingest benchmark: %,d spans (+%,d traces) in batches of %,d spans, %d client threads, %d cores, %s%n",
                spans, spans / rows.spansPerTrace(), batchSize, clients, Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        System.out.printf("wire bodies: %,d bytes in all (%,.0f bytes per span incl. its share of the trace)%n",
                bytes, (double) bytes / spans);

        bareAppender(dir.resolve("warm-bare.duckdb"), warmRows);
        double bare = bareAppender(dir.resolve("bare.duckdb"), rows);
        nativeIngest(dir.resolve("warm-native.duckdb"), warmBodies, warmRows.rows().size());
        double sextant = nativeIngest(dir.resolve("native.duckdb"), bodies, spans);
        otlpIngest(dir.resolve("warm-otlp.duckdb"), warmOtlpBodies, warmRows.rows().size());
        double otlp = otlpIngest(dir.resolve("otlp.duckdb"), otlpBodies, spans);
        Path serverJar = Path.of("sextant-server/target/sextant-server-0.1.0-SNAPSHOT-exec.jar");
        Double overHttp = null;
        if (Files.exists(serverJar)) {
            overHttp = new HttpIngest(serverJar, clients).run(dir.resolve("http"), warmBodies, bodies, spans);
        }

        System.out.println();
        System.out.printf("%-52s %,12.0f spans/s%n", "bare DuckDB appender (same rows, no keys, no JSON)", bare);
        System.out.printf("%-52s %,12.0f spans/s%n", "Sextant native ingest (parse+validate+cost+commit)", sextant);
        System.out.printf("%-52s %11.0f %%%n", "ratio native / bare", 100 * sextant / bare);
        System.out.printf("%-52s %,12.0f spans/s%n", "Sextant OTLP protobuf (decode+map+cost+commit)", otlp);
        System.out.printf("%-52s %11.0f %%%n", "ratio OTLP / bare", 100 * otlp / bare);
        if (overHttp != null) {
            System.out.printf("%-52s %,12.0f spans/s%n", "Sextant server over HTTP (loopback, API key)", overHttp);
            System.out.printf("%-52s %11.0f %%%n", "ratio HTTP / bare", 100 * overHttp / bare);
        } else {
            System.out.println("(no sextant-server jar found from " + Path.of("").toAbsolutePath()
                    + "; run from the repository root to add the HTTP figure)");
        }
    }

    /** Appends the rows with the raw appender, committing every batch, and returns rows/s. */
    private double bareAppender(Path file, SpanRows rows) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        CREATE TABLE bare_spans (workspace_id VARCHAR, id VARCHAR, trace_id VARCHAR, parent_id VARCHAR,
                          kind VARCHAR, name VARCHAR, started_at TIMESTAMPTZ, ended_at TIMESTAMPTZ, model VARCHAR,
                          input_tokens BIGINT, output_tokens BIGINT, tool_name VARCHAR, attributes VARCHAR,
                          input VARCHAR, output VARCHAR)""");
            }
            DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
            long t0 = System.nanoTime();
            List<SpanRows.Row> all = rows.rows();
            for (int from = 0; from < all.size(); from += batchSize) {
                try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "bare_spans")) {
                    for (SpanRows.Row r : all.subList(from, Math.min(all.size(), from + batchSize))) {
                        a.beginRow();
                        a.append("bench");
                        a.append(r.id());
                        a.append(r.traceId());
                        a.append(r.parentId());
                        a.append(r.kind());
                        a.append(r.name());
                        a.appendEpochMicros(micros(r.start()));
                        a.appendEpochMicros(micros(r.end()));
                        a.append(r.model());
                        a.append(r.inputTokens());
                        a.append(r.outputTokens());
                        a.append(r.toolName());
                        a.append(r.attributes());
                        a.append(r.input());
                        a.append(r.output());
                        a.endRow();
                    }
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return all.size() / seconds;
        }
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** Sends every body through IngestService from {@code clients} threads; returns spans/s. */
    private double nativeIngest(Path file, List<byte[]> bodies, int spanCount) throws Exception {
        return timedIngest(file, bodies, spanCount, (ingest, ws, body) -> ingest.ingest(ws, body).rejected().size());
    }

    /** Sends every OTLP protobuf body through OtlpIngest (same IngestService behind it); returns spans/s. */
    private double otlpIngest(Path file, List<byte[]> bodies, int spanCount) throws Exception {
        return timedIngest(file, bodies, spanCount, (ingest, ws, body) -> new OtlpIngest(ingest, Long.MAX_VALUE)
                .export(ws, body, OtlpEncoding.PROTOBUF, false).rejectedSpans());
    }

    /** One request through one of the ingest paths; returns how many items it refused. */
    private interface IngestPath {
        int send(IngestService ingest, WorkspaceId ws, ByteArrayInputStream body);
    }

    private double timedIngest(Path file, List<byte[]> bodies, int spanCount, IngestPath path) throws Exception {
        try (SextantStore store = JdbcStores.duckdb(file)) {
            store.migrate();
            WorkspaceId ws = WorkspaceId.of("bench");
            store.workspaces().create(ws, "bench", "Benchmark");
            CatalogCostAccountant costs = new CatalogCostAccountant(PriceCatalog.shipped(), store.prices());
            try (IngestService ingest = new IngestService(store.tracking(), costs, IngestSettings.defaults())) {
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                AtomicInteger next = new AtomicInteger();
                AtomicInteger rejected = new AtomicInteger();
                long t0 = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    done.add(pool.submit(() -> {
                        for (int b; (b = next.getAndIncrement()) < bodies.size(); ) {
                            rejected.addAndGet(path.send(ingest, ws, new ByteArrayInputStream(bodies.get(b))));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                pool.shutdown();
                if (rejected.get() > 0) {
                    throw new IllegalStateException(rejected.get() + " items were rejected: the benchmark data is wrong");
                }
                return spanCount / seconds;
            }
        }
    }

    /** Native ingest bodies: each batch's spans plus one trace item per trace they belong to. */
    static final class WireBodies {
        private WireBodies() {}

        static List<byte[]> of(SpanRows rows, int batchSize) {
            List<byte[]> bodies = new ArrayList<>();
            List<SpanRows.Row> all = rows.rows();
            for (int from = 0; from < all.size(); from += batchSize) {
                List<SpanRows.Row> part = all.subList(from, Math.min(all.size(), from + batchSize));
                StringBuilder sb = new StringBuilder(part.size() * 480).append("{\"batch\":[");
                Set<String> traces = new LinkedHashSet<>();
                boolean first = true;
                for (SpanRows.Row r : part) {
                    if (r.parentId() == null && traces.add(r.traceId())) {
                        first = comma(sb, first);
                        sb.append("{\"type\":\"trace\",\"body\":{\"id\":\"").append(r.traceId())
                                .append("\",\"agent_id\":\"support-bot\",\"name\":\"answer\",\"started_at\":\"")
                                .append(r.start()).append("\",\"ended_at\":\"").append(r.start().plusMillis(600))
                                .append("\",\"message_type\":\"text\",\"confidence\":0.9}}");
                    }
                    first = comma(sb, first);
                    sb.append("{\"type\":\"span\",\"body\":{\"id\":\"").append(r.id())
                            .append("\",\"trace_id\":\"").append(r.traceId()).append('"');
                    if (r.parentId() != null) {
                        sb.append(",\"parent_id\":\"").append(r.parentId()).append('"');
                    }
                    sb.append(",\"kind\":\"").append(r.kind()).append("\",\"name\":\"").append(r.name())
                            .append("\",\"started_at\":\"").append(time(r.start()))
                            .append("\",\"ended_at\":\"").append(time(r.end())).append('"');
                    if (r.model() != null) {
                        sb.append(",\"model\":\"").append(r.model()).append("\",\"usage\":{\"input_tokens\":")
                                .append(r.inputTokens()).append(",\"output_tokens\":").append(r.outputTokens()).append('}');
                    }
                    if (r.toolName() != null) {
                        sb.append(",\"tool_name\":\"").append(r.toolName()).append('"');
                    }
                    sb.append(",\"attributes\":").append(r.attributes());
                    if (r.input() != null) {
                        sb.append(",\"input\":").append(r.input().startsWith("{") ? r.input() : quote(r.input()));
                        sb.append(",\"output\":").append(r.output().startsWith("{") ? r.output() : quote(r.output()));
                    }
                    sb.append("}}");
                }
                sb.append("]}");
                bodies.add(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
            return bodies;
        }

        private static boolean comma(StringBuilder sb, boolean first) {
            if (!first) {
                sb.append(',');
            }
            return false;
        }

        private static String time(Instant t) {
            return t.toString();
        }

        private static String quote(String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }
}
