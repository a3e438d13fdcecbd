package dev.sextant.bench;

import dev.sextant.cost.CatalogCostAccountant;
import dev.sextant.cost.PriceCatalog;
import dev.sextant.ingest.IngestService;
import dev.sextant.ingest.IngestSettings;
import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import dev.sextant.model.Workspace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.SextantStore;
import dev.sextant.store.jdbc.JdbcStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the benchmark's embedded store once and reuses it while its description matches: the
 * server creates the default workspace and its key (as on any first start), then the records
 * go through {@link IngestService#ingest(WorkspaceId, List, List)}, the path OTLP ingest takes
 * after decoding (merging, pricing by the shipped catalog, the group-commit writer, roll-ups),
 * from several threads, skipping only the JSON parsing. From a million spans on, only the first
 * tenth of the time range is ingested like that and the other nine tenths are copies of it,
 * shifted in time, made in SQL (see {@link #copy}): on a busy 2-core machine ingest runs at a
 * few thousand spans/s, which would make ten million take most of an hour. A second workspace
 * gets 1% as many spans (all ingested), so every read really has to filter by tenant.
 */
final class AnalyticsLoad {
    static final String KEY = "sk-bench-analytics-0123456789abcdef";
    static final int DAYS = 35;
    private static final long SEED = 42;
    private static final int TRACES_PER_CALL = 150;
    private static final int CLIENTS = 3;
    /** From a million spans on, a tenth goes through ingest and the rest are copies of it (see {@link #copy}). */
    private static final int COPIES = 10;

    private AnalyticsLoad() {}

    /** What was loaded: the workspace, the data's time range and its counts. */
    record Loaded(Path dataDir, WorkspaceId workspace, Instant end, long traces, long spans, double seconds,
            int copies, double ingestSeconds) {}

    static Loaded ensure(Path serverJar, Path dataDir, long spans) throws Exception {
        Path marker = dataDir.resolve("bench-data.properties");
        if (Files.exists(marker)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(marker)) {
                p.load(in);
            }
            if (Long.parseLong(p.getProperty("requested_spans")) == spans) {
                System.out.println("reusing the data set in " + dataDir + " (delete it to load again)");
                return new Loaded(dataDir, WorkspaceId.of(p.getProperty("workspace")),
                        Instant.parse(p.getProperty("end")), Long.parseLong(p.getProperty("traces")),
                        Long.parseLong(p.getProperty("spans")), Double.parseDouble(p.getProperty("seconds")),
                        Integer.parseInt(p.getProperty("copies")), Double.parseDouble(p.getProperty("ingest_seconds")));
            }
        }
        if (Files.exists(dataDir) && !Files.exists(marker) && !Files.exists(dataDir.resolve("sextant.duckdb"))
                && !isEmpty(dataDir)) {
            throw new IllegalStateException(dataDir + " is not empty and holds no benchmark data; give another --data");
        }
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        try (ServerProcess bootstrap = ServerProcess.start(serverJar, dataDir, KEY, List.of())) {
            // the first start creates the default workspace with KEY as its admin key
        }
        Instant end = Instant.now().truncatedTo(ChronoUnit.DAYS);
        int copies = spans >= 1_000_000 ? COPIES : 1;
        Duration tile = Duration.ofDays(DAYS).dividedBy(copies);
        Instant tileEnd = end.minus(Duration.ofDays(DAYS)).plus(tile);
        long t0 = System.nanoTime();
        WorkspaceId workspace;
        long[] counts;
        try (SextantStore store = JdbcStores.duckdb(dataDir.resolve("sextant.duckdb"))) {
            store.migrate();
            workspace = store.workspaces().findBySlug("default").map(Workspace::id)
                    .orElseThrow(() -> new IllegalStateException("the server did not create its default workspace"));
            WorkspaceId other = WorkspaceId.of("bench-other");
            store.workspaces().create(other, "bench-other", "Another tenant");
            CatalogCostAccountant costs = new CatalogCostAccountant(PriceCatalog.shipped(), store.prices());
            try (IngestService ingest = new IngestService(store.tracking(), costs, IngestSettings.defaults())) {
                counts = load(ingest, workspace, new AnalyticsData(spans / copies, SEED, tileEnd, tile), true);
                load(ingest, other, new AnalyticsData(Math.max(1, spans / 100), SEED + 1, end, Duration.ofDays(DAYS)),
                        false);
            }
        }
        double ingestSeconds = (System.nanoTime() - t0) / 1e9;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dataDir.resolve("sextant.duckdb").toAbsolutePath())) {
            for (int k = 1; k < copies; k++) {
                copy(c, workspace, "traces", k, tile.multipliedBy(k));
                copy(c, workspace, "spans", k, tile.multipliedBy(k));
                System.out.printf("  copied the first %s days %d time(s)%n", tile.toHours() / 24.0, k);
            }
            counts = new long[] {count(c, workspace, "traces"), count(c, workspace, "spans")};
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Properties p = new Properties();
        p.setProperty("requested_spans", Long.toString(spans));
        p.setProperty("workspace", workspace.value());
        p.setProperty("end", end.toString());
        p.setProperty("traces", Long.toString(counts[0]));
        p.setProperty("spans", Long.toString(counts[1]));
        p.setProperty("seconds", Double.toString(seconds));
        p.setProperty("ingest_seconds", Double.toString(ingestSeconds));
        p.setProperty("copies", Integer.toString(copies));
        try (OutputStream out = Files.newOutputStream(marker)) {
            p.store(out, "the analytics benchmark's data set; delete the directory to load it again");
        }
        return new Loaded(dataDir, workspace, end, counts[0], counts[1], seconds, copies, ingestSeconds);
    }

    /**
     * Copies the workspace's rows of the first tile {@code k} tiles later: ids (and the ids that
     * refer to them) get the suffix {@code ~k}, times move by {@code shift}, every other column
     * (cost, cost source, roll-ups, duration, JSON) is copied as it is. That is what ingest would
     * have stored for the shifted records, because nothing else it derives depends on the time
     * (the shipped prices have no period that starts or ends inside the benchmark's window).
     */
    private static void copy(Connection c, WorkspaceId ws, String table, int k, Duration shift) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = ? ORDER BY ordinal_position")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        long micros = shift.toNanos() / 1000;
        String select = columns.stream().map(col -> switch (col) {
            case "id", "trace_id", "parent_id", "session_id", "conversation_id" -> col + " || '~" + k + "'";
            case "started_at", "ended_at" -> col + " + to_microseconds(" + micros + ")";
            default -> col;
        }).collect(Collectors.joining(", "));
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                + ") SELECT " + select + " FROM " + table + " WHERE workspace_id = ? AND NOT contains(id, '~')")) {
            p.setString(1, ws.value());
            p.executeUpdate();
        }
    }

    private static long count(Connection c, WorkspaceId ws, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE workspace_id = ?")) {
            p.setString(1, ws.value());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Sends every interaction of {@code data}; returns {traces, spans}. */
    private static long[] load(IngestService ingest, WorkspaceId workspace, AnalyticsData data, boolean progress)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong spans = new AtomicLong();
        AtomicInteger reported = new AtomicInteger();
        long t0 = System.nanoTime();
        int traces = data.traces();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(pool.submit(() -> {
                    for (int from; (from = next.getAndAdd(TRACES_PER_CALL)) < traces; ) {
                        List<Trace> batchTraces = new ArrayList<>(TRACES_PER_CALL);
                        List<Span> batchSpans = new ArrayList<>(TRACES_PER_CALL * 16);
                        for (int i = from; i < Math.min(traces, from + TRACES_PER_CALL); i++) {
                            AnalyticsData.Interaction x = data.interaction(i);
                            batchTraces.add(x.trace());
                            batchSpans.addAll(x.spans());
                        }
                        ingest.ingest(workspace, batchTraces, batchSpans);
                        long total = spans.addAndGet(batchSpans.size());
                        int tenth = (int) (10L * Math.min(traces, from + TRACES_PER_CALL) / traces);
                        if (progress && tenth > reported.get() && reported.compareAndSet(reported.get(), tenth)) {
                            System.out.printf("  loaded ~%d%% (%,d spans, %,.0f spans/s)%n", tenth * 10, total,
                                    total / ((System.nanoTime() - t0) / 1e9));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new long[] {traces, spans.get()};
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
