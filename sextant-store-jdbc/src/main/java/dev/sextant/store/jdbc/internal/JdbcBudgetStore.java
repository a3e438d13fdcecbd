package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Budget;
import dev.sextant.store.BudgetPeriod;
import dev.sextant.store.BudgetSpec;
import dev.sextant.store.BudgetSpec.Enforcement;
import dev.sextant.store.BudgetStore;
import dev.sextant.store.SpendScope;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Budgets, one row each; thresholds as comma-separated decimals (the same text on both databases). */
final class JdbcBudgetStore implements BudgetStore {
    private static final String COLUMNS = "id, name, scope_kind, scope_value, amount_usd, period, thresholds,"
            + " enforcement, created_at, updated_at";

    private final Database database;
    private final Clock clock;

    JdbcBudgetStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public List<Budget> list(WorkspaceId workspace) {
        return database.read("listing budgets", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM budgets"
                    + " WHERE workspace_id = ? ORDER BY created_at, " + database.dialect().byteOrder("id"))) {
                select.setString(1, workspace.value());
                List<Budget> budgets = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        budgets.add(read(rs));
                    }
                }
                return budgets;
            }
        });
    }

    @Override
    public Optional<Budget> find(WorkspaceId workspace, String budgetId) {
        return database.read("reading budget " + budgetId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM budgets"
                    + " WHERE workspace_id = ? AND id = ?")) {
                select.setString(1, workspace.value());
                select.setString(2, budgetId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Budget add(WorkspaceId workspace, BudgetSpec spec) {
        String id = Ids.next("budget_");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.write("adding budget " + spec.name(), c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO budgets (workspace_id, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                SqlValues.bind(insert, Arrays.asList(workspace.value(), id, spec.name(), spec.scope().kind().wire(),
                        spec.scope().value(), spec.amountUsd(), spec.period().wire(), thresholds(spec),
                        spec.enforcement().wire(), now, now));
                insert.executeUpdate();
            }
            return new Budget(id, spec, now, now);
        });
    }

    @Override
    public Optional<Budget> replace(WorkspaceId workspace, String budgetId, BudgetSpec spec) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean changed = database.write("replacing budget " + budgetId, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE budgets SET name = ?, scope_kind = ?,"
                    + " scope_value = ?, amount_usd = ?, period = ?, thresholds = ?, enforcement = ?, updated_at = ?"
                    + " WHERE workspace_id = ? AND id = ?")) {
                SqlValues.bind(update, Arrays.asList(spec.name(), spec.scope().kind().wire(), spec.scope().value(),
                        spec.amountUsd(), spec.period().wire(), thresholds(spec), spec.enforcement().wire(), now,
                        workspace.value(), budgetId));
                return update.executeUpdate() > 0;
            }
        });
        return changed ? find(workspace, budgetId) : Optional.empty();
    }

    @Override
    public boolean delete(WorkspaceId workspace, String budgetId) {
        return database.write("deleting budget " + budgetId, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM budgets WHERE workspace_id = ? AND id = ?")) {
                delete.setString(1, workspace.value());
                delete.setString(2, budgetId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static String thresholds(BudgetSpec spec) {
        return String.join(",", spec.thresholds().stream().map(BigDecimal::toPlainString).toList());
    }

    private static Budget read(ResultSet rs) throws SQLException {
        String kind = rs.getString("scope_kind");
        SpendScope scope = new SpendScope(SpendScope.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), rs.getString("scope_value"));
        String text = rs.getString("thresholds");
        List<BigDecimal> thresholds = text.isEmpty() ? List.of()
                : Arrays.stream(text.split(",")).map(BigDecimal::new).toList();
        BigDecimal amount = rs.getBigDecimal("amount_usd").stripTrailingZeros();
        BudgetSpec spec = new BudgetSpec(rs.getString("name"), scope, amount.scale() < 0 ? amount.setScale(0) : amount,
                BudgetPeriod.fromWire(rs.getString("period")), thresholds,
                Enforcement.fromWire(rs.getString("enforcement")));
        return new Budget(rs.getString("id"), spec, SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"));
    }
}
