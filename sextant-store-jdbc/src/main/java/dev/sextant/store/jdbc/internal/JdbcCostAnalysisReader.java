package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.CostAnalysisReader;
import dev.sextant.store.CostBreakdown;
import dev.sextant.store.CostOperations;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.ModelOutcomes;
import dev.sextant.store.TokenWaste;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cost analysis in SQL that DuckDB and PostgreSQL both run: model outcomes and the most expensive
 * operations here; the breakdown and token waste in {@link CostBreakdownSql} and {@link TokenWasteSql}.
 * Only the top intent and JSON field access differ, through {@link Dialect}.
 */
final class JdbcCostAnalysisReader implements CostAnalysisReader {
    private final Database database;

    JdbcCostAnalysisReader(Database database) {
        this.database = database;
    }

    /**
     * The selected traces with a task and their dominant model: per trace and model the summed
     * cost of its LLM spans (then tokens, then the model name in byte order), the first one kept.
     */
    private String dominant(ModelOutcomes.TaskKind task, InteractionFilter filter) {
        Dialect d = database.dialect();
        String taskColumn = task == ModelOutcomes.TaskKind.NAME ? "t.name" : d.topIntentName("t.intents");
        String models = "SELECT s.trace_id, s.model, ROW_NUMBER() OVER (PARTITION BY s.trace_id ORDER BY"
                + " SUM(COALESCE(s.cost_usd, 0)) DESC,"
                + " SUM(COALESCE(s.input_tokens, 0) + COALESCE(s.output_tokens, 0)) DESC, " + d.byteOrder("s.model")
                + ") AS rk FROM spans s JOIN traces t ON s.workspace_id = t.workspace_id AND s.trace_id = t.id"
                + " WHERE " + filter.where() + " AND s.kind = 'llm' AND s.model IS NOT NULL GROUP BY s.trace_id, s.model";
        return "SELECT * FROM (SELECT t.id, t.status, t.handoff_triggered, t.cost_usd, t.started_at, " + taskColumn
                + " AS task, m.model FROM traces t JOIN (" + models + ") m ON m.trace_id = t.id AND m.rk = 1"
                + " WHERE " + filter.where() + ") x WHERE x.task IS NOT NULL";
    }

