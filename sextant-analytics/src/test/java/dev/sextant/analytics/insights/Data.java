package dev.sextant.analytics.insights;

import dev.sextant.store.InsightPeriods;
import dev.sextant.store.LatencyTail;
import dev.sextant.store.NewErrors;
import dev.sextant.store.RateChange;
import dev.sextant.store.RatingChange;
import dev.sextant.store.SideBySide;
import dev.sextant.store.SideBySide.RankSum;
import dev.sextant.store.SideBySide.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made detector input: one run's data, built piece by piece. */
final class Data {
    static final Instant BASE = Instant.parse("2026-11-08T00:00:00Z");
    static final Instant SPLIT = Instant.parse("2026-11-15T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-22T00:00:00Z");
    static final InsightPeriods PERIODS = new InsightPeriods(BASE, SPLIT, TO, null);
    static final RankSum NO_RANKS = new RankSum(0, 0, 0, 0);

    final List<SideBySide> agentPeriods = new ArrayList<>();
    final List<SideBySide> agentConversations = new ArrayList<>();
    final List<SideBySide> configVersions = new ArrayList<>();
    final List<RateChange> tools = new ArrayList<>();
    final List<LatencyTail> agentLatency = new ArrayList<>();
    final List<LatencyTail> modelLatency = new ArrayList<>();
    final List<RatingChange> ratings = new ArrayList<>();
    final List<NewErrors.Pattern> patterns = new ArrayList<>();
    long currentTraces = 100;
    long baselineTraces = 100;

    static Side side(long traces, long errors, long handoffs, String cost) {
        return new Side(traces, errors, handoffs, new BigDecimal(cost), traces, 1000.0, 2000.0);
    }

    Data tool(String name, long ce, long cn, long be, long bn) {
        tools.add(new RateChange(name, ce, cn, be, bn, SPLIT.plusSeconds(60)));
        return this;
    }

    Data agent(String name, Side current, Side baseline, RankSum cost) {
        agentPeriods.add(new SideBySide(name, "current", "previous", current, baseline, cost, NO_RANKS, SPLIT.plusSeconds(5)));
        return this;
    }

    InsightData build() {
        return new InsightData(PERIODS, agentPeriods, agentConversations, configVersions, tools, agentLatency, modelLatency, ratings,
                new NewErrors(patterns, currentTraces, baselineTraces));
    }
}
