package dev.sextant.store.jdbc.internal;

import java.sql.Types;

/** SQL types of staged columns, the same on both databases. */
enum ColumnType {
    TEXT("VARCHAR", Types.VARCHAR),
    /** JSON staged as text and cast on the way into the real table. */
    JSON("VARCHAR", Types.VARCHAR),
    TIME("TIMESTAMPTZ", Types.TIMESTAMP_WITH_TIMEZONE),
    BIGINT("BIGINT", Types.BIGINT),
    INT("INTEGER", Types.INTEGER),
    FLOAT("FLOAT8", Types.DOUBLE),
    BOOL("BOOLEAN", Types.BOOLEAN),
    MONEY("DECIMAL(18,9)", Types.DECIMAL);

    final String sql;
    final int jdbcType;

    ColumnType(String sql, int jdbcType) {
        this.sql = sql;
        this.jdbcType = jdbcType;
    }
}
