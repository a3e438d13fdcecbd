package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.BudgetPeriod;
import dev.sextant.store.SpendReader;
import dev.sextant.store.SpendScope;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spending in SQL, summed in the database. Workspace and agent scopes sum the traces' rolled-up
 * {@code cost_usd}; a model scope sums the {@code cost_usd} of the spans with that model, joined
 * to their trace for its start time. Days are {@code date_trunc('day', started_at AT TIME ZONE 'UTC')}.
 */
final class JdbcSpendReader implements SpendReader {
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(9);

    private final Database database;

    JdbcSpendReader(Database database) {
        this.database = database;
    }

    @Override
    public Spend spent(WorkspaceId workspace, SpendScope scope, Instant from, Instant to) {
        Source source = source(workspace, scope, from, to);
        String sql = "SELECT COALESCE(SUM(" + source.cost + "), 0) AS c, COUNT(DISTINCT t.id) AS n,"
                + " MAX(t.started_at) AS newest FROM " + source.from + " WHERE " + source.where;
        return database.read("summing the spend of " + scope.wire(), c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                SqlValues.bind(select, source.values);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return new Spend(SqlValues.money(rs, "c"), rs.getLong("n"), SqlValues.instant(rs, "newest"));
                }
            }
        });
    }

    @Override
    public DailySpend daily(WorkspaceId workspace, SpendScope scope, LocalDate firstDay, LocalDate endDay) {
        if (!endDay.isAfter(firstDay)) {
            throw new IllegalArgumentException("endDay " + endDay + " must be after firstDay " + firstDay);
        }
        Source source = source(workspace, scope, BudgetPeriod.startOf(firstDay), BudgetPeriod.startOf(endDay));
        String day = "date_trunc('day', t.started_at AT TIME ZONE 'UTC')";
        String sql = "SELECT " + day + " AS d, SUM(" + source.cost + ") AS c, COUNT(DISTINCT t.id) AS n,"
                + " MAX(t.started_at) AS newest FROM " + source.from + " WHERE " + source.where + " GROUP BY " + day;
        return database.read("the daily spend of " + scope.wire(), c -> {
            Map<LocalDate, Day> found = new HashMap<>();
            Instant newest = null;
            try (PreparedStatement select = c.prepareStatement(sql)) {
                SqlValues.bind(select, source.values);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        LocalDate d = rs.getObject("d", LocalDateTime.class).toLocalDate();
                        BigDecimal cost = SqlValues.money(rs, "c");
                        found.put(d, new Day(d, cost == null ? ZERO : cost, rs.getLong("n")));
                        Instant last = SqlValues.instant(rs, "newest");
                        if (last != null && (newest == null || last.isAfter(newest))) {
                            newest = last;
                        }
                    }
                }
            }
            List<Day> days = new ArrayList<>();
            for (LocalDate d = firstDay; d.isBefore(endDay); d = d.plusDays(1)) {
                days.add(found.getOrDefault(d, new Day(d, ZERO, 0)));
            }
            return new DailySpend(days, newest);
        });
    }

    private record Source(String from, String cost, String where, List<Object> values) {}

    private static Source source(WorkspaceId workspace, SpendScope scope, Instant from, Instant to) {
        List<Object> values = new ArrayList<>(List.of(workspace.value(), from, to));
        String where = "t.workspace_id = ? AND t.started_at >= ? AND t.started_at < ?";
        return switch (scope.kind()) {
            case WORKSPACE -> new Source("traces t", "t.cost_usd", where, values);
            case AGENT -> {
                values.add(scope.value());
                yield new Source("traces t", "t.cost_usd", where + " AND t.agent_id = ?", values);
            }
            case MODEL -> {
                values.add(scope.value());
                yield new Source("spans s JOIN traces t ON t.workspace_id = s.workspace_id AND t.id = s.trace_id",
                        "s.cost_usd", where + " AND s.workspace_id = t.workspace_id AND s.model = ?", values);
            }
        };
    }
}
