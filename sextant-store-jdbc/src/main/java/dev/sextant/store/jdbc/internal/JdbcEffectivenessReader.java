package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.AgentEffectiveness;
import dev.sextant.store.EffectivenessReader;
import dev.sextant.store.ErrorPatterns;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.ToolEffectiveness;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tool ranking, agent effectiveness and error patterns in SQL that DuckDB and PostgreSQL both
 * run unchanged: {@code percentile_cont ... WITHIN GROUP}, {@code ROW_NUMBER() OVER} and
 * {@code regexp_replace(text, pattern, replacement, 'g')} mean the same in both. {@code dataAsOf}
 * comes from {@code MAX(MAX(..)) OVER ()}, over every group before the limit cuts the list.
 */
final class JdbcEffectivenessReader implements EffectivenessReader {
    static final int TOP_FAILURE_REASONS = 3;
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final String NO_MESSAGE = "(no message)";

    private final Database database;

    JdbcEffectivenessReader(Database database) {
        this.database = database;
    }

    /** The message with UUIDs replaced by {@code <id>} and then every digit run by {@code #}. */
    static String normalised(String column) {
        return "regexp_replace(regexp_replace(COALESCE(" + column + ", '" + NO_MESSAGE + "'), '" + UUID
                + "', '<id>', 'g'), '[0-9]+', '#', 'g')";
    }

    private static String percentile(double fraction, String column, String alias) {
        return " percentile_cont(" + fraction + ") WITHIN GROUP (ORDER BY CAST(" + column + " AS FLOAT8)) AS " + alias;
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
    }

