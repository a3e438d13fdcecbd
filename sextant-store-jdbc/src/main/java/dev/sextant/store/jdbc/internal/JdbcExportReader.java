package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ExportEntity;
import dev.sextant.store.ExportReader;
import dev.sextant.store.ExportSink;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.ParquetExportReader;
import dev.sextant.store.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Exports by one query per entity, streamed (see {@link Database#readStreamed}): PostgreSQL
 * reads through a server-side cursor {@link #FETCH_SIZE} rows at a time, DuckDB hands over one
 * vector of rows at a time. Memory stays flat however many rows there are, apart from what the
 * database's own sort needs (DuckDB spills it to disk past its memory limit).
 */
final class JdbcExportReader implements ExportReader, ParquetExportReader {
    static final int FETCH_SIZE = 1000;

    private final Database database;

    JdbcExportReader(Database database) {
        this.database = database;
    }

    @Override
    public long export(WorkspaceId workspace, ExportEntity entity, InteractionQuery query, ExportSink sink) {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(sink, "sink");
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, query);
        ExportColumns columns = ExportColumns.of(entity);
        String sql = select(entity, filter, columns);
        return database.readStreamed("exporting " + entity.wire(), c -> stream(c, sql, filter, columns, sink));
    }

    boolean writesParquet() {
        return database.dialect() == Dialect.DUCKDB;
    }

    /**
     * DuckDB's {@code COPY (query) TO file (FORMAT parquet)} with the query's values bound, into a
     * temporary file of ours (its name is never user text), then copied to {@code out}: the
     * database writes the file out of core, so memory stays bounded here too.
     */
    @Override
    public long exportParquet(WorkspaceId workspace, ExportEntity entity, InteractionQuery query, OutputStream out) {
        if (!writesParquet()) {
            throw new UnsupportedOperationException("only the embedded DuckDB store writes Parquet");
        }
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, query);
        ExportColumns columns = ExportColumns.of(entity);
        String sql = select(entity, filter, columns);
        Path file;
        try {
            file = Files.createTempFile("sextant-export-", ".parquet");
        } catch (IOException e) {
            throw new StoreException("cannot create a temporary file for the Parquet export", e);
        }
        try {
            String target = file.toAbsolutePath().toString().replace("'", "''");
            long rows = database.read("exporting " + entity.wire() + " as Parquet", c -> {
                try (PreparedStatement copy = c.prepareStatement("COPY (" + sql + ") TO '" + target
                        + "' (FORMAT parquet, COMPRESSION zstd)")) {
                    SqlValues.bind(copy, filter.values());
                    copy.execute();
                }
                try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
                    count.setString(1, file.toAbsolutePath().toString());
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            Files.copy(file, out);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind; the OS cleans its temp directory
            }
        }
    }

    private String select(ExportEntity entity, InteractionFilter filter, ExportColumns columns) {
        Dialect d = database.dialect();
        String traceOrder = "t.started_at ASC NULLS LAST, " + d.byteOrder("t.id") + " ASC";
        return switch (entity) {
            case TRACES -> "SELECT " + columns.selectList() + " FROM traces t WHERE " + filter.where()
                    + " ORDER BY " + traceOrder;
            case SPANS -> "SELECT " + columns.selectList() + " FROM spans s JOIN traces t"
                    + " ON t.workspace_id = s.workspace_id AND t.id = s.trace_id WHERE " + filter.where()
                    + " ORDER BY " + traceOrder + ", s.started_at ASC NULLS LAST, " + d.byteOrder("s.id") + " ASC";
            case SCORES -> "SELECT " + columns.selectList() + " FROM scores c JOIN traces t"
                    + " ON t.workspace_id = c.workspace_id AND t.id = c.trace_id WHERE " + filter.where()
                    + " ORDER BY " + traceOrder + ", c.created_at ASC NULLS LAST, " + d.byteOrder("c.id") + " ASC";
        };
    }

    private static long stream(Connection c, String sql, InteractionFilter filter, ExportColumns columns,
            ExportSink sink) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            SqlValues.bind(select, filter.values());
            select.setFetchSize(FETCH_SIZE);
            sink.columns(columns.columns());
            long rows = 0;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    sink.row(columns.read(rs));
                    rows++;
                }
            }
            return rows;
        }
    }
}
