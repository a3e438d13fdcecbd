package dev.sextant.store;

import java.util.Objects;

/**
 * A topology read. {@code traces} selects the traces whose agents are drawn (its {@code agentId}
 * filters on the trace's own agent, as everywhere). {@code focusAgent}, when set, keeps only the
 * edges that start or end at that agent and the nodes they touch (the agent's neighbourhood,
 * wherever in a trace it runs). {@code minCount} drops edges seen fewer times (1 keeps all).
 */
public record TopologyQuery(InteractionQuery traces, String focusAgent, long minCount) {

    public TopologyQuery {
        Objects.requireNonNull(traces, "traces");
        if (minCount < 1) {
            throw new IllegalArgumentException("min_count must be 1 or more, was " + minCount);
        }
        if (focusAgent != null && focusAgent.isEmpty()) {
            throw new IllegalArgumentException("the focus agent is empty; leave it out to draw every agent");
        }
    }
}
