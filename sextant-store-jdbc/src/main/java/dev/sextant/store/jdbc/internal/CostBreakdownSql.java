package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.CostBreakdown;
import dev.sextant.store.CostBreakdown.Grouping;
import dev.sextant.store.InteractionQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Trace cost per group in one pass over {@code keyed}: every selected trace with its group key
 * (null when it has none; by tag one row per matching tag). A tag grouping with a key keeps the
 * tags that start with {@code key:} and groups by the rest ({@code campaign:spring} → {@code spring}).
 */
final class CostBreakdownSql {
    private final Database database;
    private final String keyed;
    private final List<Object> values = new ArrayList<>();
    private final String totals;
    private final List<Object> totalValues;

    CostBreakdownSql(Database database, WorkspaceId workspace, InteractionQuery query, Grouping grouping) {
        this.database = database;
        Dialect d = database.dialect();
        InteractionFilter filter = new InteractionFilter(d, workspace, query);
        String select = "SELECT t.id, t.cost_usd, t.started_at, ";
        String where = " WHERE " + filter.where();
        switch (grouping.kind()) {
            case CONVERSATION -> keyed = select + "t.conversation_id AS gkey FROM traces t" + where;
            case SESSION -> keyed = select + "t.session_id AS gkey FROM traces t" + where;
            case USER -> keyed = select + "t.user_id AS gkey FROM traces t" + where;
            case METADATA -> {
                keyed = select + d.jsonTextField("t.metadata") + " AS gkey FROM traces t" + where;
                values.add(d.jsonTextFieldKey(grouping.key()));
            }
            case TAG -> {
                if (grouping.key() == null) {
                    keyed = select + "g.tag AS gkey FROM traces t " + d.jsonArrayDistinctElements("t.tags", "g", "tag")
                            + where;
                } else {
                    String prefix = grouping.key() + ":";
                    keyed = select + "substr(g.tag, ?) AS gkey FROM traces t "
                            + d.jsonArrayDistinctElements("t.tags", "g", "tag") + where
                            + " AND substr(g.tag, 1, ?) = ? AND length(g.tag) > ?";
                    values.add(prefix.length() + 1);
                }
            }
            default -> throw new IllegalStateException("unknown grouping " + grouping.kind());
        }
        values.addAll(filter.values());
        if (grouping.kind() == CostBreakdown.Kind.TAG && grouping.key() != null) {
            int length = grouping.key().length() + 1;
            values.add(length);
            values.add(grouping.key() + ":");
            values.add(length);
        }
        this.totals = "SELECT COUNT(*) AS n, SUM(t.cost_usd) AS total, MAX(t.started_at) AS newest FROM traces t"
                + where;
        this.totalValues = filter.values();
    }

    CostBreakdown read(int limit) {
        Dialect d = database.dialect();
        String groups = "SELECT gkey, COUNT(*) AS n, SUM(cost_usd) AS total, AVG(CAST(cost_usd AS FLOAT8)) AS mean,"
                + CostSql.percentile(0.5, "cost_usd", "p50") + "," + CostSql.percentile(0.95, "cost_usd", "p95")
                + ", COUNT(*) OVER () AS group_count FROM (" + keyed + ") k WHERE gkey IS NOT NULL GROUP BY gkey"
                + " ORDER BY total DESC, n DESC, " + d.byteOrder("gkey") + " LIMIT " + limit;
        String grouped = "SELECT COUNT(*) AS n, SUM(cost_usd) AS total FROM (SELECT DISTINCT id, cost_usd FROM ("
                + keyed + ") k WHERE gkey IS NOT NULL) d";
        return database.read("breaking costs down", c -> {
            List<CostBreakdown.Group> result = new ArrayList<>();
            long[] groupCount = {0};
            CostSql.each(c, groups, values, rs -> {
                result.add(new CostBreakdown.Group(rs.getString("gkey"), rs.getLong("n"), CostSql.usd(rs, "total"),
                        rs.getDouble("mean"), rs.getDouble("p50"), rs.getDouble("p95")));
                groupCount[0] = rs.getLong("group_count");
            });
            long[] counts = new long[2];
            BigDecimal[] costs = new BigDecimal[2];
            Instant[] newest = {null};
            CostSql.each(c, grouped, values, rs -> {
                counts[0] = rs.getLong("n");
                costs[0] = CostSql.usd(rs, "total");
            });
            CostSql.each(c, totals, totalValues, rs -> {
                counts[1] = rs.getLong("n");
                costs[1] = CostSql.usd(rs, "total");
                newest[0] = SqlValues.instant(rs, "newest");
            });
            return new CostBreakdown(result, groupCount[0], counts[1] - counts[0], costs[1].subtract(costs[0]),
                    costs[1], newest[0]);
        });
    }
}