    @Override
    public ModelOutcomes modelOutcomes(WorkspaceId workspace, ModelOutcomes.Query query) {
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, query.filter());
        InteractionQuery f = query.filter();
        InteractionFilter recentFilter = new InteractionFilter(database.dialect(), workspace,
                new InteractionQuery(query.volumeFrom(), query.volumeTo(), f.agentId(), f.conversationId(),
                        f.sessionId(), f.userId(), f.model(), f.minConfidence(), f.maxConfidence(), f.handoff(),
                        f.status(), f.messageType(), f.tag()));
        List<Object> twice = new ArrayList<>(filter.values());
        twice.addAll(filter.values());
        String groups = "SELECT task, model, COUNT(*) AS n, SUM(CASE WHEN status = 'error' THEN 0 ELSE 1 END) AS ok,"
                + " SUM(CASE WHEN handoff_triggered THEN 1 ELSE 0 END) AS handoffs, SUM(cost_usd) AS cost,"
                + " MAX(started_at) AS newest FROM (" + dominant(query.task(), filter) + ") g GROUP BY task, model";
        String ratings = "SELECT x.task, x.model, sc.value, COUNT(*) AS n FROM (" + dominant(query.task(), filter)
                + ") x JOIN scores sc ON sc.trace_id = x.id AND sc.workspace_id = ? WHERE sc.name = '"
                + ModelOutcomes.RATING_SCORE + "' AND sc.value IS NOT NULL GROUP BY x.task, x.model, sc.value";
        List<Object> ratingValues = new ArrayList<>(twice);
        ratingValues.add(workspace.value());
        List<Object> recentValues = new ArrayList<>(recentFilter.values());
        recentValues.addAll(recentFilter.values());
        String recent = "SELECT task, model, COUNT(*) AS n FROM (" + dominant(query.task(), recentFilter)
                + ") r GROUP BY task, model";
        return database.read("comparing models per task", c -> {
            Map<List<String>, Map<Double, Long>> rated = new HashMap<>();
            CostSql.each(c, ratings, ratingValues, rs -> rated
                    .computeIfAbsent(List.of(rs.getString("task"), rs.getString("model")), k -> new TreeMap<>())
                    .put(rs.getDouble("value"), rs.getLong("n")));
            Map<List<String>, Long> volume = new HashMap<>();
            CostSql.each(c, recent, recentValues,
                    rs -> volume.put(List.of(rs.getString("task"), rs.getString("model")), rs.getLong("n")));
            List<ModelOutcomes.Group> result = new ArrayList<>();
            Instant[] newest = {null};
            CostSql.each(c, groups + " ORDER BY task, model", twice, rs -> {
                List<String> key = List.of(rs.getString("task"), rs.getString("model"));
                result.add(new ModelOutcomes.Group(key.get(0), key.get(1), rs.getLong("n"), rs.getLong("ok"),
                        rs.getLong("handoffs"), CostSql.usd(rs, "cost"), new TreeMap<>(rated.getOrDefault(key, Map.of())),
                        volume.getOrDefault(key, 0L)));
                newest[0] = CostSql.later(newest[0], SqlValues.instant(rs, "newest"));
            });
            return new ModelOutcomes(result, newest[0]);
        });
    }

    @Override
    public CostOperations operations(WorkspaceId workspace, InteractionQuery query, int limit) {
        CostSql.checkLimit(limit);
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, query);
        Dialect d = database.dialect();
        String traces = " FROM traces t WHERE " + filter.where();
        String spans = " FROM spans s JOIN traces t ON s.workspace_id = t.workspace_id AND s.trace_id = t.id WHERE "
                + filter.where() + " AND s.cost_usd IS NOT NULL";
        String byName = ranking("t.name AS name, NULL AS model", "t.cost_usd", traces, "t.name", d.byteOrder("t.name"), limit);
        String byAgent = ranking("t.agent_id AS name, NULL AS model", "t.cost_usd", traces, "t.agent_id",
                d.byteOrder("t.agent_id"), limit);
        String bySpan = ranking("s.name AS name, s.model AS model", "s.cost_usd", spans, "s.name, s.model",
                d.byteOrder("s.name") + " NULLS LAST, " + d.byteOrder("s.model"), limit);
        String totals = "SELECT (SELECT SUM(t.cost_usd)" + traces + ") AS traces_total, (SELECT MAX(t.started_at)"
                + traces + ") AS newest, (SELECT SUM(s.cost_usd)" + spans + ") AS spans_total";
        List<Object> thrice = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            thrice.addAll(filter.values());
        }
        return database.read("ranking expensive operations", c -> {
            Map<String, List<CostOperations.Operation>> lists = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : Map.of("name", byName, "agent", byAgent, "span", bySpan).entrySet()) {
                List<CostOperations.Operation> ops = new ArrayList<>();
                CostSql.each(c, e.getValue(), filter.values(), rs -> ops.add(new CostOperations.Operation(
                        rs.getString("name"), rs.getString("model"), rs.getLong("n"), CostSql.usd(rs, "total"),
                        SqlValues.nullableDouble(rs, "p95"))));
                lists.put(e.getKey(), ops);
            }
            BigDecimal[] total = new BigDecimal[2];
            Instant[] newest = {null};
            CostSql.each(c, totals, thrice, rs -> {
                total[0] = CostSql.usd(rs, "traces_total");
                total[1] = CostSql.usd(rs, "spans_total");
                newest[0] = SqlValues.instant(rs, "newest");
            });
            return new CostOperations(lists.get("name"), lists.get("span"), lists.get("agent"), total[0], total[1],
                    newest[0]);
        });
    }

    private static String ranking(String columns, String cost, String from, String groupBy, String tieOrder, int limit) {
        return "SELECT " + columns + ", COUNT(*) AS n, SUM(" + cost + ") AS total," + CostSql.percentile(0.95, cost, "p95")
                + from + " GROUP BY " + groupBy + " ORDER BY total DESC, n DESC, " + tieOrder + " NULLS LAST LIMIT " + limit;
    }

    @Override
    public CostBreakdown breakdown(WorkspaceId workspace, InteractionQuery query, CostBreakdown.Grouping grouping,
            int limit) {
        CostSql.checkLimit(limit);
        return new CostBreakdownSql(database, workspace, query, grouping).read(limit);
    }

    @Override
    public TokenWaste waste(WorkspaceId workspace, InteractionQuery query, int minTurns, int limit) {
        CostSql.checkLimit(limit);
        if (minTurns < 2) {
            throw new IllegalArgumentException("minTurns must be 2 or more (a slope needs two points), was " + minTurns);
        }
        return new TokenWasteSql(database, workspace, query).read(minTurns, limit);
    }
}
