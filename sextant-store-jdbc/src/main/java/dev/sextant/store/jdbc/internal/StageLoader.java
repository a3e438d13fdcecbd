package dev.sextant.store.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Fills a stage table in bulk, the fastest way the database offers. */
interface StageLoader {
    void load(Connection connection, StageTable table, List<Object[]> rows) throws SQLException;

    static StageLoader of(Dialect dialect) {
        return dialect == Dialect.DUCKDB ? new AppenderStageLoader() : new BatchInsertStageLoader();
    }
}
