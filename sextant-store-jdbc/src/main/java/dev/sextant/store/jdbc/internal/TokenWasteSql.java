package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.TokenWaste;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Token waste in three queries: {@code regr_slope} of input tokens on the turn index per
 * conversation (r² only where the tokens vary, so both databases agree on constant series),
 * LLM usage per model and UTC day, and LLM calls grouped by model and {@code md5} of their input
 * (with its length, against collisions) — hashing keeps the grouping cheap for long prompts.
 */
final class TokenWasteSql {
    static final int PREVIEW_CHARS = 120;

    private final Database database;
    private final InteractionFilter filter;

    TokenWasteSql(Database database, WorkspaceId workspace, InteractionQuery query) {
        this.database = database;
        this.filter = new InteractionFilter(database.dialect(), workspace, query);
    }

    TokenWaste read(int minTurns, int limit) {
        Dialect d = database.dialect();
        String turns = "SELECT t.conversation_id AS cid, CAST(t.input_tokens AS FLOAT8) AS tokens, t.cost_usd,"
                + " ROW_NUMBER() OVER (PARTITION BY t.conversation_id ORDER BY t.started_at NULLS LAST, "
                + d.byteOrder("t.id") + ") AS turn, COUNT(*) OVER (PARTITION BY t.conversation_id) AS turns"
                + " FROM traces t WHERE " + filter.where() + " AND t.conversation_id IS NOT NULL";
        String perConversation = "SELECT cid, MAX(turns) AS turns, regr_slope(tokens, CAST(turn AS FLOAT8)) AS slope,"
                + " CASE WHEN var_pop(tokens) > 0 THEN regr_r2(tokens, CAST(turn AS FLOAT8)) END AS r2,"
                + " SUM(CASE WHEN turn = 1 THEN tokens END) AS first_tokens,"
                + " SUM(CASE WHEN turn = turns THEN tokens END) AS last_tokens, SUM(tokens) AS all_tokens,"
                + " SUM(cost_usd) AS cost FROM (" + turns + ") x GROUP BY cid HAVING COUNT(*) >= " + minTurns;
        String growth = "SELECT g.*, COUNT(*) OVER () AS analysed,"
                + " SUM(CASE WHEN slope > 0 THEN 1 ELSE 0 END) OVER () AS growing FROM (" + perConversation
                + ") g ORDER BY slope DESC, " + d.byteOrder("cid") + " LIMIT " + limit;
        String llm = " FROM spans s JOIN traces t ON s.workspace_id = t.workspace_id AND s.trace_id = t.id WHERE "
                + filter.where() + " AND s.kind = 'llm' AND s.model IS NOT NULL";
        String cache = "SELECT s.model, date_trunc('day', s.started_at AT TIME ZONE 'UTC') AS day, COUNT(*) AS calls,"
                + " SUM(s.input_tokens) AS input, SUM(s.cache_read_tokens) AS cache_read,"
                + " SUM(s.cache_write_tokens) AS cache_write" + llm
                + " AND s.input_tokens IS NOT NULL AND s.started_at IS NOT NULL GROUP BY s.model, day ORDER BY s.model, day";
        String repeats = "SELECT s.model, md5(s.input) AS h, length(s.input) AS len, COUNT(*) AS n,"
                + " SUM(COALESCE(s.cost_usd, 0)) AS total, MIN(substr(s.input, 1, " + PREVIEW_CHARS + ")) AS preview,"
                + " MIN(s.trace_id) AS example" + llm + " AND s.input IS NOT NULL"
                + " GROUP BY s.model, md5(s.input), length(s.input) HAVING COUNT(*) > 1";
        String repeated = "SELECT r.*, total - total / n AS wasted, COUNT(*) OVER () AS group_count,"
                + " SUM(n) OVER () AS calls, SUM(total - total / n) OVER () AS all_wasted FROM (" + repeats
                + ") r ORDER BY wasted DESC, n DESC, " + d.byteOrder("model") + ", h LIMIT " + limit;
        String newest = "SELECT MAX(t.started_at) AS newest FROM traces t WHERE " + filter.where();
        return database.read("looking for token waste", c -> {
            List<TokenWaste.Conversation> fastest = new ArrayList<>();
            long[] growthCounts = new long[2];
            CostSql.each(c, growth, filter.values(), rs -> {
                fastest.add(new TokenWaste.Conversation(rs.getString("cid"), rs.getLong("turns"), rs.getDouble("slope"),
                        SqlValues.nullableDouble(rs, "r2"), Math.round(rs.getDouble("first_tokens")),
                        Math.round(rs.getDouble("last_tokens")), Math.round(rs.getDouble("all_tokens")),
                        CostSql.usd(rs, "cost")));
                growthCounts[0] = rs.getLong("analysed");
                growthCounts[1] = rs.getLong("growing");
            });
            List<TokenWaste.CacheDay> days = new ArrayList<>();
            CostSql.each(c, cache, filter.values(), rs -> days.add(new TokenWaste.CacheDay(rs.getString("model"),
                    rs.getObject("day", LocalDateTime.class).toLocalDate(), rs.getLong("calls"), rs.getLong("input"),
                    rs.getLong("cache_read"), rs.getLong("cache_write"))));
            List<TokenWaste.Repeat> top = new ArrayList<>();
            long[] repeatCounts = new long[2];
            BigDecimal[] wasted = {BigDecimal.ZERO.setScale(9)};
            CostSql.each(c, repeated, filter.values(), rs -> {
                BigDecimal total = CostSql.usd(rs, "total");
                long n = rs.getLong("n");
                top.add(new TokenWaste.Repeat(rs.getString("model"), rs.getString("preview"), rs.getInt("len"), n, total,
                        total.subtract(total.divide(BigDecimal.valueOf(n), 9, RoundingMode.HALF_EVEN)),
                        rs.getString("example")));
                repeatCounts[0] = rs.getLong("group_count");
                repeatCounts[1] = rs.getLong("calls");
                wasted[0] = CostSql.usd(rs, "all_wasted");
            });
            Instant[] asOf = {null};
            CostSql.each(c, newest, filter.values(), rs -> asOf[0] = SqlValues.instant(rs, "newest"));
            return new TokenWaste(new TokenWaste.PromptGrowth(growthCounts[0], growthCounts[1], fastest), days,
                    new TokenWaste.RepeatedPrompts(repeatCounts[0], repeatCounts[1], wasted[0], top), asOf[0]);
        });
    }
}
