package dev.sextant.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * Per agent: executions are the agent's traces; a trace succeeds unless its status is error.
 * Traces without an agent id are grouped under a null agent. {@code dataAsOf}: the newest trace
 * start counted, null when there is none.
 */
public record AgentEffectiveness(List<Agent> agents, Instant dataAsOf) {

    public AgentEffectiveness {
        agents = List.copyOf(agents);
    }

    public record Agent(String agentId, long executions, long successes, Double avgLatencyMs, Double p95LatencyMs,
            BigDecimal totalCostUsd) {
        public Agent {
            if (executions < 1 || successes < 0 || successes > executions) {
                throw new IllegalArgumentException("agent " + agentId + ": successes (" + successes
                        + ") must be between 0 and executions (" + executions + "), executions at least 1");
            }
        }

        public double successRate() {
            return successes / (double) executions;
        }

        public BigDecimal costPerExecution() {
            return totalCostUsd.divide(BigDecimal.valueOf(executions), 9, RoundingMode.HALF_EVEN);
        }

        /** Total cost over successful executions; null when nothing succeeded. */
        public BigDecimal costPerSuccess() {
            return successes == 0 ? null : totalCostUsd.divide(BigDecimal.valueOf(successes), 9, RoundingMode.HALF_EVEN);
        }
    }
}
