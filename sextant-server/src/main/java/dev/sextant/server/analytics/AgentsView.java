package dev.sextant.server.analytics;

import dev.sextant.store.AgentEffectiveness;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Per-agent effectiveness as the API answers it; cost per success is null when nothing succeeded. */
record AgentsView(Instant dataAsOf, List<AgentView> agents) {

    record AgentView(String agentId, long executions, long successes, double successRate, Double avgLatencyMs,
            Double p95LatencyMs, BigDecimal totalCostUsd, BigDecimal costPerExecutionUsd,
            BigDecimal costPerSuccessUsd) {
    }

    static AgentsView of(AgentEffectiveness a, Instant queriedAt) {
        return new AgentsView(a.dataAsOf() == null ? queriedAt : a.dataAsOf(), a.agents().stream()
                .map(x -> new AgentView(x.agentId(), x.executions(), x.successes(), x.successRate(),
                        x.avgLatencyMs(), x.p95LatencyMs(), x.totalCostUsd(), x.costPerExecution(),
                        x.costPerSuccess()))
                .toList());
    }
}
