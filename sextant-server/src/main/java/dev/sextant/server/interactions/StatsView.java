package dev.sextant.server.interactions;

import dev.sextant.store.InteractionStats;
import dev.sextant.store.InteractionStats.HistogramBucket;
import dev.sextant.store.InteractionStats.KeyCount;
import dev.sextant.store.InteractionStats.MessageTypeBreakdown;
import dev.sextant.store.InteractionStats.ModelBreakdown;
import java.math.BigDecimal;
import java.util.List;

/** Every figure of {@link InteractionStats}, plus the hand-off and error rates. */
record StatsView(
        long interactions,
        long errors,
        Double errorRate,
        long handoffs,
        Double handoffRate,
        List<KeyCount> handoffReasons,
        BigDecimal totalCostUsd,
        BigDecimal avgCostUsd,
        Double avgConfidence,
        long highConfidence,
        long lowConfidence,
        List<HistogramBucket> confidenceHistogram,
        Double avgDurationMs,
        Double p50DurationMs,
        Double p95DurationMs,
        Double p99DurationMs,
        TraceView.TokensView tokens,
        List<ModelBreakdown> byModel,
        List<MessageTypeBreakdown> byMessageType) {

    static StatsView of(InteractionStats s) {
        InteractionStats.Tokens t = s.tokens();
        return new StatsView(s.interactions(), s.errors(), s.errorRate(), s.handoffs(), s.handoffRate(),
                s.handoffReasons(), s.totalCostUsd(), s.avgCostUsd(), s.avgConfidence(), s.highConfidence(),
                s.lowConfidence(), s.confidenceHistogram(), s.avgDurationMs(), s.p50DurationMs(), s.p95DurationMs(),
                s.p99DurationMs(),
                new TraceView.TokensView(t.input(), t.output(), t.cacheRead(), t.cacheWrite(), t.reasoning(), t.total()),
                s.byModel(), s.byMessageType());
    }
}
