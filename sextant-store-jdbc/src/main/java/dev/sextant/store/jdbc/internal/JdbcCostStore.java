package dev.sextant.store.jdbc.internal;

import dev.sextant.model.CostSource;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.CostStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Price recalculation: reads spans whose cost we computed in id order, writes new costs back
 * through a stage table (one set-based UPDATE) and refreshes the roll-ups of their traces.
 * Spans with usage but no cost yet (their model had no price) are included: a new price can
 * cost them now. Reported costs are never touched.
 */
final class JdbcCostStore implements CostStore {
    private final Database database;
    private final Stages stages;
    private final RollupRefresh rollups;
    private final Clock clock;

    JdbcCostStore(Database database, Stages stages, RollupRefresh rollups, Clock clock) {
        this.database = database;
        this.stages = stages;
        this.rollups = rollups;
        this.clock = clock;
    }

    @Override
    public List<PricedSpan> pricedSpans(WorkspaceId workspace, Instant from, Instant to, String afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
        List<Object> values = new ArrayList<>(List.of(workspace.value(), from, to));
        String id = database.dialect().byteOrder("s.id");
        String after = "";
        if (afterId != null) {
            after = " AND " + id + " > ?";
            values.add(afterId);
        }
        String sql = "SELECT s.id, s.trace_id, s.model, s.input_tokens, s.output_tokens, s.cache_read_tokens,"
                + " s.cache_write_tokens, s.reasoning_tokens, s.usage_estimated, s.started_at, s.cost_source,"
                + " s.cost_usd"
                + " FROM spans s WHERE s.workspace_id = ? AND s.started_at >= ? AND s.started_at < ?"
                + " AND s.model IS NOT NULL AND s.input_tokens IS NOT NULL"
                + " AND (s.cost_source IS NULL OR s.cost_source <> 'reported')" + after
                + " ORDER BY " + id + " LIMIT " + limit;
        return database.read("reading priced spans", c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                SqlValues.bind(select, values);
                List<PricedSpan> spans = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        spans.add(new PricedSpan(rs.getString("id"), rs.getString("trace_id"), rs.getString("model"),
                                SpanRows.usage(rs), SqlValues.instant(rs, "started_at"),
                                CostSource.fromWire(rs.getString("cost_source")),
                                SqlValues.money(rs, "cost_usd")));
                    }
                }
                return spans;
            }
        });
    }

    @Override
    public void updateCosts(WorkspaceId workspace, List<CostUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        Map<String, Object[]> costs = new LinkedHashMap<>(); // the last update of a span wins
        Map<String, Object[]> traces = new LinkedHashMap<>();
        for (CostUpdate u : updates) {
            costs.put(u.spanId(), new Object[] {workspace.value(), u.spanId(), u.costUsd(),
                u.costUsd() == null || u.costSource() == null ? null : u.costSource().wire()});
            if (u.traceId() != null) {
                traces.put(u.traceId(), new Object[] {workspace.value(), u.traceId()});
            }
        }
        database.write("updating " + costs.size() + " span costs", c -> {
            stages.open(c);
            stages.load(c, StageTables.COSTS, List.copyOf(costs.values()));
            // reported costs stay: recalculation only replaces what we computed
            Stages.execute(c, "UPDATE spans AS t SET cost_usd = u.cost_usd, cost_source = u.cost_source"
                    + " FROM stage_costs u WHERE t.workspace_id = u.workspace_id AND t.id = u.id"
                    + " AND (t.cost_source IS NULL OR t.cost_source <> 'reported')");
            stages.load(c, StageTables.TOUCHED, List.copyOf(traces.values()));
            // the spans' own trace ids too, in case a caller's trace id is stale
            Stages.execute(c, "INSERT INTO stage_touched (workspace_id, trace_id) SELECT DISTINCT s.workspace_id,"
                    + " s.trace_id FROM spans s JOIN stage_costs u ON s.workspace_id = u.workspace_id AND s.id = u.id"
                    + " WHERE s.trace_id IS NOT NULL");
            rollups.run(c, clock.instant());
            return null;
        });
    }
}
