package dev.sextant.bench;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ExportColumn;
import dev.sextant.store.ExportEntity;
import dev.sextant.store.ExportSink;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.ToolEffectiveness;
import dev.sextant.store.TrendQuery;
import dev.sextant.store.jdbc.internal.StatementRecorder;
import dev.sextant.store.jdbc.internal.StatementRecorder.Recorded;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * Four reads over a large embedded store, each timed three ways in one run: the bare SQL (the
 * very statements the store executes, recorded from its readers, run on a plain DuckDB JDBC
 * connection and every value of every row read), the store's reader in Java, and the real
 * server over loopback HTTP (the packaged jar in a child JVM, with an API key, the whole body
 * read). Each read is warmed up first, then timed {@code runs} times (the export half as often);
 * the table shows median and p95.
 */
final class AnalyticsBenchmark {
    private final long spans;
    private final Path dataDir;
    private final int warmup;
    private final int runs;
    private final long exportRows;

    AnalyticsBenchmark(long spans, Path dataDir, int warmup, int runs, long exportRows) {
        this.spans = spans;
        this.dataDir = dataDir;
        this.warmup = warmup;
        this.runs = runs;
        this.exportRows = exportRows;
    }

    /** One read: its HTTP path and query, and the same read through the store's reader. */
    private record Read(String name, String path, StoreCall call, boolean export) {}

    private interface StoreCall {
        long run(StatementRecorder store, WorkspaceId ws);
    }

    private record Timings(List<Double> millis) {
        double median() {
            return percentile(0.5);
        }

        double p95() {
            return percentile(0.95);
        }

        private double percentile(double p) {
            List<Double> sorted = millis.stream().sorted().toList();
            int rank = (int) Math.ceil(p * sorted.size()); // nearest rank
            return sorted.get(Math.max(0, rank - 1));
        }
    }

    void run() throws Exception {
        Path serverJar = Path.of("sextant-server/target/sextant-server-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.exists(serverJar)) {
            throw new IllegalStateException("no server jar at " + serverJar.toAbsolutePath()
                    + "; build it and run this from the repository root");
        }
        AnalyticsLoad.Loaded data = AnalyticsLoad.ensure(serverJar, dataDir, spans);
        Path file = dataDir.resolve("sextant.duckdb");
        System.out.printf("Sextant analytics benchmark: %,d spans in %,d traces over %d days (+1%% in a second"
                        + " workspace), DuckDB file %,d MB; %d cores, Java %s%n", data.spans(), data.traces(),
                AnalyticsLoad.DAYS, Files.size(file) / (1 << 20), Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        System.out.printf("loaded in %.0f s: %s through IngestService (pricing, group commit, roll-ups) in %.0f s%s%n",
                data.seconds(), data.copies() > 1 ? "the first 1/" + data.copies() + " of the time range" : "all of it",
                data.ingestSeconds(), data.copies() > 1 ? ", then " + (data.copies() - 1)
                        + " copies of it shifted in time, by SQL (ids suffixed, every other column as ingested)" : "");

        Instant trendTo = data.end();
        Instant trendFrom = trendTo.minus(Duration.ofDays(30));
        Instant exportFrom = data.end().minus(Duration.ofDays(AnalyticsLoad.DAYS));
        Instant exportTo;
        long rowsInWindow;
        try (Connection bare = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
            utc(bare);
            Object[] window = exportWindow(bare, data.workspace(), exportRows);
            exportTo = (Instant) window[0];
            rowsInWindow = (long) window[1];
        }
        System.out.printf("export window %s .. %s holds %,d spans%n%n", exportFrom, exportTo, rowsInWindow);

        InteractionQuery trendWindow = InteractionQuery.builder().from(trendFrom).to(trendTo).build();
        InteractionQuery exportWindow = InteractionQuery.builder().from(exportFrom).to(exportTo).build();
        List<Read> reads = List.of(
                new Read("stats", "/api/v1/interactions/stats",
                        (s, ws) -> s.interactions().stats(ws, InteractionQuery.ALL).interactions(), false),
                new Read("trend cost/day 30d", "/api/v1/analytics/trends?metric=cost&interval=day&from="
                        + trendFrom + "&to=" + trendTo, (s, ws) -> s.trends().trends(ws, new TrendQuery(
                        TrendQuery.Metric.COST, TrendQuery.Interval.DAY, null, trendWindow)).series().size(), false),
                new Read("tool ranking", "/api/v1/analytics/tools",
                        (s, ws) -> s.effectiveness().tools(ws, InteractionQuery.ALL, ToolEffectiveness.Sort.USAGE, 50)
                                .tools().size(), false),
                new Read(String.format("export %,d spans csv", rowsInWindow), "/api/v1/export?entity=spans&format=csv"
                        + "&from=" + exportFrom + "&to=" + exportTo,
                        (s, ws) -> s.exports().export(ws, ExportEntity.SPANS, exportWindow, new CountingSink()), true));

        Map<Read, Timings> bareTimes = new LinkedHashMap<>();
        Map<Read, Timings> storeTimes = new LinkedHashMap<>();
        try (DuckDBConnection bare = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
                Connection storeConnection = bare.duplicate()) {
            utc(bare);
            utc(storeConnection);
            StatementRecorder store = new StatementRecorder(storeConnection);
            for (Read read : reads) {
                long answer = read.call().run(store, data.workspace());
                List<Recorded> statements = store.drain();
                System.out.printf("%s: the store runs %d statement(s), answer size %,d%n", read.name(),
                        statements.size(), answer);
                int n = read.export() ? Math.max(3, runs / 2) : runs;
                List<Double> bareMs = new ArrayList<>();
                List<Double> storeMs = new ArrayList<>();
                for (int i = 0; i < warmup + n; i++) { // alternate, so drifts in machine load hit both
                    double b = time(() -> runBare(bare, statements));
                    double s = time(() -> read.call().run(store, data.workspace()));
                    if (i >= warmup) {
                        bareMs.add(b);
                        storeMs.add(s);
                    }
                }
                store.drain();
                bareTimes.put(read, new Timings(bareMs));
                storeTimes.put(read, new Timings(storeMs));
            }
        }

        Map<Read, Timings> httpTimes = new LinkedHashMap<>();
        try (ServerProcess server = ServerProcess.start(serverJar, dataDir, AnalyticsLoad.KEY, List.of())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (Read read : reads) {
                int n = read.export() ? Math.max(3, runs / 2) : runs;
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < warmup + n; i++) {
                    double t = time(() -> get(http, server.base.resolve(read.path())));
                    if (i >= warmup) {
                        ms.add(t);
                    }
                }
                httpTimes.put(read, new Timings(ms));
            }
        }

        System.out.println();
        System.out.printf("%-26s %21s %21s %21s %11s%n", "read (ms)", "bare SQL med / p95", "store med / p95",
                "HTTP API med / p95", "API / bare");
        for (Read read : reads) {
            Timings b = bareTimes.get(read);
            Timings s = storeTimes.get(read);
            Timings h = httpTimes.get(read);
            System.out.printf("%-26s %10.1f / %8.1f %10.1f / %8.1f %10.1f / %8.1f %10.2fx%n", read.name(),
                    b.median(), b.p95(), s.median(), s.p95(), h.median(), h.p95(), h.median() / b.median());
        }
    }

