package dev.sextant.store.jdbc.internal;

import dev.sextant.store.predictions.PredictionTarget;
import dev.sextant.store.predictions.TrainingRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One statement per target: the features known before the call (the trace's agent, name,
 * message type, top intent, configuration version and input length; the model of its LLM spans,
 * or the span's own model and tool) and the outcome, the newest rows first up to a limit.
 * Parameters: the workspace, then the limit.
 */
final class PredictionRowsSql {
    static final String[] CATEGORIES = {"agent_id", "trace_name", "message_type", "intent", "config_version", "model",
        "tool_name"};

    private PredictionRowsSql() {}

    static String sql(Dialect d, PredictionTarget target) {
        String traceModel = "(SELECT MIN(m.model) FROM spans m WHERE m.workspace_id = t.workspace_id"
                + " AND m.trace_id = t.id AND m.kind = 'llm')";
        String from = "FROM traces t";
        String where = " WHERE t.workspace_id = ? AND t.placeholder = FALSE AND t.started_at IS NOT NULL";
        String id = "t.id";
        String model = traceModel;
        String tool = "CAST(NULL AS VARCHAR)";
        String label;
        switch (target) {
            case INTERACTION_SUCCESS -> label = "CASE WHEN t.status = 'error' THEN 0 ELSE 1 END";
            case HANDOFF -> label = "CASE WHEN t.handoff_triggered THEN 1 ELSE 0 END";
            case TASK_DURATION -> {
                label = "t.duration_ms";
                where += " AND t.duration_ms IS NOT NULL AND t.duration_ms >= 0";
            }
            case RATING -> {
                from += " JOIN (SELECT sc.trace_id AS rated, sc.value AS rating, ROW_NUMBER() OVER (PARTITION BY"
                        + " sc.trace_id ORDER BY sc.created_at DESC NULLS LAST, " + d.byteOrder("sc.id")
                        + " DESC) AS rk FROM scores sc WHERE sc.workspace_id = ? AND sc.name = 'user_rating'"
                        + " AND sc.value IS NOT NULL AND sc.trace_id IS NOT NULL) r ON r.rated = t.id AND r.rk = 1";
                label = "r.rating";
            }
            case TOOL_FAILURE -> {
                from += " JOIN spans s ON s.workspace_id = t.workspace_id AND s.trace_id = t.id AND s.kind = 'tool'";
                id = "s.id";
                model = "CAST(NULL AS VARCHAR)";
                tool = "COALESCE(s.tool_name, s.name)";
                label = "CASE WHEN s.status = 'error' THEN 1 ELSE 0 END";
            }
            case CODE_ACCEPTED -> {
                // the span's own verdict before its trace's, then the newest (as the code generation figures read it)
                from += " JOIN spans s ON s.workspace_id = t.workspace_id AND s.trace_id = t.id"
                        + " AND s.kind = 'code_generation'"
                        + " JOIN (SELECT g.id AS judged, v.value AS verdict, ROW_NUMBER() OVER (PARTITION BY g.id"
                        + " ORDER BY CASE WHEN v.span_id = g.id THEN 0 ELSE 1 END, v.created_at DESC NULLS LAST, "
                        + d.byteOrder("v.id") + " DESC) AS rk FROM spans g JOIN scores v ON v.workspace_id = g.workspace_id"
                        + " AND v.trace_id = g.trace_id AND v.name = 'accepted' AND (v.span_id = g.id OR v.span_id IS NULL)"
                        + " WHERE g.workspace_id = ? AND g.kind = 'code_generation') j ON j.judged = s.id AND j.rk = 1";
                id = "s.id";
                model = "s.model";
                label = "CASE WHEN j.verdict = 1 THEN 1 ELSE 0 END";
                where += " AND j.verdict IN (0, 1)";
            }
            default -> throw new IllegalArgumentException("no training rows for " + target);
        }
        return "SELECT " + id + " AS rid, t.id AS tid, t.started_at AS at, t.agent_id AS agent_id, t.name AS trace_name,"
                + " t.message_type AS message_type, " + d.topIntentName("t.intents") + " AS intent,"
                + " t.config_version AS config_version, " + model + " AS model, " + tool + " AS tool_name,"
                + " CAST(LENGTH(t.input) AS FLOAT8) AS input_length, CAST(" + label + " AS FLOAT8) AS label "
                + from + where + " ORDER BY t.started_at DESC, " + d.byteOrder(id) + " DESC LIMIT ?";
    }

    /** How many times the workspace id is bound before the limit. */
    static int workspaceParameters(PredictionTarget target) {
        return target == PredictionTarget.RATING || target == PredictionTarget.CODE_ACCEPTED ? 2 : 1;
    }

    static TrainingRow row(ResultSet rs) throws SQLException {
        Map<String, String> categories = new HashMap<>();
        for (String name : CATEGORIES) {
            String value = rs.getString(name);
            if (value != null) {
                categories.put(name, value);
            }
        }
        Map<String, Double> numbers = new HashMap<>();
        Double length = SqlValues.nullableDouble(rs, "input_length");
        if (length != null) {
            numbers.put("input_length", length);
        }
        return new TrainingRow(rs.getString("rid"), rs.getString("tid"), SqlValues.instant(rs, "at"), categories,
                numbers, java.util.Set.of(), rs.getDouble("label"));
    }
}
