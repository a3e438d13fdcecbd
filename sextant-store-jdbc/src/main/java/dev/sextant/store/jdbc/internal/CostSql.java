package dev.sextant.store.jdbc.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Small pieces the cost-analysis queries share. */
final class CostSql {
    private CostSql() {
    }

    @FunctionalInterface
    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs one bound query and hands every row over. */
    static void each(Connection c, String sql, List<Object> values, Row row) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            SqlValues.bind(select, values);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }

    static String percentile(double fraction, String column, String alias) {
        return " percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY CAST(" + column + " AS FLOAT8)) AS " + alias;
    }

    /** Money at the scale of the schema (9 places); null reads as zero. */
    static BigDecimal usd(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return (value == null ? BigDecimal.ZERO : value).setScale(9, RoundingMode.HALF_EVEN);
    }

    static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
    }
}