    /** The end of the window, from the data's start, that holds about {@code rows} spans; and its span count. */
    private static Object[] exportWindow(Connection c, WorkspaceId ws, long rows) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT started_at, n FROM (SELECT started_at,"
                + " SUM(span_count) OVER (ORDER BY started_at, id ROWS UNBOUNDED PRECEDING) AS n FROM traces"
                + " WHERE workspace_id = ?) WHERE n >= ? ORDER BY started_at LIMIT 1")) {
            select.setString(1, ws.value());
            select.setLong(2, rows);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the data set holds fewer than " + rows + " spans");
                }
                Instant last = rs.getObject(1, OffsetDateTime.class).toInstant();
                return new Object[] {last.plusNanos(1_000), rs.getLong(2)};
            }
        }
    }

    /** Each statement as the store ran it, every column of every row read. */
    private static long runBare(Connection c, List<Recorded> statements) throws SQLException {
        long values = 0;
        for (Recorded r : statements) {
            try (PreparedStatement p = c.prepareStatement(r.sql())) {
                for (int i = 0; i < r.values().size(); i++) {
                    p.setObject(i + 1, r.values().get(i));
                }
                try (ResultSet rs = p.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            if (rs.getObject(i) != null) {
                                values++;
                            }
                        }
                    }
                }
            }
        }
        return values;
    }

    private static long get(HttpClient http, URI uri) throws Exception {
        HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + AnalyticsLoad.KEY).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        try (InputStream body = answer.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = body.read(buffer)) > 0; ) {
                bytes += n;
            }
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + answer.statusCode());
        }
        return bytes;
    }

    private interface Work {
        long run() throws Exception;
    }

    private static double time(Work work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void utc(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
        }
    }

    /** Reads each row as the store hands it over and keeps nothing. */
    private static final class CountingSink implements ExportSink {
        long rows;

        @Override
        public void columns(List<ExportColumn> columns) {}

        @Override
        public void row(Object[] values) {
            rows++;
        }
    }
}
