package dev.sextant.store.jdbc.internal;

/**
 * A staged column and how an upsert merges it into the stored row: {@code marker} null means
 * "keep the stored value where the newer copy has null"; a marker names the column that says
 * whether the newer copy carries the whole group (usage, cost, decision, hand-off), so a group
 * is taken or kept as one, like the model's {@code mergedWith}.
 */
record Column(String name, ColumnType type, boolean key, String marker) {
    static Column key(String name) {
        return new Column(name, ColumnType.TEXT, true, null);
    }

    static Column of(String name, ColumnType type) {
        return new Column(name, type, false, null);
    }

    static Column grouped(String name, ColumnType type, String marker) {
        return new Column(name, type, false, marker);
    }
}
