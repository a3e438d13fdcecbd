package dev.sextant.analytics.insights;

import dev.sextant.store.SideBySide;
import dev.sextant.store.SideBySide.Side;
import java.util.Map;

/**
 * Per agent, the current period against the previous one: error rate and hand-off rate (Fisher's
 * exact test), cost per interaction and cost per conversation (Mann-Whitney over the
 * interactions' or conversations' costs).
 */
final class AgentPeriodDetector implements Detector {
    static final int MIN_RATE_TRACES = 30;
    static final int MIN_COST_TRACES = 20;

    enum Metric {
        ERROR_RATE("agent_error_rate", "error_rate"),
        HANDOFF_RATE("agent_handoff_rate", "handoff_rate"),
        COST("agent_cost_per_interaction", "cost"),
        COST_PER_CONVERSATION("agent_cost_per_conversation", "cost");

        final String kind;
        final String trendMetric;

        Metric(String kind, String trendMetric) {
            this.kind = kind;
            this.trendMetric = trendMetric;
        }
    }

    private final Metric metric;

    AgentPeriodDetector(Metric metric) {
        this.metric = metric;
    }

    @Override
    public Detection detect(InsightData data) {
        boolean conversations = metric == Metric.COST_PER_CONVERSATION;
        int min = metric == Metric.COST || conversations ? MIN_COST_TRACES : MIN_RATE_TRACES;
        Detection.Builder result = new Detection.Builder(metric.kind, "at least " + min
                + (conversations ? " conversations" : " interactions") + " of the agent in each period");
        for (SideBySide s : conversations ? data.agentConversations() : data.agentPeriods()) {
            Side cur = s.current();
            Side base = s.baseline();
            if (cur.traces() < min || base.traces() < min) {
                result.skipped();
                continue;
            }
            Map<String, String> subject = Map.of("agent_id", s.key());
            InsightLinks links = InsightLinks.of(data.periods()).trend(metric.trendMetric, "agent", "agent_id", s.key());
            result.tested(switch (metric) {
                case ERROR_RATE -> Comparisons.rate(metric.kind, subject, "Agent " + s.key() + "'s error rate is "
                                + Figures.share(cur.errors(), cur.traces()) + ", " + upOrDown(cur.errors(), cur.traces(),
                                base.errors(), base.traces()) + " from " + Figures.share(base.errors(), base.traces())
                                + " in the previous period", cur.errors(), cur.traces(), base.errors(), base.traces(),
                        links.interactions("agent_id", s.key(), "status", "error").build());
                case HANDOFF_RATE -> Comparisons.rate(metric.kind, subject, "Agent " + s.key() + " hands off "
                                + Figures.share(cur.handoffs(), cur.traces()) + " of interactions, "
                                + upOrDown(cur.handoffs(), cur.traces(), base.handoffs(), base.traces()) + " from "
                                + Figures.share(base.handoffs(), base.traces()) + " in the previous period",
                        cur.handoffs(), cur.traces(), base.handoffs(), base.traces(),
                        links.interactions("agent_id", s.key(), "handoff", "true").build());
                case COST -> Comparisons.ranked(metric.kind, subject, "Agent " + s.key() + "'s cost per interaction is "
                                + Figures.usd(cur.avgCostUsd()) + ", " + Figures.relative(cur.avgCostUsd(), base.avgCostUsd())
                                + " than " + Figures.usd(base.avgCostUsd()) + " in the previous period (" + cur.traces()
                                + " and " + base.traces() + " interactions)", "usd", cur.avgCostUsd(), base.avgCostUsd(),
                        s.cost(), links.interactions("agent_id", s.key())
                                .analytics("/api/v1/analytics/agents", "agent_id", s.key()).build());
                case COST_PER_CONVERSATION -> Comparisons.ranked(metric.kind, subject, "Agent " + s.key()
                                + "'s cost per conversation is " + Figures.usd(cur.avgCostUsd()) + ", "
                                + Figures.relative(cur.avgCostUsd(), base.avgCostUsd()) + " than "
                                + Figures.usd(base.avgCostUsd()) + " in the previous period (" + cur.traces() + " and "
                                + base.traces() + " conversations)", "usd", cur.avgCostUsd(), base.avgCostUsd(),
                        s.cost(), links.interactions("agent_id", s.key())
                                .analytics("/api/v1/analytics/agents", "agent_id", s.key()).build());
            });
        }
        return result.build();
    }

    private static String upOrDown(long ce, long cn, long be, long bn) {
        return Comparisons.upOrDown(ce / (double) cn, be / (double) bn);
    }
}
