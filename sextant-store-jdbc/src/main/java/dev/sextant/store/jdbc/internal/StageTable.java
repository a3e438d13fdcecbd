package dev.sextant.store.jdbc.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A session-local temporary table that a write fills in bulk before one set-based statement
 * moves the rows into the real table. Rows are {@code Object[]} in column order.
 */
record StageTable(String name, List<Column> columns) {
    StageTable {
        columns = List.copyOf(columns);
    }

    String createSql() {
        return "CREATE TEMP TABLE IF NOT EXISTS " + name + " ("
                + columns.stream().map(c -> c.name() + " " + c.type().sql).collect(Collectors.joining(", "))
                + ")";
    }

    String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }
}
