package dev.sextant.server.analytics;

import dev.sextant.store.AgentTopology;
import dev.sextant.store.TopologyQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The agent topology as the API answers it: {@code focus_agent} and {@code min_count} echo the
 * selection; nodes by invocations, edges by count (rates null where nothing was counted).
 */
record TopologyView(Instant dataAsOf, String focusAgent, long minCount, List<NodeView> nodes, List<EdgeView> edges) {

    record NodeView(String agentId, long invocations, long traces, long errors, Double errorRate,
            Double p50DurationMs, Double p95DurationMs, BigDecimal costUsd) {
    }

    record EdgeView(String source, String target, String kind, long count, long traces, long failures,
            double failureRate, Long received, Double p50DurationMs, Double p95DurationMs, BigDecimal costUsd) {
    }

    static TopologyView of(TopologyQuery query, AgentTopology t, Instant queriedAt) {
        return new TopologyView(t.dataAsOf() == null ? queriedAt : t.dataAsOf(), query.focusAgent(), query.minCount(),
                t.nodes().stream().map(n -> new NodeView(n.agentId(), n.invocations(), n.traces(), n.errors(),
                        n.errorRate(), n.p50DurationMs(), n.p95DurationMs(), n.costUsd())).toList(),
                t.edges().stream().map(e -> new EdgeView(e.source(), e.target(), e.kind().wire(), e.count(), e.traces(),
                        e.failures(), e.failureRate(), e.kind() == AgentTopology.Kind.HANDS_OFF ? e.received() : null,
                        e.p50DurationMs(), e.p95DurationMs(), e.costUsd())).toList());
    }
}
