package dev.sextant.analytics.insights;

import dev.sextant.store.SideBySide;
import dev.sextant.store.SideBySide.Side;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per agent, its traces on its newest config version against those on the version before it
 * (both within the two periods): error rate (Fisher's exact test), cost per interaction and mean
 * latency (Mann-Whitney over the interactions' values).
 */
final class ConfigChangeDetector implements Detector {
    static final int MIN_RATE_TRACES = 30;
    static final int MIN_TRACES = 20;

    enum Metric {
        ERROR_RATE("config_error_rate", "error_rate"),
        COST("config_cost_per_interaction", "cost"),
        LATENCY("config_latency", "latency_p50");

        final String kind;
        final String trendMetric;

        Metric(String kind, String trendMetric) {
            this.kind = kind;
            this.trendMetric = trendMetric;
        }
    }

    private final Metric metric;

    ConfigChangeDetector(Metric metric) {
        this.metric = metric;
    }

    @Override
    public Detection detect(InsightData data) {
        int min = metric == Metric.ERROR_RATE ? MIN_RATE_TRACES : MIN_TRACES;
        Detection.Builder result = new Detection.Builder(metric.kind, "at least " + min + " interactions"
                + (metric == Metric.LATENCY ? " with a duration" : "") + " on each of the agent's two newest config versions");
        for (SideBySide s : data.configVersions()) {
            Side cur = s.current();
            Side base = s.baseline();
            long curN = metric == Metric.LATENCY ? cur.latencySamples() : cur.traces();
            long baseN = metric == Metric.LATENCY ? base.latencySamples() : base.traces();
            if (curN < min || baseN < min) {
                result.skipped();
                continue;
            }
            String agent = "Agent " + s.key();
            String on = " on config " + s.currentLabel();
            String than = " on " + s.baselineLabel() + " (" + curN + " and " + baseN + " interactions)";
            Map<String, String> subject = new LinkedHashMap<>();
            subject.put("agent_id", s.key());
            subject.put("config_version", s.currentLabel());
            subject.put("previous_config_version", s.baselineLabel());
            Map<String, String> links = InsightLinks.of(data.periods()).interactions("agent_id", s.key())
                    .trend(metric.trendMetric, "config_version", "agent_id", s.key()).build();
            result.tested(switch (metric) {
                case ERROR_RATE -> Comparisons.rate(metric.kind, subject, agent + "'s error rate" + on + " is "
                                + Figures.share(cur.errors(), cur.traces()) + ", against "
                                + Figures.share(base.errors(), base.traces()) + " on " + s.baselineLabel(),
                        cur.errors(), cur.traces(), base.errors(), base.traces(), links);
                case COST -> Comparisons.ranked(metric.kind, subject, agent + "'s cost per interaction" + on + " is "
                                + Figures.usd(cur.avgCostUsd()) + ", " + Figures.relative(cur.avgCostUsd(), base.avgCostUsd())
                                + " than " + Figures.usd(base.avgCostUsd()) + than, "usd", cur.avgCostUsd(),
                        base.avgCostUsd(), s.cost(), links);
                case LATENCY -> Comparisons.ranked(metric.kind, subject, agent + "'s mean latency" + on + " is "
                                + Figures.ms(cur.avgLatencyMs()) + ", " + Figures.relative(cur.avgLatencyMs(), base.avgLatencyMs())
                                + " than " + Figures.ms(base.avgLatencyMs()) + than, "ms", cur.avgLatencyMs(),
                        base.avgLatencyMs(), s.latency(), links);
            });
        }
        return result.build();
    }
}
