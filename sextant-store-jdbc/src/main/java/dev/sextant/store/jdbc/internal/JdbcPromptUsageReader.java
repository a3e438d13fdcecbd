package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.PromptUsage;
import dev.sextant.store.PromptUsageQuery;
import dev.sextant.store.PromptUsageReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Template uses, counted in SQL over {@link PromptUsageSql#uses}: one query for uses and
 * successes per (template, version text), two for the numeric {@code user_rating} scores of the
 * traces with a use (per version, and per template so that a trace counts once). Version texts
 * ("2" from a JSON number or string) are turned into numbers here; sums, not means, come back so
 * that versions merge exactly.
 */
final class JdbcPromptUsageReader implements PromptUsageReader {
    private final Database database;

    JdbcPromptUsageReader(Database database) {
        this.database = database;
    }

    @Override
    public List<PromptUsage> usage(WorkspaceId workspace, PromptUsageQuery query) {
        PromptUsageSql sql = new PromptUsageSql(database.dialect(), workspace, query);
        String counts = sql.with() + "SELECT template_id, version_text, COUNT(*) AS uses,"
                + " SUM(CASE WHEN status = 'error' THEN 0 ELSE 1 END) AS successes, MAX(used_at) AS newest"
                + " FROM uses" + sql.templateFilter() + " GROUP BY template_id, version_text";
        String versionRatings = sql.with() + "SELECT u.template_id, u.version_text, COUNT(*) AS n, SUM(sc.value) AS total"
                + " FROM (SELECT DISTINCT template_id, version_text, trace_id FROM uses" + sql.templateFilter() + ") u"
                + PromptUsageSql.RATINGS + " GROUP BY u.template_id, u.version_text";
        String templateRatings = sql.with() + "SELECT u.template_id, NULL AS version_text, COUNT(*) AS n,"
                + " SUM(sc.value) AS total FROM (SELECT DISTINCT template_id, trace_id FROM uses"
                + sql.templateFilter() + ") u" + PromptUsageSql.RATINGS + " GROUP BY u.template_id";
        return database.read("counting prompt template uses", c -> {
            Map<String, Tally> tallies = new TreeMap<>();
            try (PreparedStatement s = SqlValues.prepare(c, sql.values(), counts); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Tally t = tallies.computeIfAbsent(rs.getString("template_id"), k -> new Tally());
                    Counts v = t.version(number(rs.getString("version_text")));
                    v.uses += rs.getLong("uses");
                    v.successes += rs.getLong("successes");
                    Instant newest = SqlValues.instant(rs, "newest");
                    if (newest != null && (t.newest == null || newest.isAfter(t.newest))) {
                        t.newest = newest;
                    }
                }
            }
            ratings(c, sql, versionRatings, (id, version, n, total) -> {
                Counts v = tallies.get(id).version(number(version));
                v.ratings += n;
                v.ratingTotal += total;
            });
            ratings(c, sql, templateRatings, (id, version, n, total) -> {
                tallies.get(id).ratings = n;
                tallies.get(id).ratingTotal = total;
            });
            List<PromptUsage> usage = new ArrayList<>();
            tallies.forEach((id, t) -> usage.add(t.usage(id)));
            return usage;
        });
    }

    private interface RatingRow {
        void add(String templateId, String versionText, long n, double total);
    }

    private static void ratings(Connection c, PromptUsageSql sql, String query, RatingRow row) throws SQLException {
        try (PreparedStatement s = SqlValues.prepare(c, sql.valuesWithRatings(), query); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                row.add(rs.getString("template_id"), rs.getString("version_text"), rs.getLong("n"), rs.getDouble("total"));
            }
        }
    }

    /** A version number: a whole number from 1 to 999999999 as text, else null (unknown). */
    static Integer number(String text) {
        return text != null && text.matches("[1-9][0-9]{0,8}") ? Integer.valueOf(text) : null;
    }

    private static final class Counts {
        long uses;
        long successes;
        long ratings;
        double ratingTotal;
    }

    private static final class Tally {
        final Map<Integer, Counts> versions = new TreeMap<>(Comparator.nullsLast(Comparator.reverseOrder()));
        long ratings;
        double ratingTotal;
        Instant newest;

        Counts version(Integer number) {
            return versions.computeIfAbsent(number, k -> new Counts());
        }

        PromptUsage usage(String id) {
            long uses = 0;
            long successes = 0;
            List<PromptUsage.Version> list = new ArrayList<>();
            for (Map.Entry<Integer, Counts> e : versions.entrySet()) {
                Counts v = Objects.requireNonNull(e.getValue());
                uses += v.uses;
                successes += v.successes;
                list.add(new PromptUsage.Version(e.getKey(), v.uses, v.successes, v.ratings,
                        v.ratings == 0 ? null : v.ratingTotal / v.ratings));
            }
            return new PromptUsage(id, uses, successes, ratings, ratings == 0 ? null : ratingTotal / ratings, newest, list);
        }
    }
}
