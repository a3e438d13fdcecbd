package dev.sextant.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * PostgreSQL: batched INSERTs, which the driver rewrites into multi-row statements
 * ({@code reWriteBatchedInserts=true}).
 */
final class BatchInsertStageLoader implements StageLoader {
    private static final int BATCH = 500;

    @Override
    public void load(Connection connection, StageTable table, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Column> columns = table.columns();
        String sql = "INSERT INTO " + table.name() + " (" + table.columnList() + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        insert.setNull(i + 1, columns.get(i).type().jdbcType);
                    } else {
                        insert.setObject(i + 1, row[i]);
                    }
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
