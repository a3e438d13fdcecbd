package dev.sextant.server.analytics;

import dev.sextant.store.ToolEffectiveness;
import java.time.Instant;
import java.util.List;

/** The tool ranking as the API answers it. */
record ToolsView(Instant dataAsOf, String sort, List<ToolView> tools) {

    record ToolView(String toolName, long calls, long successes, long failures, double successRate,
            double failureRate, Double avgLatencyMs, Double p50LatencyMs, Double p95LatencyMs,
            List<ToolEffectiveness.FailureReason> topFailureReasons) {
    }

    static ToolsView of(ToolEffectiveness t, ToolEffectiveness.Sort sort, Instant queriedAt) {
        return new ToolsView(t.dataAsOf() == null ? queriedAt : t.dataAsOf(), sort.wire(), t.tools().stream()
                .map(x -> new ToolView(x.toolName(), x.calls(), x.successes(), x.failures(), x.successRate(),
                        x.failureRate(), x.avgLatencyMs(), x.p50LatencyMs(), x.p95LatencyMs(), x.topFailureReasons()))
                .toList());
    }
}