    @Override
    public ToolEffectiveness tools(WorkspaceId workspace, InteractionQuery query, ToolEffectiveness.Sort sort,
            int limit) {
        Objects.requireNonNull(sort, "sort");
        checkLimit(limit);
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, query);
        // Unfiltered, the join to the traces is left out: every span names a trace and the writer
        // keeps a row (a placeholder if need be) for each, so these are the same spans.
        String toolSpans = (filter.workspaceOnly() ? " FROM spans s WHERE s.workspace_id = ?"
                : " FROM spans s JOIN traces t ON s.workspace_id = t.workspace_id AND s.trace_id = t.id"
                        + " WHERE " + filter.where()) + " AND s.tool_name IS NOT NULL";
        String order = switch (sort) {
            case USAGE -> "calls DESC";
            case FAILURES -> "failures DESC, calls DESC";
            case FAILURE_RATE -> "SUM(CASE WHEN s.status = 'error' THEN 1.0 ELSE 0.0 END) / COUNT(*) DESC, calls DESC";
            case LATENCY -> "p95 DESC NULLS LAST, calls DESC";
        };
        String ranking = "SELECT s.tool_name, COUNT(*) AS calls,"
                + " SUM(CASE WHEN s.status = 'error' THEN 1 ELSE 0 END) AS failures,"
                + " AVG(CAST(s.duration_ms AS FLOAT8)) AS avg_ms," + percentile(0.5, "s.duration_ms", "p50") + ","
                + percentile(0.95, "s.duration_ms", "p95") + ", MAX(MAX(s.started_at)) OVER () AS newest" + toolSpans
                + " GROUP BY s.tool_name ORDER BY " + order + ", s.tool_name LIMIT " + limit;
        String pattern = normalised("s.error");
        String reasons = "SELECT tool_name, pattern, n, example FROM (SELECT g.*, ROW_NUMBER() OVER"
                + " (PARTITION BY g.tool_name ORDER BY g.n DESC, g.pattern) AS rk FROM (SELECT s.tool_name, "
                + pattern + " AS pattern, COUNT(*) AS n, MIN(COALESCE(s.error, '" + NO_MESSAGE + "')) AS example"
                + toolSpans + " AND s.status = 'error' GROUP BY s.tool_name, " + pattern + ") g) r"
                + " WHERE rk <= " + TOP_FAILURE_REASONS + " ORDER BY tool_name, rk";
        return database.read("ranking tools", c -> {
            Map<String, List<ToolEffectiveness.FailureReason>> byTool = new HashMap<>();
            try (PreparedStatement select = prepare(c, filter.values(), reasons);
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byTool.computeIfAbsent(rs.getString("tool_name"), k -> new ArrayList<>())
                            .add(new ToolEffectiveness.FailureReason(rs.getString("pattern"), rs.getLong("n"),
                                    rs.getString("example")));
                }
            }
            List<ToolEffectiveness.Tool> tools = new ArrayList<>();
            Instant newest = null;
            try (PreparedStatement select = prepare(c, filter.values(), ranking);
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString("tool_name");
                    tools.add(new ToolEffectiveness.Tool(name, rs.getLong("calls"), rs.getLong("failures"),
                            SqlValues.nullableDouble(rs, "avg_ms"), SqlValues.nullableDouble(rs, "p50"),
                            SqlValues.nullableDouble(rs, "p95"), byTool.getOrDefault(name, List.of())));
                    newest = later(newest, SqlValues.instant(rs, "newest"));
                }
            }
            return new ToolEffectiveness(tools, newest);
        });
    }

    @Override
    public AgentEffectiveness agents(WorkspaceId workspace, InteractionQuery query, int limit) {
        checkLimit(limit);
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, query);
        String sql = "SELECT t.agent_id, COUNT(*) AS n,"
                + " SUM(CASE WHEN t.status = 'error' THEN 0 ELSE 1 END) AS successes,"
                + " AVG(CAST(t.duration_ms AS FLOAT8)) AS avg_ms," + percentile(0.95, "t.duration_ms", "p95") + ","
                + " SUM(t.cost_usd) AS cost, MAX(MAX(t.started_at)) OVER () AS newest FROM traces t WHERE " + filter.where()
                + " GROUP BY t.agent_id ORDER BY n DESC, t.agent_id NULLS LAST LIMIT " + limit;
        return database.read("computing agent effectiveness", c -> {
            List<AgentEffectiveness.Agent> agents = new ArrayList<>();
            Instant newest = null;
            try (PreparedStatement select = prepare(c, filter.values(), sql);
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    BigDecimal cost = rs.getBigDecimal("cost");
                    agents.add(new AgentEffectiveness.Agent(rs.getString("agent_id"), rs.getLong("n"),
                            rs.getLong("successes"), SqlValues.nullableDouble(rs, "avg_ms"),
                            SqlValues.nullableDouble(rs, "p95"),
                            (cost == null ? BigDecimal.ZERO : cost).setScale(9, RoundingMode.HALF_EVEN)));
                    newest = later(newest, SqlValues.instant(rs, "newest"));
                }
            }
            return new AgentEffectiveness(agents, newest);
        });
    }

    @Override
    public ErrorPatterns errors(WorkspaceId workspace, InteractionQuery query, int limit) {
        checkLimit(limit);
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, query);
        String sql = "SELECT source, kind, pattern, COUNT(*) AS n, MIN(seen_at) AS first_seen, MAX(seen_at) AS last_seen,"
                + " MAX(MAX(seen_at)) OVER () AS newest,"
                + " MIN(trace_id) AS example_trace, MIN(message) AS example FROM ("
                + "SELECT 'span' AS source, s.kind AS kind, " + normalised("s.error") + " AS pattern,"
                + " s.started_at AS seen_at, s.trace_id AS trace_id, COALESCE(s.error, '" + NO_MESSAGE + "') AS message"
                + " FROM spans s JOIN traces t ON s.workspace_id = t.workspace_id AND s.trace_id = t.id"
                + " WHERE " + filter.where() + " AND s.status = 'error'"
                + " UNION ALL SELECT 'trace', NULL, " + normalised("t.error") + ", t.started_at, t.id,"
                + " COALESCE(t.error, '" + NO_MESSAGE + "') FROM traces t WHERE " + filter.where()
                + " AND t.status = 'error') e GROUP BY source, kind, pattern"
                + " ORDER BY n DESC, source, pattern, kind LIMIT " + limit;
        List<Object> values = new ArrayList<>(filter.values());
        values.addAll(filter.values());
        return database.read("grouping error patterns", c -> {
            List<ErrorPatterns.Pattern> patterns = new ArrayList<>();
            Instant newest = null;
            try (PreparedStatement select = prepare(c, values, sql); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Instant last = SqlValues.instant(rs, "last_seen");
                    patterns.add(new ErrorPatterns.Pattern(rs.getString("source"), rs.getString("kind"),
                            rs.getString("pattern"), rs.getLong("n"), SqlValues.instant(rs, "first_seen"), last,
                            rs.getString("example_trace"), rs.getString("example")));
                    newest = later(newest, SqlValues.instant(rs, "newest"));
                }
            }
            return new ErrorPatterns(patterns, newest);
        });
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static PreparedStatement prepare(Connection c, List<Object> values, String sql) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        try {
            SqlValues.bind(statement, values);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
