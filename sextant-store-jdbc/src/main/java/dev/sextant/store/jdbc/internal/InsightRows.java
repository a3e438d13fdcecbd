package dev.sextant.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs one insight query: binds its values in order and maps every row. */
final class InsightRows {
    private InsightRows() {
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> query(Connection c, String sql, List<Object> values, Row<T> row) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            SqlValues.bind(select, values);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
            }
        }
        return rows;
    }

    /** The split time first (it is bound in the select list, before the WHERE clause), then the filter's values. */
    static List<Object> splitThen(Object split, List<Object> filterValues) {
        List<Object> values = new ArrayList<>();
        values.add(split);
        values.addAll(filterValues);
        return values;
    }
}
