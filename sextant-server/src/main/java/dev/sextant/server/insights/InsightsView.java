package dev.sextant.server.insights;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sextant.analytics.insights.Finding;
import dev.sextant.analytics.insights.InsightReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Insights as the API answers them. {@code data_as_of} is the newest interaction start the run
 * read, or the query time when it read none. {@code snapshot}: the answer is the workspace's
 * background-computed run for a window ending at {@code to} (see {@link InsightSnapshots}).
 */
record InsightsView(Instant from, Instant to, Instant previousFrom, Instant previousTo, String agentId,
        Instant dataAsOf, boolean snapshot, double alpha, String correction, List<InsightView> insights,
        List<InsightReport.Considered> considered) {

    /** The same answer with at most {@code limit} insights (a snapshot holds the most an answer may). */
    InsightsView limit(int limit) {
        return insights.size() <= limit ? this : new InsightsView(from, to, previousFrom, previousTo, agentId, dataAsOf, snapshot,
                alpha, correction, insights.subList(0, limit), considered);
    }

    record InsightView(int rank, String kind, String severity, double score, String direction, String impact,
            String title, Map<String, String> subject, NumbersView numbers, Map<String, String> links) {
    }

    record NumbersView(String unit, Double current, Double baseline, Double change, Double changeRatio,
            Long currentCount, long currentSamples, Long baselineCount, long baselineSamples, String test,
            double pValue, @JsonProperty("adjusted_p_value") double adjustedPValue, double effectSize, String effectMeasure) {
    }

    static InsightsView of(InsightReport report, Instant queriedAt, boolean snapshot) {
        var p = report.periods();
        return new InsightsView(p.currentFrom(), p.currentTo(), p.baselineFrom(), p.currentFrom(), p.agentId(),
                report.dataAsOf() == null ? queriedAt : report.dataAsOf(), snapshot, report.alpha(), report.correction(),
                report.insights().stream().map(InsightsView::view).toList(), report.considered());
    }

    private static InsightView view(InsightReport.Insight in) {
        Finding f = in.finding();
        Finding.Numbers n = f.numbers();
        return new InsightView(in.rank(), f.kind(), in.severity(), in.score(), f.direction(), f.impact(), f.title(),
                f.subject(), new NumbersView(n.unit(), n.current(), n.baseline(), n.change(), n.changeRatio(),
                        n.currentCount(), n.currentSamples(), n.baselineCount(), n.baselineSamples(), f.test(),
                        f.pValue(), in.adjustedPValue(), f.effectSize(), f.effectMeasure()), f.links());
    }
}
