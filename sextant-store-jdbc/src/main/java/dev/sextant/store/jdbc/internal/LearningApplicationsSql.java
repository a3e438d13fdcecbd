package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import java.util.List;

/**
 * One learning's applications as a derived table {@code (trace_id, applied_at, source, declared,
 * outcome)}: the API rows, and per trace the applied {@code learning} spans whose
 * {@code learning_id} attribute names the learning (traces with an API row left out, so a trace
 * counts once). A span's declared outcome is its {@code outcome} attribute read as for
 * {@code /analytics/learning} (failure wins over success when several spans disagree); the
 * outcome that counts is the declared one, else the trace's (success unless status is error),
 * else {@code pending} while the trace is not stored. Every value is a bind parameter.
 */
final class LearningApplicationsSql {
    private final String union;
    private final List<Object> values;

    LearningApplicationsSql(Dialect d, WorkspaceId workspace, String learningId) {
        String traceOutcome = "CASE WHEN t.id IS NULL THEN 'pending' WHEN t.status = 'error' THEN 'failure'"
                + " ELSE 'success' END";
        String api = "SELECT a.trace_id, a.applied_at, 'api' AS source, a.outcome AS declared,"
                + " COALESCE(a.outcome, " + traceOutcome + ") AS outcome FROM learning_applications a"
                + " LEFT JOIN traces t ON t.workspace_id = a.workspace_id AND t.id = a.trace_id"
                + " WHERE a.workspace_id = ? AND a.learning_id = ?";
        String said = "LOWER(s.attributes ->> 'outcome')";
        String spanDeclared = "CASE WHEN SUM(CASE WHEN " + said + " IN (" + quoted(JdbcLearningReader.FAILURE)
                + ") THEN 1 ELSE 0 END) > 0 THEN 'failure' WHEN SUM(CASE WHEN " + said + " IN ("
                + quoted(JdbcLearningReader.SUCCESS) + ") THEN 1 ELSE 0 END) > 0 THEN 'success' END";
        String spans = "SELECT s.trace_id, MIN(COALESCE(s.started_at, t.started_at)) AS applied_at,"
                + " 'span' AS source, " + spanDeclared + " AS declared, MAX(t.id) AS tid, MAX(t.status) AS tstatus"
                + " FROM spans s LEFT JOIN traces t ON t.workspace_id = s.workspace_id AND t.id = s.trace_id"
                + " WHERE s.workspace_id = ? AND s.kind = 'learning' AND s.trace_id IS NOT NULL"
                + " AND s.attributes ->> 'learning_id' = ? AND " + d.jsonBoolean("s.attributes", "applied") + " = TRUE"
                + " AND NOT EXISTS (SELECT 1 FROM learning_applications x WHERE x.workspace_id = s.workspace_id"
                + " AND x.learning_id = ? AND x.trace_id = s.trace_id) GROUP BY s.trace_id";
        String spanRows = "SELECT trace_id, applied_at, source, declared, COALESCE(declared, CASE WHEN tid IS NULL"
                + " THEN 'pending' WHEN tstatus = 'error' THEN 'failure' ELSE 'success' END) AS outcome FROM ("
                + spans + ") g WHERE applied_at IS NOT NULL";
        this.union = "(" + api + " UNION ALL " + spanRows + ") apps";
        this.values = List.of(workspace.value(), learningId, workspace.value(), learningId, learningId);
    }

    private static String quoted(List<String> words) {
        return String.join(", ", words.stream().map(w -> "'" + w + "'").toList());
    }

    /** The derived table, aliased {@code apps}. */
    String union() {
        return union;
    }

    /** Its bind values, in order. */
    List<Object> values() {
        return values;
    }
}
