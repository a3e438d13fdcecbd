package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.AgentTopology;
import dev.sextant.store.AgentTopology.Edge;
import dev.sextant.store.AgentTopology.Kind;
import dev.sextant.store.AgentTopology.Node;
import dev.sextant.store.TopologyQuery;
import dev.sextant.store.TopologyReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agent topology: nodes and edges aggregated in SQL ({@link TopologySql}); here only the
 * selection that needs the whole graph: edges under {@code minCount} dropped, the focus agent's
 * neighbourhood kept, and hand-off targets that never ran added as nodes without invocations.
 */
final class JdbcTopologyReader implements TopologyReader {
    private final Database database;

    JdbcTopologyReader(Database database) {
        this.database = database;
    }

    @Override
    public AgentTopology topology(WorkspaceId workspace, TopologyQuery query) {
        InteractionFilter filter = new InteractionFilter(database.dialect(), workspace, query.traces());
        List<Object> values = new ArrayList<>(filter.values());
        values.add(workspace.value());
        String sql = TopologySql.statement(filter.where());
        String newestSql = "SELECT MAX(t.started_at) AS newest FROM traces t WHERE " + filter.where();
        return database.read("drawing the agent topology", c -> {
            Map<String, Node> nodes = new LinkedHashMap<>();
            List<Edge> edges = new ArrayList<>();
            try (PreparedStatement select = SqlValues.prepare(c, values, sql); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString("row_kind");
                    BigDecimal cost = rs.getBigDecimal("cost").setScale(9, RoundingMode.HALF_EVEN);
                    Double p50 = SqlValues.nullableDouble(rs, "p50");
                    Double p95 = SqlValues.nullableDouble(rs, "p95");
                    if (kind.equals("node")) {
                        String agent = rs.getString("a");
                        nodes.put(agent, new Node(agent, rs.getLong("n"), rs.getLong("traces"), rs.getLong("failures"),
                                p50, p95, cost));
                    } else {
                        edges.add(new Edge(rs.getString("a"), rs.getString("b"),
                                kind.equals("calls") ? Kind.CALLS : Kind.HANDS_OFF, rs.getLong("n"), rs.getLong("traces"),
                                rs.getLong("failures"), rs.getLong("received"), p50, p95, cost));
                    }
                }
            }
            Instant newest;
            try (PreparedStatement select = SqlValues.prepare(c, filter.values(), newestSql);
                    ResultSet rs = select.executeQuery()) {
                rs.next();
                newest = SqlValues.instant(rs, "newest");
            }
            return select(query, nodes, edges, newest);
        });
    }

    private static AgentTopology select(TopologyQuery query, Map<String, Node> nodes, List<Edge> edges, Instant newest) {
        String focus = query.focusAgent();
        List<Edge> kept = edges.stream()
                .filter(e -> e.count() >= query.minCount())
                .filter(e -> focus == null || e.source().equals(focus) || e.target().equals(focus))
                .sorted(Comparator.comparingLong(Edge::count).reversed().thenComparing(Edge::source)
                        .thenComparing(Edge::target).thenComparing(Edge::kind))
                .toList();
        for (Edge edge : kept) {
            nodes.putIfAbsent(edge.target(), new Node(edge.target(), 0, 0, 0, null, null,
                    BigDecimal.ZERO.setScale(9)));
        }
        Set<String> touched = new TreeSet<>();
        if (focus != null) {
            touched.add(focus);
            kept.forEach(e -> {
                touched.add(e.source());
                touched.add(e.target());
            });
        }
        List<Node> shown = nodes.values().stream()
                .filter(n -> focus == null || touched.contains(n.agentId()))
                .sorted(Comparator.comparingLong(Node::invocations).reversed().thenComparing(Node::agentId))
                .toList();
        return new AgentTopology(shown, kept, newest);
    }
}
