package dev.sextant.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The stage tables of a writer connection. A table is emptied right before it is filled, never
 * trusted to be empty. The DELETE also matters on DuckDB: duckdb_jdbc 2.0.0.1 begins a
 * transaction lazily, at the first statement after {@code setAutoCommit(false)}; an Appender
 * used before any statement writes in auto-commit mode, and its rows survive a rollback (checked:
 * with a statement first, appended rows, in temp and real tables, roll back with the write).
 */
final class Stages {
    private final StageLoader loader;
    private final boolean createPerWrite;

    Stages(Dialect dialect) {
        this.loader = StageLoader.of(dialect);
        // DuckDB has one writer connection: its stage tables are made once (createAll at
        // start-up). PostgreSQL writes land on any pooled connection, so each write makes sure.
        this.createPerWrite = dialect == Dialect.POSTGRES;
    }

    void createAll(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (StageTable table : StageTables.ALL) {
                s.execute(table.createSql());
            }
        }
    }

    void open(Connection connection) throws SQLException {
        if (createPerWrite) {
            createAll(connection);
        }
    }

    /** Replaces the table's rows with these. */
    void load(Connection connection, StageTable table, List<Object[]> rows) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM " + table.name());
        }
        loader.load(connection, table, rows);
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
