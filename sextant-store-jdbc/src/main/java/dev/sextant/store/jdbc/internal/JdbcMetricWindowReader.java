package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.MetricWindowReader;
import dev.sextant.store.MetricWindows;
import dev.sextant.store.MetricWindows.TimeWindow;
import dev.sextant.store.WindowValue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trend metric over arbitrary windows in one SQL statement: the windows are a VALUES list
 * joined to the traces on the start time, aggregated with the trends' own expressions
 * ({@link JdbcTrendReader#aggregate}), so an alert measures exactly what the trend shows.
 */
final class JdbcMetricWindowReader implements MetricWindowReader {
    private final Database database;

    JdbcMetricWindowReader(Database database) {
        this.database = database;
    }

    @Override
    public List<WindowValue> values(WorkspaceId workspace, MetricWindows query) {
        Instant from = query.windows().stream().map(TimeWindow::from).min(Instant::compareTo).orElseThrow();
        Instant to = query.windows().stream().map(TimeWindow::to).max(Instant::compareTo).orElseThrow();
        InteractionQuery f = query.filter();
        InteractionQuery bounded = new InteractionQuery(from, to, f.agentId(), f.conversationId(), f.sessionId(),
                f.userId(), f.model(), f.minConfidence(), f.maxConfidence(), f.handoff(), f.status(), f.messageType(),
                f.tag());
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, bounded);
        StringBuilder values = new StringBuilder();
        List<Object> binds = new ArrayList<>();
        for (int i = 0; i < query.windows().size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(").append(i)
                    .append(", CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ))");
            binds.add(query.windows().get(i).from());
            binds.add(query.windows().get(i).to());
        }
        binds.addAll(filter.values());
        String sql = "SELECT w.i AS i, " + JdbcTrendReader.aggregate(query.metric())
                + " FROM (VALUES " + values + ") AS w(i, a, b)"
                + " JOIN traces t ON t.started_at >= w.a AND t.started_at < w.b"
                + JdbcTrendReader.scoreJoin(query.metric())
                + " WHERE " + filter.where() + " GROUP BY w.i";
        return database.read("measuring " + query.metric().wire() + " over " + query.windows().size() + " windows", c -> {
            Map<Integer, WindowValue> found = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement(sql)) {
                SqlValues.bind(select, binds);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        int i = rs.getInt("i");
                        found.put(i, new WindowValue(query.windows().get(i), SqlValues.nullableDouble(rs, "v"),
                                rs.getLong("n")));
                    }
                }
            }
            Double empty = switch (query.metric()) {
                case INTERACTIONS, COST, TOKENS -> 0.0;
                default -> null;
            };
            List<WindowValue> result = new ArrayList<>(query.windows().size());
            for (int i = 0; i < query.windows().size(); i++) {
                WindowValue v = found.get(i);
                result.add(v != null ? v : new WindowValue(query.windows().get(i), empty, 0));
            }
            return result;
        });
    }
}
