package dev.sextant.store.jdbc;

import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ExportColumn;
import dev.sextant.store.ExportEntity;
import dev.sextant.store.ExportSink;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.SextantStore;
import dev.sextant.store.WorkspaceBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link ITDuckDbExportMemory} (a small heap, nothing else in the process):
 * writes {@code traces} traces of {@code spansPerTrace} spans, each span with a
 * {@code payloadBytes}-character input, exports the spans, and prints one line of
 * {@code key=value} figures: how much the process's resident memory grew between the start of
 * the export and its first row, and how much of that DuckDB's buffer manager accounts for (its
 * sort, its table pages; bounded by DuckDB's memory limit, spilled past it). The rest is memory
 * outside DuckDB's limit: a materialised result would show here, as big as the export.
 */
public final class ExportMemoryProbe {
    private ExportMemoryProbe() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int traces = Integer.parseInt(args[1]);
        int spansPerTrace = Integer.parseInt(args[2]);
        int payloadBytes = Integer.parseInt(args[3]);
        WorkspaceId ws = WorkspaceId.of("probe");
        try (SextantStore store = JdbcStores.duckdb(file)) {
            store.migrate();
            store.workspaces().create(ws, "probe", "Probe");
            Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
            String payload = "x".repeat(payloadBytes);
            for (int from = 0; from < traces; from += 100) {
                List<Trace> ts = new ArrayList<>();
                List<Span> ss = new ArrayList<>();
                for (int i = from; i < Math.min(traces, from + 100); i++) {
                    Instant at = t0.plusSeconds(i);
                    ts.add(new Trace("t" + i, "agent", null, null, null, "probe", null, null, Status.OK, null, at,
                            at.plusSeconds(1), null, null, null, null, null, null, null, null, null, null));
                    for (int j = 0; j < spansPerTrace; j++) {
                        ss.add(new Span("t" + i + "-" + j, "t" + i, null, SpanKind.EVENT, "step", Status.OK, null,
                                at.plusMillis(j), at.plusMillis(j + 1), null, null, null, null, null, null, null,
                                null, null, null, payload + i + "-" + j, null));
                    }
                }
                store.tracking().write(List.of(new WorkspaceBatch(ws, ts, ss, List.of(), List.of())));
            }
            // the store's own DuckDB instance: the driver shares one instance per file in a process
            try (Connection probe = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
                System.gc();
                long rssBefore = residentBytes();
                long duckBefore = duckDbBytes(probe);
                FirstRow sink = new FirstRow(probe);
                long rows = store.exports().export(ws, ExportEntity.SPANS, InteractionQuery.ALL, sink);
                System.out.printf("rows=%d result_bytes=%d rss_growth=%d duckdb_growth=%d%n", rows,
                        (long) traces * spansPerTrace * payloadBytes, sink.rss - rssBefore, sink.duck - duckBefore);
            }
        }
    }

    /** Notes the process's memory when the first row arrives. */
    private static final class FirstRow implements ExportSink {
        private final Connection probe;
        long rss = -1;
        long duck = -1;

        FirstRow(Connection probe) {
            this.probe = probe;
        }

        @Override
        public void columns(List<ExportColumn> columns) {}

        @Override
        public void row(Object[] values) {
            if (rss < 0) {
                try {
                    rss = residentBytes();
                    duck = duckDbBytes(probe);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static long duckDbBytes(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SUM(memory_usage_bytes) FROM duckdb_memory()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long residentBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
