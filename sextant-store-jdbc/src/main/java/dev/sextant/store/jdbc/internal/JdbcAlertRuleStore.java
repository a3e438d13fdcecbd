package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.AlertRule;
import dev.sextant.store.AlertRuleSpec;
import dev.sextant.store.AlertRuleSpec.Anomaly;
import dev.sextant.store.AlertRuleSpec.AnomalyDirection;
import dev.sextant.store.AlertRuleSpec.Condition;
import dev.sextant.store.AlertRuleSpec.Op;
import dev.sextant.store.AlertRuleSpec.Threshold;
import dev.sextant.store.AlertRuleStore;
import dev.sextant.store.Severity;
import dev.sextant.store.TrendQuery.Metric;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Alert rules, one row each; the condition's two shapes share nullable columns. */
final class JdbcAlertRuleStore implements AlertRuleStore {
    private static final String SPEC_COLUMNS = "name, metric, filters, window_seconds, condition_kind, threshold_op,"
            + " threshold_value, anomaly_direction, anomaly_sensitivity, min_samples, severity, enabled, webhook_ids";
    private static final String COLUMNS = "id, " + SPEC_COLUMNS + ", created_at, updated_at";

    private final Database database;
    private final Clock clock;

    JdbcAlertRuleStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public AlertRule create(WorkspaceId workspace, AlertRuleSpec spec) {
        String id = Ids.next("rule_");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return database.write("creating alert rule " + spec.name(), c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO alert_rules (workspace_id, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                List<Object> values = new ArrayList<>(List.of(workspace.value(), id));
                values.addAll(specValues(spec));
                values.add(now);
                values.add(now);
                SqlValues.bind(insert, values);
                insert.executeUpdate();
            }
            return new AlertRule(id, spec, now, now);
        });
    }

    @Override
    public Optional<AlertRule> find(WorkspaceId workspace, String ruleId) {
        List<AlertRule> found = select(workspace, " AND id = ?", ruleId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    @Override
    public List<AlertRule> list(WorkspaceId workspace) {
        return select(workspace, "", null);
    }

    @Override
    public Optional<AlertRule> update(WorkspaceId workspace, String ruleId, AlertRuleSpec spec) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int changed = database.write("updating alert rule " + ruleId, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE alert_rules SET name = ?, metric = ?,"
                    + " filters = ?, window_seconds = ?, condition_kind = ?, threshold_op = ?, threshold_value = ?,"
                    + " anomaly_direction = ?, anomaly_sensitivity = ?, min_samples = ?, severity = ?, enabled = ?,"
                    + " webhook_ids = ?, updated_at = ? WHERE workspace_id = ? AND id = ?")) {
                List<Object> values = new ArrayList<>(specValues(spec));
                values.addAll(Arrays.asList(now, workspace.value(), ruleId));
                SqlValues.bind(update, values);
                return update.executeUpdate();
            }
        });
        return changed == 0 ? Optional.empty() : find(workspace, ruleId);
    }

    @Override
    public boolean delete(WorkspaceId workspace, String ruleId) {
        return database.write("deleting alert rule " + ruleId, c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM alert_rules WHERE workspace_id = ? AND id = ?")) {
                delete.setString(1, workspace.value());
                delete.setString(2, ruleId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private List<AlertRule> select(WorkspaceId workspace, String and, String value) {
        return database.read("reading alert rules", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_rules"
                    + " WHERE workspace_id = ?" + and + " ORDER BY created_at, " + database.dialect().byteOrder("id"))) {
                select.setString(1, workspace.value());
                if (value != null) {
                    select.setString(2, value);
                }
                List<AlertRule> rules = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rules.add(read(rs));
                    }
                }
                return rules;
            }
        });
    }

    private static List<Object> specValues(AlertRuleSpec s) {
        Threshold threshold = s.condition() instanceof Threshold t ? t : null;
        Anomaly anomaly = s.condition() instanceof Anomaly a ? a : null;
        return Arrays.asList(s.name(), s.metric().wire(), JsonCodec.write(new TreeMap<>(s.filter())),
                s.window().toSeconds(), threshold != null ? "threshold" : "anomaly",
                threshold == null ? null : threshold.op().wire(), threshold == null ? null : threshold.value(),
                anomaly == null ? null : anomaly.direction().wire(), anomaly == null ? null : anomaly.sensitivity(),
                s.minSamples(), s.severity().wire(), s.enabled(), JsonCodec.write(s.webhookIds()));
    }

    private static AlertRule read(ResultSet rs) throws SQLException {
        Condition condition = "threshold".equals(rs.getString("condition_kind"))
                ? new Threshold(Op.fromWire(rs.getString("threshold_op")), rs.getDouble("threshold_value"))
                : new Anomaly(AnomalyDirection.fromWire(rs.getString("anomaly_direction")),
                        rs.getDouble("anomaly_sensitivity"));
        AlertRuleSpec spec = new AlertRuleSpec(rs.getString("name"), Metric.fromWire(rs.getString("metric")),
                JsonCodec.stringMap(rs.getString("filters")), Duration.ofSeconds(rs.getLong("window_seconds")),
                condition, Severity.fromWire(rs.getString("severity")), rs.getBoolean("enabled"),
                JsonCodec.strings(rs.getString("webhook_ids")), rs.getLong("min_samples"));
        return new AlertRule(rs.getString("id"), spec, SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"));
    }
}
