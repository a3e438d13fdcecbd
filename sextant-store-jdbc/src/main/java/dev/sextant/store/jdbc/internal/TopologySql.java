package dev.sextant.store.jdbc.internal;

/**
 * The topology in one statement that DuckDB and PostgreSQL both run unchanged. {@code walk} goes
 * down every span tree of the selected traces from its roots (spans without a parent in their
 * trace), carrying each span's nearest enclosing agent span: walking down from roots never enters
 * a parent cycle, which hostile data could hold. {@code tree} pairs every agent invocation with
 * the invocations nested in it, for the callee's subtree cost. Rows come out tagged: {@code node}
 * rows (a = agent), {@code calls} and {@code hands_off} rows (a = source, b = target).
 * Binds: the filter's values, then the workspace id once.
 */
final class TopologySql {
    private TopologySql() {}

    private static final String AGENT = "w.kind = 'agent' AND w.name IS NOT NULL";

    private static String percentile(double fraction, String column) {
        return "percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY CAST(" + column + " AS FLOAT8))";
    }

    private static String count(String predicate) {
        return "CAST(SUM(CASE WHEN " + predicate + " THEN 1 ELSE 0 END) AS BIGINT)";
    }

    static String statement(String traceFilter) {
        String spanColumns = "s.id, s.kind, s.name, s.status, s.duration_ms, s.cost_usd, s.started_at, s.h_trig,"
                + " s.h_target";
        return "WITH RECURSIVE sel AS (SELECT t.id, t.agent_id, t.status, t.duration_ms, t.started_at,"
                + " t.handoff_triggered, t.handoff_target FROM traces t WHERE " + traceFilter + "),"
                // the selected traces' spans, read once: the walk joins them at every level
                + " tspans AS MATERIALIZED (SELECT CAST(s.trace_id AS VARCHAR) AS trace_id, CAST(s.id AS VARCHAR) AS id,"
                + " CAST(s.parent_id AS VARCHAR) AS parent_id, CAST(s.kind AS VARCHAR) AS kind,"
                + " CAST(s.name AS VARCHAR) AS name, CAST(s.status AS VARCHAR) AS status, s.duration_ms, s.cost_usd,"
                + " s.started_at, s.handoff_triggered AS h_trig, CAST(s.handoff_target AS VARCHAR) AS h_target,"
                + " sel.agent_id AS trace_agent FROM sel JOIN spans s ON s.workspace_id = ? AND s.trace_id = sel.id),"
                + " walk (trace_id, id, kind, name, status, duration_ms, cost_usd, started_at, h_trig, h_target,"
                + " owner_span, owner_agent) AS ("
                + "SELECT s.trace_id, " + spanColumns + ", CAST(NULL AS VARCHAR), CAST(s.trace_agent AS VARCHAR)"
                + " FROM tspans s WHERE s.parent_id IS NULL OR NOT EXISTS (SELECT 1 FROM tspans p"
                + " WHERE p.trace_id = s.trace_id AND p.id = s.parent_id)"
                + " UNION ALL SELECT s.trace_id, " + spanColumns + ","
                + " CAST(CASE WHEN " + AGENT + " THEN w.id ELSE w.owner_span END AS VARCHAR),"
                + " CAST(CASE WHEN " + AGENT + " THEN w.name ELSE w.owner_agent END AS VARCHAR)"
                + " FROM walk w JOIN tspans s ON s.trace_id = w.trace_id AND s.parent_id = w.id),"
                // invocations: agent spans, and traces whose agent has no top-level span of its own
                + " inv AS (SELECT 'span' AS src, w.trace_id, w.id AS inv_id, w.name AS agent, w.owner_span AS parent_inv,"
                + " w.owner_agent AS caller, w.status, w.duration_ms, w.started_at FROM walk w WHERE " + AGENT
                + " UNION ALL SELECT 'trace', sel.id, NULL, sel.agent_id, NULL, NULL, sel.status, sel.duration_ms,"
                + " sel.started_at FROM sel WHERE sel.agent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM walk w"
                + " WHERE w.trace_id = sel.id AND " + AGENT + " AND w.name = sel.agent_id AND w.owner_span IS NULL)),"
                // every span's cost goes to the invocation it belongs to
                + " own AS (SELECT w.trace_id, CASE WHEN " + AGENT + " THEN w.id ELSE w.owner_span END AS inv_id,"
                + " CASE WHEN " + AGENT + " THEN w.name ELSE w.owner_agent END AS agent, w.cost_usd FROM walk w"
                + " WHERE w.cost_usd IS NOT NULL),"
                + " tree (trace_id, anc, inv_id) AS (SELECT trace_id, inv_id, inv_id FROM inv WHERE src = 'span'"
                + " UNION ALL SELECT tr.trace_id, tr.anc, i.inv_id FROM tree tr JOIN inv i ON i.src = 'span'"
                + " AND i.trace_id = tr.trace_id AND i.parent_inv = tr.inv_id),"
                + " sub AS (SELECT tr.trace_id, tr.anc AS inv_id, SUM(o.cost_usd) AS cost FROM tree tr JOIN own o"
                + " ON o.trace_id = tr.trace_id AND o.inv_id = tr.inv_id GROUP BY tr.trace_id, tr.anc),"
                // hand-offs: spans that record one; a trace's own only when none of its spans does
                + " ho AS (SELECT 'span' AS src, w.trace_id, w.id AS ho_id,"
                + " CASE WHEN " + AGENT + " THEN w.name ELSE w.owner_agent END AS source, w.h_target AS target,"
                + " w.started_at, w.status FROM walk w WHERE w.h_trig = TRUE AND w.h_target IS NOT NULL"
                + " UNION ALL SELECT 'trace', sel.id, sel.id, sel.agent_id, sel.handoff_target, sel.started_at, NULL"
                + " FROM sel WHERE sel.handoff_triggered = TRUE AND sel.handoff_target IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM walk w WHERE w.trace_id = sel.id AND w.h_trig = TRUE"
                + " AND w.h_target IS NOT NULL)),"
                + " recv AS (SELECT h.trace_id, h.source, h.target, h.status, i.inv_id AS recv_id,"
                + " i.status AS recv_status, i.duration_ms AS recv_ms, ROW_NUMBER() OVER (PARTITION BY h.src,"
                + " h.trace_id, h.ho_id ORDER BY i.started_at, i.inv_id) AS rk FROM ho h LEFT JOIN inv i"
                + " ON i.src = 'span' AND i.trace_id = h.trace_id AND i.agent = h.target AND i.started_at >= h.started_at"
                + " WHERE h.source IS NOT NULL AND h.source <> h.target),"
                + " cost_by_agent AS (SELECT agent, SUM(cost_usd) AS cost FROM own WHERE agent IS NOT NULL GROUP BY agent)"
                // nodes
                + " SELECT 'node' AS row_kind, i.agent AS a, CAST(NULL AS VARCHAR) AS b, COUNT(*) AS n,"
                + " COUNT(DISTINCT i.trace_id) AS traces, " + count("i.status = 'error'") + " AS failures,"
                + " CAST(0 AS BIGINT) AS received, " + percentile(0.5, "i.duration_ms") + " AS p50, "
                + percentile(0.95, "i.duration_ms") + " AS p95, CAST(COALESCE(MAX(c.cost), 0) AS DECIMAL(38,9)) AS cost"
                + " FROM inv i LEFT JOIN cost_by_agent c ON c.agent = i.agent GROUP BY i.agent"
                // calls
                + " UNION ALL SELECT 'calls', i.caller, i.agent, COUNT(*), COUNT(DISTINCT i.trace_id), "
                + count("i.status = 'error'") + ", CAST(0 AS BIGINT), " + percentile(0.5, "i.duration_ms") + ", "
                + percentile(0.95, "i.duration_ms") + ", CAST(COALESCE(SUM(u.cost), 0) AS DECIMAL(38,9))"
                + " FROM inv i LEFT JOIN sub u ON u.trace_id = i.trace_id AND u.inv_id = i.inv_id"
                + " WHERE i.src = 'span' AND i.caller IS NOT NULL AND i.caller <> i.agent GROUP BY i.caller, i.agent"
                // hand-offs
                + " UNION ALL SELECT 'hands_off', r.source, r.target, COUNT(*), COUNT(DISTINCT r.trace_id), "
                + count("r.status = 'error' OR r.recv_status = 'error'") + ", COUNT(r.recv_id), "
                + percentile(0.5, "r.recv_ms") + ", " + percentile(0.95, "r.recv_ms") + ","
                + " CAST(COALESCE(SUM(u.cost), 0) AS DECIMAL(38,9)) FROM recv r LEFT JOIN sub u"
                + " ON u.trace_id = r.trace_id AND u.inv_id = r.recv_id WHERE r.rk = 1 GROUP BY r.source, r.target"
                + " ORDER BY 1, 4 DESC, 2, 3";
    }
}
