package dev.sextant.analytics.insights;

import dev.sextant.analytics.FalseDiscoveryRate;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InsightPeriods;
import dev.sextant.store.InsightSource;
import dev.sextant.store.LatencyTail;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every detector over one read of the data, corrects all their p-values together with
 * Benjamini-Hochberg (a finding counts when its adjusted p-value is at most {@link #ALPHA}), and
 * ranks the significant findings by score = effect size x ln(1 + volume), so that a large change
 * seen often beats a large change seen rarely and a small change seen often. Severity comes from
 * the effect size alone: high from {@link #HIGH_EFFECT}, medium from {@link #MEDIUM_EFFECT}
 * (Cohen's conventional medium and small effects), low below.
 */
public final class InsightEngine {
    public static final double ALPHA = 0.05;
    public static final double HIGH_EFFECT = 0.5;
    public static final double MEDIUM_EFFECT = 0.2;
    public static final String CORRECTION = "benjamini_hochberg";

    private static final List<Detector> DETECTORS = List.of(
            new ToolFailureDetector(),
            new AgentPeriodDetector(AgentPeriodDetector.Metric.ERROR_RATE),
            new AgentPeriodDetector(AgentPeriodDetector.Metric.HANDOFF_RATE),
            new AgentPeriodDetector(AgentPeriodDetector.Metric.COST),
            new AgentPeriodDetector(AgentPeriodDetector.Metric.COST_PER_CONVERSATION),
            new ConfigChangeDetector(ConfigChangeDetector.Metric.ERROR_RATE),
            new ConfigChangeDetector(ConfigChangeDetector.Metric.COST),
            new ConfigChangeDetector(ConfigChangeDetector.Metric.LATENCY),
            new LatencyTailDetector(LatencyTail.By.AGENT),
            new LatencyTailDetector(LatencyTail.By.MODEL),
            new NewErrorDetector(),
            new SatisfactionDetector());

    private InsightEngine() {
    }

    public static InsightReport run(InsightSource source, WorkspaceId workspace, InsightPeriods periods, int limit) {
        return rank(InsightData.load(source, workspace, periods), limit);
    }

    /** The run over data already read. */
    public static InsightReport rank(InsightData data, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
        List<Detection> detections = DETECTORS.stream().map(d -> d.detect(data)).toList();
        List<Finding> tested = detections.stream().flatMap(d -> d.tested().stream()).toList();
        double[] adjusted = FalseDiscoveryRate.benjaminiHochberg(tested.stream().mapToDouble(Finding::pValue).toArray());
        List<InsightReport.Insight> significant = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            if (adjusted[i] <= ALPHA) {
                Finding f = tested.get(i);
                significant.add(new InsightReport.Insight(0, score(f), severity(f.effectSize()), adjusted[i], f));
            }
        }
        significant.sort(Comparator.comparingDouble(InsightReport.Insight::score).reversed()
                .thenComparingDouble(InsightReport.Insight::adjustedPValue)
                .thenComparing(in -> in.finding().kind())
                .thenComparing(in -> in.finding().title()));
        List<InsightReport.Insight> ranked = new ArrayList<>();
        for (InsightReport.Insight in : significant.subList(0, Math.min(limit, significant.size()))) {
            ranked.add(new InsightReport.Insight(ranked.size() + 1, in.score(), in.severity(), in.adjustedPValue(),
                    in.finding()));
        }
        return new InsightReport(data.periods(), ALPHA, CORRECTION, ranked, considered(detections, significant, ranked),
                data.dataAsOf());
    }

    static double score(Finding f) {
        return Math.min(f.effectSize(), Math.PI) * Math.log1p(f.volume());
    }

    static String severity(double effect) {
        return effect >= HIGH_EFFECT ? "high" : effect >= MEDIUM_EFFECT ? "medium" : "low";
    }

    private static List<InsightReport.Considered> considered(List<Detection> detections,
            List<InsightReport.Insight> significant, List<InsightReport.Insight> reported) {
        Map<String, Integer> sig = count(significant);
        Map<String, Integer> rep = count(reported);
        return detections.stream().map(d -> new InsightReport.Considered(d.detector(), d.minimum(), d.candidates(),
                d.skippedTooLittleData(), d.untestable(), d.tested().size(), sig.getOrDefault(d.detector(), 0),
                rep.getOrDefault(d.detector(), 0))).toList();
    }

    private static Map<String, Integer> count(List<InsightReport.Insight> insights) {
        Map<String, Integer> counts = new HashMap<>();
        insights.forEach(in -> counts.merge(in.finding().kind(), 1, Integer::sum));
        return counts;
    }
}
