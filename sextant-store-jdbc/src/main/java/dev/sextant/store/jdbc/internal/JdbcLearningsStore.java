package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.learnings.ApplicationOutcome;
import dev.sextant.store.learnings.Learning;
import dev.sextant.store.learnings.LearningApplication;
import dev.sextant.store.learnings.LearningEvidence;
import dev.sextant.store.learnings.LearningStatus;
import dev.sextant.store.learnings.LearningsStore;
import dev.sextant.store.learnings.OutcomeTally;
import dev.sextant.store.learnings.TaskUsage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Learnings and their applications. Applications are read as one union of the API rows and the
 * applied {@code learning} spans naming the learning ({@link LearningApplicationsSql}); SQL that
 * DuckDB and PostgreSQL both run.
 */
final class JdbcLearningsStore implements LearningsStore {
    private static final String COLUMNS = "id, agent_id, statement, pattern, evidence_support, evidence_confidence,"
            + " evidence_lift, evidence_n, evidence_source, initial_confidence, status, created_at, created_by, updated_at";

    private final Database database;

    JdbcLearningsStore(Database database) {
        this.database = database;
    }

    @Override
    public boolean create(WorkspaceId workspace, Learning l) {
        LearningEvidence e = l.evidence();
        return database.write("storing a learning", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO learnings (workspace_id, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id, id) DO NOTHING")) {
                SqlValues.bind(insert, Arrays.asList(workspace.value(), l.id(), l.agentId(), l.statement(), l.pattern(),
                        e.support(), e.confidence(), e.lift(), e.n(), e.source(), l.initialConfidence(),
                        l.status().wire(), micros(l.createdAt()), l.createdBy(), micros(l.updatedAt())));
                return insert.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Learning> find(WorkspaceId workspace, String id) {
        return database.read("reading a learning", c -> {
            try (PreparedStatement select = SqlValues.prepare(c, List.of(workspace.value(), id),
                    "SELECT " + COLUMNS + " FROM learnings WHERE workspace_id = ? AND id = ?");
                    ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public List<Learning> list(WorkspaceId workspace, String agentId, LearningStatus status, int offset, int limit) {
        page(offset, limit);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM learnings WHERE workspace_id = ?");
        List<Object> values = new ArrayList<>(List.of(workspace.value()));
        if (agentId != null) {
            sql.append(" AND agent_id = ?");
            values.add(agentId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            values.add(status.wire());
        }
        sql.append(" ORDER BY created_at DESC, ").append(database.dialect().byteOrder("id"))
                .append(" LIMIT ").append(limit).append(" OFFSET ").append(offset);
        return database.read("listing learnings", c -> {
            List<Learning> found = new ArrayList<>();
            try (PreparedStatement select = SqlValues.prepare(c, values, sql.toString());
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(read(rs));
                }
            }
            return found;
        });
    }

    @Override
    public Optional<Learning> update(WorkspaceId workspace, String id, String statement, LearningStatus status,
            Instant at) {
        database.write("updating a learning", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE learnings SET statement = COALESCE(?, statement),"
                    + " status = COALESCE(?, status), updated_at = ? WHERE workspace_id = ? AND id = ?")) {
                SqlValues.bind(update, Arrays.asList(statement, status == null ? null : status.wire(), micros(at),
                        workspace.value(), id));
                return update.executeUpdate();
            }
        });
        return find(workspace, id);
    }

    @Override
    public void apply(WorkspaceId workspace, String learningId, String traceId, Instant appliedAt,
            ApplicationOutcome declared) {
        if (declared == ApplicationOutcome.PENDING) {
            throw new IllegalArgumentException("a declared outcome is success or failure, not pending");
        }
        database.write("recording a learning application", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO learning_applications (workspace_id,"
                    + " learning_id, trace_id, applied_at, outcome, source) VALUES (?, ?, ?, ?, ?, 'api')"
                    + " ON CONFLICT (workspace_id, learning_id, trace_id) DO UPDATE SET applied_at = EXCLUDED.applied_at,"
                    + " outcome = EXCLUDED.outcome")) {
                SqlValues.bind(insert, Arrays.asList(workspace.value(), learningId, traceId, micros(appliedAt),
                        declared == null ? null : declared.wire()));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<LearningApplication> applications(WorkspaceId workspace, String learningId, int offset, int limit) {
        page(offset, limit);
        LearningApplicationsSql a = new LearningApplicationsSql(database.dialect(), workspace, learningId);
        String sql = "SELECT * FROM " + a.union() + " ORDER BY applied_at DESC, "
                + database.dialect().byteOrder("trace_id") + " LIMIT " + limit + " OFFSET " + offset;
        return readApplications(learningId, sql, a.values());
    }

    @Override
    public Optional<LearningApplication> application(WorkspaceId workspace, String learningId, String traceId) {
        LearningApplicationsSql a = new LearningApplicationsSql(database.dialect(), workspace, learningId);
        List<Object> values = new ArrayList<>(a.values());
        values.add(traceId);
        return readApplications(learningId, "SELECT * FROM " + a.union() + " WHERE trace_id = ?", values).stream()
                .findFirst();
    }

    private List<LearningApplication> readApplications(String learningId, String sql, List<Object> values) {
        return database.read("reading learning applications", c -> {
            List<LearningApplication> found = new ArrayList<>();
            try (PreparedStatement select = SqlValues.prepare(c, values, sql); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String declared = rs.getString("declared");
                    found.add(new LearningApplication(learningId, rs.getString("trace_id"),
                            SqlValues.instant(rs, "applied_at"),
                            LearningApplication.Source.valueOf(rs.getString("source").toUpperCase(Locale.ROOT)),
                            declared == null ? null : ApplicationOutcome.fromWire(declared).orElseThrow(),
                            ApplicationOutcome.fromWire(rs.getString("outcome")).orElseThrow()));
                }
            }
            return found;
        });
    }

    @Override
    public long applicationCount(WorkspaceId workspace, String learningId) {
        LearningApplicationsSql a = new LearningApplicationsSql(database.dialect(), workspace, learningId);
        return database.read("counting learning applications", c -> {
            try (PreparedStatement select = SqlValues.prepare(c, a.values(), "SELECT COUNT(*) FROM " + a.union());
                    ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<OutcomeTally> tally(WorkspaceId workspace, String learningId) {
        LearningApplicationsSql a = new LearningApplicationsSql(database.dialect(), workspace, learningId);
        String day = "date_trunc('day', applied_at AT TIME ZONE 'UTC')";
        String sql = "SELECT " + day + " AS d, SUM(CASE WHEN outcome = 'success' THEN 1 ELSE 0 END) AS ok,"
                + " SUM(CASE WHEN outcome = 'failure' THEN 1 ELSE 0 END) AS bad,"
                + " SUM(CASE WHEN outcome = 'pending' THEN 1 ELSE 0 END) AS pending FROM " + a.union()
                + " GROUP BY " + day + " ORDER BY d";
        return database.read("tallying learning outcomes", c -> {
            List<OutcomeTally> days = new ArrayList<>();
            try (PreparedStatement select = SqlValues.prepare(c, a.values(), sql); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    days.add(new OutcomeTally(rs.getObject("d", LocalDateTime.class).toLocalDate(), rs.getLong("ok"),
                            rs.getLong("bad"), rs.getLong("pending")));
                }
            }
            return days;
        });
    }

    @Override
    public Baseline baseline(WorkspaceId workspace, String learningId, String agentId, Instant from, Instant to) {
        LearningApplicationsSql a = new LearningApplicationsSql(database.dialect(), workspace, learningId);
        List<Object> values = new ArrayList<>(a.values());
        values.add(workspace.value());
        values.add(from);
        values.add(to);
        String sql = "SELECT COUNT(*) AS n, SUM(CASE WHEN t.status = 'error' THEN 0 ELSE 1 END) AS ok FROM traces t"
                + " WHERE t.id NOT IN (SELECT trace_id FROM " + a.union() + ") AND t.workspace_id = ?"
                + " AND t.started_at >= ? AND t.started_at < ?";
        if (agentId != null) {
            sql += " AND t.agent_id = ?";
            values.add(agentId);
        }
        String query = sql;
        return database.read("computing a learning's baseline", c -> {
            try (PreparedStatement select = SqlValues.prepare(c, values, query); ResultSet rs = select.executeQuery()) {
                rs.next();
                return new Baseline(rs.getLong("n"), rs.getLong("ok"));
            }
        });
    }

    @Override
    public List<TaskUsage> taskUsage(WorkspaceId workspace, InteractionQuery filter, String taskType) {
        Dialect d = database.dialect();
        InteractionFilter where = new InteractionFilter(d, workspace, filter);
        String task = "COALESCE(t.metadata ->> 'task_type', " + d.topIntentName("t.intents") + ")";
        String used = "SELECT DISTINCT t.id, " + task + " AS task, '%s' AS kind, s.%s AS name,"
                + " CASE WHEN t.status = 'error' THEN 0 ELSE 1 END AS ok FROM traces t JOIN spans s"
                + " ON s.workspace_id = t.workspace_id AND s.trace_id = t.id WHERE " + where.where()
                + " AND s.kind = '%s' AND s.%s IS NOT NULL";
        String sql = "SELECT task, kind, name, COUNT(*) AS n, SUM(ok) AS ok FROM ("
                + String.format(Locale.ROOT, used, "TOOL", "tool_name", "tool", "tool_name") + " UNION ALL "
                + String.format(Locale.ROOT, used, "MODEL", "model", "llm", "model") + ") u WHERE task IS NOT NULL"
                + (taskType == null ? "" : " AND task = ?") + " GROUP BY task, kind, name ORDER BY "
                + d.byteOrder("task") + ", kind, " + d.byteOrder("name");
        List<Object> values = new ArrayList<>(where.values());
        values.addAll(where.values());
        if (taskType != null) {
            values.add(taskType);
        }
        return database.read("counting tool and model use per task type", c -> {
            List<TaskUsage> found = new ArrayList<>();
            try (PreparedStatement select = SqlValues.prepare(c, values, sql); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new TaskUsage(rs.getString("task"), TaskUsage.Kind.valueOf(rs.getString("kind")),
                            rs.getString("name"), rs.getLong("n"), rs.getLong("ok")));
                }
            }
            return found;
        });
    }

    private static void page(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("need offset >= 0 and limit 1-10000, was " + offset + ", " + limit);
        }
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static Learning read(ResultSet rs) throws SQLException {
        LearningEvidence evidence = new LearningEvidence(SqlValues.nullableDouble(rs, "evidence_support"),
                SqlValues.nullableDouble(rs, "evidence_confidence"), SqlValues.nullableDouble(rs, "evidence_lift"),
                SqlValues.nullableLong(rs, "evidence_n"), rs.getString("evidence_source"));
        return new Learning(rs.getString("id"), rs.getString("agent_id"), rs.getString("statement"),
                rs.getString("pattern"), evidence, SqlValues.nullableDouble(rs, "initial_confidence"),
                LearningStatus.fromWire(rs.getString("status")).orElseThrow(), SqlValues.instant(rs, "created_at"),
                rs.getString("created_by"), SqlValues.instant(rs, "updated_at"));
    }
}
