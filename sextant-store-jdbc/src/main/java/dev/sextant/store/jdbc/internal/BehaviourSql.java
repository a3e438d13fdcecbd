package dev.sextant.store.jdbc.internal;

import dev.sextant.store.Feedback;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What the intent, hand-off and decision queries share: running a statement row by row, the
 * per-trace feedback table and reading its sums back, rates and percentiles.
 */
final class BehaviourSql {
    private BehaviourSql() {
    }

    @FunctionalInterface
    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

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

    /**
     * A CTE {@code fb}: per trace of the CTE {@code sel} (which must have {@code workspace_id} and
     * {@code id}), the sums of its numeric feedback scores. No bind values.
     */
    static String feedbackCte() {
        return "fb AS (SELECT sc.trace_id,"
                + " SUM(CASE WHEN sc.name = '" + Feedback.RATING + "' THEN sc.value END) AS rating_sum,"
                + " SUM(CASE WHEN sc.name = '" + Feedback.RATING + "' THEN 1 ELSE 0 END) AS rating_n,"
                + " SUM(CASE WHEN sc.name = '" + Feedback.RATING + "' THEN sc.value * sc.value END) AS rating_sq,"
                + " SUM(CASE WHEN sc.name = '" + Feedback.THUMBS + "' THEN 1 ELSE 0 END) AS thumbs_n,"
                + " SUM(CASE WHEN sc.name = '" + Feedback.THUMBS + "' AND sc.value = 1 THEN 1 ELSE 0 END) AS thumbs_up,"
                + " SUM(CASE WHEN sc.name = '" + Feedback.RESOLVED + "' THEN 1 ELSE 0 END) AS resolved_n,"
                + " SUM(CASE WHEN sc.name = '" + Feedback.RESOLVED + "' AND sc.value = 1 THEN 1 ELSE 0 END) AS resolved_yes"
                + " FROM scores sc JOIN sel ON sc.workspace_id = sel.workspace_id AND sc.trace_id = sel.id"
                + " WHERE sc.value IS NOT NULL AND sc.name IN ('" + Feedback.RATING + "', '" + Feedback.THUMBS + "', '"
                + Feedback.RESOLVED + "') GROUP BY sc.trace_id)";
    }

    /** Select-list items summing {@code fb} over a group (joined as {@code fb}). */
    static String feedbackSums() {
        return " SUM(fb.rating_sum) AS fb_rating_sum, SUM(fb.rating_n) AS fb_rating_n, SUM(fb.rating_sq) AS fb_rating_sq,"
                + " SUM(fb.thumbs_n) AS fb_thumbs_n,"
                + " SUM(fb.thumbs_up) AS fb_thumbs_up, SUM(fb.resolved_n) AS fb_resolved_n,"
                + " SUM(fb.resolved_yes) AS fb_resolved_yes";
    }

    static Feedback feedback(ResultSet rs) throws SQLException {
        long ratings = rs.getLong("fb_rating_n");
        long thumbs = rs.getLong("fb_thumbs_n");
        long resolved = rs.getLong("fb_resolved_n");
        long up = rs.getLong("fb_thumbs_up");
        long yes = rs.getLong("fb_resolved_yes");
        double sum = rs.getDouble("fb_rating_sum");
        Double sd = null;
        if (ratings > 1) {
            // sample variance from the sums; clamped at 0 against rounding when all ratings are equal
            double variance = (rs.getDouble("fb_rating_sq") - sum * sum / ratings) / (ratings - 1);
            sd = Math.sqrt(Math.max(0, variance));
        }
        return new Feedback(ratings, ratings == 0 ? null : sum / ratings, sd, thumbs, up, rate(up, thumbs), resolved,
                yes, rate(yes, resolved));
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : part / (double) whole;
    }

    static String percentile(double fraction, String column, String alias) {
        return " percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY CAST(" + column + " AS FLOAT8)) AS " + alias;
    }

    static BigDecimal money(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(9, RoundingMode.HALF_EVEN);
    }

    static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
