package dev.sextant.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Agents as nodes and their calls and hand-offs as edges.
 *
 * <p>An <em>invocation</em> of an agent is a span of kind {@code agent} with a name (the agent),
 * or a trace with an {@code agent_id} that holds no top-level agent span of that same name (the
 * trace is then the invocation). A span's <em>enclosing agent</em> is its nearest ancestor agent
 * span, else the trace's agent. An agent span B whose enclosing agent is A ≠ B is a
 * {@link Kind#CALLS} edge A → B. A span with a triggered hand-off and a target (kind {@code
 * handoff} usually) is a {@link Kind#HANDS_OFF} edge from its enclosing agent (itself when it is
 * an agent span) to the target; a trace's own hand-off counts only when none of its spans
 * records one (they usually say the same thing twice).
 *
 * <p>Cost is attributed to the invocation a span belongs to: an agent span's own cost and the
 * cost of every span whose enclosing agent span it is, nested agents excluded; spans outside any
 * agent span go to the trace's agent. So the nodes' costs add up to the selected traces' costs
 * (spans of traces without any agent excepted). An edge's cost is the callee's whole subtree
 * (nested agents included). {@code dataAsOf}: the newest selected trace start, null when none.
 */
public record AgentTopology(List<Node> nodes, List<Edge> edges, Instant dataAsOf) {

    public AgentTopology {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public enum Kind {
        CALLS, HANDS_OFF;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One agent. {@code invocations} 0: it only ever received hand-offs without running in the
     * selected traces (a human queue, say); its durations and error rate are then null.
     */
    public record Node(String agentId, long invocations, long traces, long errors, Double p50DurationMs,
            Double p95DurationMs, BigDecimal costUsd) {
        public Node {
            if (invocations < 0 || errors < 0 || errors > invocations) {
                throw new IllegalArgumentException("agent " + agentId + ": errors (" + errors
                        + ") must be between 0 and invocations (" + invocations + ")");
            }
        }

        /** Errored invocations over invocations; null without any. */
        public Double errorRate() {
            return invocations == 0 ? null : errors / (double) invocations;
        }
    }

    /**
     * One directed edge of one kind. For calls: {@code count} callee agent spans, {@code failures}
     * of them errored, durations and cost theirs (cost over the callee's subtree). For hand-offs:
     * {@code count} hand-offs; {@code received} of them were followed in the same trace by an
     * invocation of the target (its first one starting at or after the hand-off), and durations
     * and cost are of those receiving invocations; a hand-off fails when its span or the receiving
     * invocation errored.
     */
    public record Edge(String source, String target, Kind kind, long count, long traces, long failures,
            long received, Double p50DurationMs, Double p95DurationMs, BigDecimal costUsd) {
        public Edge {
            if (count < 1 || failures < 0 || failures > count || received < 0 || received > count) {
                throw new IllegalArgumentException(kind + " edge " + source + " -> " + target + ": failures ("
                        + failures + ") and received (" + received + ") must be between 0 and count (" + count
                        + "), count at least 1");
            }
        }

        public double failureRate() {
            return failures / (double) count;
        }
    }
}
