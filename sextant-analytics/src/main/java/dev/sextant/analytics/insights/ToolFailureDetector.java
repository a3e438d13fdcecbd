package dev.sextant.analytics.insights;

import dev.sextant.store.RateChange;
import java.util.Map;

/** A tool's failure rate (failed calls of all its calls) in the current period against the previous one. */
final class ToolFailureDetector implements Detector {
    static final String KIND = "tool_failure_rate";
    static final int MIN_CALLS = 30;

    @Override
    public Detection detect(InsightData data) {
        Detection.Builder result = new Detection.Builder(KIND, "at least " + MIN_CALLS + " calls of the tool in each period");
        for (RateChange rc : data.toolFailures()) {
            if (rc.currentTotal() < MIN_CALLS || rc.baselineTotal() < MIN_CALLS) {
                result.skipped();
                continue;
            }
            double cur = rc.currentEvents() / (double) rc.currentTotal();
            double base = rc.baselineEvents() / (double) rc.baselineTotal();
            String title = "Tool " + rc.key() + " fails " + Figures.share(rc.currentEvents(), rc.currentTotal())
                    + " of calls, " + Comparisons.upOrDown(cur, base) + " from "
                    + Figures.share(rc.baselineEvents(), rc.baselineTotal()) + " in the previous period";
            result.tested(Comparisons.rate(KIND, Map.of("tool_name", rc.key()), title, rc.currentEvents(),
                    rc.currentTotal(), rc.baselineEvents(), rc.baselineTotal(),
                    InsightLinks.of(data.periods()).interactions("agent_id", data.periods().agentId())
                            .analytics("/api/v1/analytics/tools", "agent_id", data.periods().agentId(), "sort", "failure_rate")
                            .build()));
        }
        return result.build();
    }
}
