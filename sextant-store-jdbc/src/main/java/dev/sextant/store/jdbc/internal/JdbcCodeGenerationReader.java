package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.CodeGenerationReader;
import dev.sextant.store.CodeGenerationStats;
import dev.sextant.store.CodeGenerationStats.Distribution;
import dev.sextant.store.CodeGenerationStats.Figures;
import dev.sextant.store.InteractionQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Code generation in one SQL statement on both databases: the {@code code_generation} spans of the
 * selected traces, each with its newest {@code accepted} and {@code modified} score
 * ({@code ROW_NUMBER}, a span's own score before its trace's), aggregated with {@code GROUPING SETS ((), (type), (language))}.
 * Attributes: {@code generation_type} (else {@code type}), {@code language}, {@code lines} (else
 * {@code lines_added}) and {@code characters}; tokens are the span's output tokens. A
 * {@code modified} score (1 changed before it was kept, 0 kept as it was), found the same way as
 * the verdict, says how an accepted generation was kept.
 */
final class JdbcCodeGenerationReader implements CodeGenerationReader {
    private static final String[] DISTRIBUTIONS = {"to_accept", "to_reject", "lines", "chars", "tokens"};

    private final Database database;

    JdbcCodeGenerationReader(Database database) {
        this.database = database;
    }

    static String sql(Dialect d, String where) {
        String gen = "SELECT s.workspace_id AS ws, s.id AS id, s.trace_id AS trace_id, s.ended_at AS ended_at,"
                + " t.started_at AS trace_start,"
                + " COALESCE(s.attributes ->> 'generation_type', s.attributes ->> 'type') AS gtype,"
                + " s.attributes ->> 'language' AS lang,"
                + " COALESCE(" + d.jsonNumber("s.attributes", "lines") + ", " + d.jsonNumber("s.attributes", "lines_added")
                + ") AS lines, " + d.jsonNumber("s.attributes", "characters") + " AS chars,"
                + " CAST(s.output_tokens AS FLOAT8) AS tokens"
                + " FROM spans s JOIN traces t ON s.workspace_id = t.workspace_id AND s.trace_id = t.id"
                + " WHERE " + where + " AND s.kind = 'code_generation'";
        String judged = "SELECT g.*, CASE WHEN j.value = 1 THEN 1 ELSE 0 END AS acc,"
                + " CASE WHEN j.value = 0 THEN 1 ELSE 0 END AS rej,"
                + " CASE WHEN j.value = 1 AND m.value = 1 THEN 1 ELSE 0 END AS modi,"
                + " CASE WHEN j.value = 1 AND m.value = 0 THEN 1 ELSE 0 END AS unmodi,"
                + " CASE WHEN j.scored_at >= g.ended_at THEN CAST(" + d.millisBetween("g.ended_at", "j.scored_at")
                + " AS FLOAT8) END AS ms"
                + " FROM gen g LEFT JOIN verdicts j ON j.id = g.id AND j.rk = 1"
                + " LEFT JOIN modifications m ON m.id = g.id AND m.rk = 1";
        StringBuilder select = new StringBuilder("SELECT gtype, lang, GROUPING(gtype) AS by_type,"
                + " GROUPING(lang) AS by_lang, COUNT(*) AS n, SUM(acc) AS acc, SUM(rej) AS rej, SUM(modi) AS modi,"
                + " SUM(unmodi) AS unmodi, MAX(trace_start) AS newest");
        distribution(select, "to_accept", "CASE WHEN acc = 1 THEN ms END");
        distribution(select, "to_reject", "CASE WHEN rej = 1 THEN ms END");
        distribution(select, "lines", "lines");
        distribution(select, "chars", "chars");
        distribution(select, "tokens", "tokens");
        return "WITH gen AS (" + gen + "), verdicts AS (" + newest(d, "accepted") + "), modifications AS ("
                + newest(d, "modified") + "), judged AS (" + judged + ") "
                + select + " FROM judged GROUP BY GROUPING SETS ((), (gtype), (lang))";
    }

    /** Per generation, its scores of {@code name} ranked: its own span's first, then the newest. */
    private static String newest(Dialect d, String name) {
        return "SELECT g.id AS id, v.value AS value, v.created_at AS scored_at,"
                + " ROW_NUMBER() OVER (PARTITION BY g.id ORDER BY CASE WHEN v.span_id = g.id THEN 0 ELSE 1 END,"
                + " v.created_at DESC NULLS LAST, " + d.byteOrder("v.id") + " DESC) AS rk"
                + " FROM gen g JOIN scores v ON v.workspace_id = g.ws AND v.trace_id = g.trace_id"
                + " AND v.name = '" + name + "' AND (v.span_id = g.id OR v.span_id IS NULL)";
    }

    private static void distribution(StringBuilder select, String name, String expression) {
        select.append(", COUNT(").append(expression).append(") AS ").append(name).append("_n")
                .append(", AVG(").append(expression).append(") AS ").append(name).append("_mean");
        for (String p : new String[] {"50", "95"}) {
            select.append(", percentile_cont(0.").append(p).append(") WITHIN GROUP (ORDER BY ").append(expression)
                    .append(") AS ").append(name).append("_p").append(p);
        }
    }

    @Override
    public CodeGenerationStats codeGeneration(WorkspaceId workspace, InteractionQuery query) {
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, query);
        String sql = sql(database.dialect(), filter.where());
        return database.read("computing code generation figures", c -> {
            Figures overall = null;
            List<Figures> byType = new ArrayList<>();
            List<Figures> byLanguage = new ArrayList<>();
            Instant newest = null;
            try (PreparedStatement s = SqlValues.prepare(c, filter.values(), sql);
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean typeRolledUp = rs.getInt("by_type") == 1;
                    boolean langRolledUp = rs.getInt("by_lang") == 1;
                    if (typeRolledUp && langRolledUp) {
                        overall = figures(rs, null);
                        newest = SqlValues.instant(rs, "newest");
                    } else if (!typeRolledUp) {
                        byType.add(figures(rs, rs.getString("gtype")));
                    } else {
                        byLanguage.add(figures(rs, rs.getString("lang")));
                    }
                }
            }
            if (overall == null) {
                throw new IllegalStateException("the grand total row of the grouping sets is missing");
            }
            return new CodeGenerationStats(overall, sorted(byType), sorted(byLanguage), newest);
        });
    }

    /** Most generations first, then by key with the keyless group last. */
    private static List<Figures> sorted(List<Figures> figures) {
        return figures.stream().sorted((a, b) -> a.generations() != b.generations()
                ? Long.compare(b.generations(), a.generations())
                : a.key() == null ? (b.key() == null ? 0 : 1) : b.key() == null ? -1 : a.key().compareTo(b.key()))
                .toList();
    }

    private static Figures figures(ResultSet rs, String key) throws SQLException {
        Distribution[] d = new Distribution[DISTRIBUTIONS.length];
        for (int i = 0; i < d.length; i++) {
            String name = DISTRIBUTIONS[i];
            d[i] = new Distribution(rs.getLong(name + "_n"), SqlValues.nullableDouble(rs, name + "_mean"),
                    SqlValues.nullableDouble(rs, name + "_p50"), SqlValues.nullableDouble(rs, name + "_p95"));
        }
        return new Figures(key, rs.getLong("n"), rs.getLong("acc"), rs.getLong("rej"), rs.getLong("modi"),
                rs.getLong("unmodi"),                d[0], d[1], d[2], d[3], d[4]);
    }
}
