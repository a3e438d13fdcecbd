package dev.sextant.store.jdbc.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB: the Appender writes rows straight into the table's column chunks (tens of thousands
 * of wide rows a second); batched JDBC INSERTs into DuckDB manage only a few thousand.
 */
final class AppenderStageLoader implements StageLoader {
    @Override
    public void load(Connection connection, StageTable table, List<Object[]> rows) throws SQLException {
        // temp tables live in the "temp" catalog
        appendRows(connection, "temp", table.name(), rows);
    }

    /**
     * Appends rows (in the table's column order) to a table of the given catalog and flushes.
     * In a transaction, the rows commit or roll back with it only once a statement has begun it
     * (see {@link Stages}); a failed flush (e.g. a primary key already stored) throws.
     */
    static void appendRows(Connection connection, String catalog, String table, List<Object[]> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        try (DuckDBAppender appender = catalog == null
                ? duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)
                : duck.createAppender(catalog, DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (Object[] row : rows) {
                appender.beginRow();
                for (Object value : row) {
                    append(appender, value);
                }
                appender.endRow();
            }
            // flush explicitly: close() of duckdb_jdbc 2.0.0.1 drops a failed flush's error (the
            // transaction is then aborted without a word); flush() reports it
            appender.flush();
        }
    }

    /** Microseconds since the epoch, the nanoseconds below them dropped (as DuckDB stores them). */
    static long epochMicros(OffsetDateTime t) {
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    /** The unscaled value at scale 9, refused like the column refuses it past 18 digits. */
    private static long unscaled18(BigDecimal m) throws SQLException {
        BigDecimal scaled = m.setScale(9, RoundingMode.HALF_EVEN);
        if (scaled.precision() > 18) {
            throw new SQLException("the decimal " + m.toPlainString() + " does not fit DECIMAL(18,9)");
        }
        return scaled.unscaledValue().longValue();
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        switch (value) {
            case null -> appender.appendNull();
            case String s -> appender.append(s);
            case Long l -> appender.append(l.longValue());
            case Integer i -> appender.append(i.intValue());
            case Double d -> appender.append(d.doubleValue());
            case Boolean b -> appender.append(b.booleanValue());
            // every staged decimal is DECIMAL(18,9): its unscaled value at scale 9
            case BigDecimal m -> appender.appendDecimal(unscaled18(m));
            // as micros since the epoch: no conversion objects per value (the offset is in the instant)
            case OffsetDateTime t -> appender.appendEpochMicros(epochMicros(t));
            default -> throw new IllegalArgumentException("cannot stage a " + value.getClass().getName());
        }
    }
}
