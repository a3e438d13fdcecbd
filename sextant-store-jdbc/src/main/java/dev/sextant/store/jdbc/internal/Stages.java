package dev.sextant.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Creates the stage tables on a writer connection and empties them around each write. */
final class Stages {
    private final StageLoader loader;

    Stages(Dialect dialect) {
        this.loader = StageLoader.of(dialect);
    }

    /**
     * Temp tables are per connection: PostgreSQL writes may land on any pooled connection, so
     * every write says IF NOT EXISTS (cheap), and starts from empty stages.
     */
    void open(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (StageTable table : StageTables.ALL) {
                s.execute(table.createSql());
                s.execute("DELETE FROM " + table.name());
            }
        }
    }

    void load(Connection connection, StageTable table, List<Object[]> rows) throws SQLException {
        loader.load(connection, table, rows);
    }

    void clear(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (StageTable table : StageTables.ALL) {
                s.execute("DELETE FROM " + table.name());
            }
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
