package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ExportEntity;
import dev.sextant.store.ExportReader;
import dev.sextant.store.ExportSink;
import dev.sextant.store.InteractionQuery;
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
final class JdbcExportReader implements ExportReader {
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
        Dialect d = database.dialect();
        InteractionFilter filter = new InteractionFilter(d, workspace, query);
        ExportColumns columns = ExportColumns.of(entity);
        String traceOrder = "t.started_at ASC NULLS LAST, " + d.byteOrder("t.id") + " ASC";
        String sql = switch (entity) {
            case TRACES -> "SELECT " + columns.selectList() + " FROM traces t WHERE " + filter.where()
                    + " ORDER BY " + traceOrder;
            case SPANS -> "SELECT " + columns.selectList() + " FROM spans s JOIN traces t"
                    + " ON t.workspace_id = s.workspace_id AND t.id = s.trace_id WHERE " + filter.where()
                    + " ORDER BY " + traceOrder + ", s.started_at ASC NULLS LAST, " + d.byteOrder("s.id") + " ASC";
            case SCORES -> "SELECT " + columns.selectList() + " FROM scores c JOIN traces t"
                    + " ON t.workspace_id = c.workspace_id AND t.id = c.trace_id WHERE " + filter.where()
                    + " ORDER BY " + traceOrder + ", c.created_at ASC NULLS LAST, " + d.byteOrder("c.id") + " ASC";
        };
        return database.readStreamed("exporting " + entity.wire(), c -> stream(c, sql, filter, columns, sink));
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
