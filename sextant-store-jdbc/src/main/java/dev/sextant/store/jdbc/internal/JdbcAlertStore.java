package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Alert;
import dev.sextant.store.AlertQuery;
import dev.sextant.store.AlertSignal;
import dev.sextant.store.AlertStatus;
import dev.sextant.store.AlertStore;
import dev.sextant.store.Severity;
import dev.sextant.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Alerts keyed for de-duplication: {@code open_key} holds the dedupe key while the alert is open
 * and is cleared when it resolves, and a unique key on (workspace_id, open_key) keeps one open
 * alert per key even when two servers raise the same signal at once (the loser retries and
 * updates the winner's alert).
 */
final class JdbcAlertStore implements AlertStore {
    private static final String COLUMNS = "id, dedupe_key, source, rule_id, title, severity, status, value, details,"
            + " occurrences, started_at, last_seen_at, resolved_at, acknowledged_at, acknowledged_by";

    private final Database database;

    JdbcAlertStore(Database database) {
        this.database = database;
    }

    @Override
    public Raised raise(WorkspaceId workspace, AlertSignal signal, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        try {
            return database.write("raising alert " + signal.dedupeKey(), c -> raise(c, workspace, signal, now));
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Conflicts.isUniqueViolation(sql)) {
                // another writer opened it between our look and our insert: now it is there to update
                return database.write("raising alert " + signal.dedupeKey(), c -> raise(c, workspace, signal, now));
            }
            throw e;
        }
    }

    private Raised raise(Connection c, WorkspaceId workspace, AlertSignal s, Instant now) throws SQLException {
        Optional<Alert> open = first(c, workspace, " AND open_key = ?", List.of(s.dedupeKey()));
        if (open.isPresent()) {
            try (PreparedStatement update = c.prepareStatement("UPDATE alerts SET last_seen_at = ?, value = ?,"
                    + " details = ?, title = ?, severity = ?, occurrences = occurrences + 1"
                    + " WHERE workspace_id = ? AND id = ?")) {
                SqlValues.bind(update, Arrays.asList(now, s.value(), s.details(), s.title(), s.severity().wire(),
                        workspace.value(), open.get().id()));
                update.executeUpdate();
            }
            return new Raised(first(c, workspace, " AND id = ?", List.of(open.get().id())).orElseThrow(), false);
        }
        String id = Ids.next("alert_");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO alerts (workspace_id, open_key, " + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            SqlValues.bind(insert, Arrays.asList(workspace.value(), s.dedupeKey(), id, s.dedupeKey(), s.source(),
                    s.ruleId(), s.title(), s.severity().wire(), AlertStatus.FIRING.wire(), s.value(), s.details(), 1L,
                    now, now, null, null, null));
            insert.executeUpdate();
        }
        return new Raised(first(c, workspace, " AND id = ?", List.of(id)).orElseThrow(), true);
    }

    @Override
    public Optional<Alert> resolve(WorkspaceId workspace, String dedupeKey, Double value, String details, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        return database.write("resolving alert " + dedupeKey, c -> {
            Optional<Alert> open = first(c, workspace, " AND open_key = ?", List.of(dedupeKey));
            if (open.isEmpty()) {
                return Optional.<Alert>empty();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE alerts SET status = ?, resolved_at = ?,"
                    + " open_key = NULL, value = COALESCE(CAST(? AS FLOAT8), value),"
                    + " details = COALESCE(CAST(? AS VARCHAR), details) WHERE workspace_id = ? AND id = ?")) {
                SqlValues.bind(update, Arrays.asList(AlertStatus.RESOLVED.wire(), now, value, details,
                        workspace.value(), open.get().id()));
                update.executeUpdate();
            }
            return first(c, workspace, " AND id = ?", List.of(open.get().id()));
        });
    }

    @Override
    public Optional<Alert> acknowledge(WorkspaceId workspace, String alertId, String by, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        return database.write("acknowledging alert " + alertId, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE alerts SET"
                    + " status = CASE WHEN status = 'firing' THEN 'acknowledged' ELSE status END,"
                    + " acknowledged_at = COALESCE(acknowledged_at, ?), acknowledged_by = COALESCE(acknowledged_by, ?)"
                    + " WHERE workspace_id = ? AND id = ?")) {
                SqlValues.bind(update, Arrays.asList(now, by, workspace.value(), alertId));
                if (update.executeUpdate() == 0) {
                    return Optional.<Alert>empty();
                }
            }
            return first(c, workspace, " AND id = ?", List.of(alertId));
        });
    }

    @Override
    public Optional<Alert> find(WorkspaceId workspace, String alertId) {
        return database.read("reading alert " + alertId, c -> first(c, workspace, " AND id = ?", List.of(alertId)));
    }

    @Override
    public Optional<Alert> findOpen(WorkspaceId workspace, String dedupeKey) {
        return database.read("reading the open alert " + dedupeKey,
                c -> first(c, workspace, " AND open_key = ?", List.of(dedupeKey)));
    }

    @Override
    public AlertPage list(WorkspaceId workspace, AlertQuery q) {
        StringBuilder and = new StringBuilder();
        List<Object> values = new ArrayList<>();
        if (q.status() != null) {
            and.append(" AND status = ?");
            values.add(q.status().wire());
        }
        if (q.ruleId() != null) {
            and.append(" AND rule_id = ?");
            values.add(q.ruleId());
        }
        and.append(" ORDER BY started_at DESC, ").append(database.dialect().byteOrder("id")).append(" DESC")
                .append(" LIMIT ").append(q.pageSize() + 1).append(" OFFSET ").append((long) (q.page() - 1) * q.pageSize());
        return database.read("listing alerts", c -> {
            List<Alert> found = select(c, workspace, and.toString(), values);
            boolean more = found.size() > q.pageSize();
            return new AlertPage(more ? found.subList(0, q.pageSize()) : found, more);
        });
    }

    private static Optional<Alert> first(Connection c, WorkspaceId workspace, String and, List<Object> values)
            throws SQLException {
        List<Alert> found = select(c, workspace, and, values);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private static List<Alert> select(Connection c, WorkspaceId workspace, String and, List<Object> values)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM alerts WHERE workspace_id = ?"
                + and)) {
            List<Object> binds = new ArrayList<>();
            binds.add(workspace.value());
            binds.addAll(values);
            SqlValues.bind(select, binds);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    alerts.add(new Alert(rs.getString("id"), rs.getString("dedupe_key"), rs.getString("source"),
                            rs.getString("rule_id"), rs.getString("title"), Severity.fromWire(rs.getString("severity")),
                            AlertStatus.fromWire(rs.getString("status")), SqlValues.nullableDouble(rs, "value"),
                            rs.getString("details"), rs.getLong("occurrences"), SqlValues.instant(rs, "started_at"),
                            SqlValues.instant(rs, "last_seen_at"), SqlValues.instant(rs, "resolved_at"),
                            SqlValues.instant(rs, "acknowledged_at"), rs.getString("acknowledged_by")));
                }
            }
            return alerts;
        }
    }
}
