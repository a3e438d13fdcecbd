package dev.sextant.server.analytics;

import dev.sextant.store.HandoffAnalytics;
import java.time.Instant;
import java.util.List;

/**
 * Hand-offs as the API answers them: counts by reason and target, time to hand-off, and what
 * happened after ({@code after}: the outcomes of handed-off traces against the others, and whether
 * the conversation continued).
 */
record HandoffsView(Instant dataAsOf, long interactions, long handoffs, Double handoffRate,
        List<ReasonView> byReason, List<TargetView> byTarget, HandoffAnalytics.TimeToHandoff timeToHandoff,
        After after, long spanOnlyHandoffs) {

    record ReasonView(String reason, long handoffs, double share, Double p50TimeToHandoffMs) {
    }

    record TargetView(String target, long handoffs, double share, Double p50TimeToHandoffMs) {
    }

    record After(HandoffAnalytics.Outcome handedOff, HandoffAnalytics.Outcome notHandedOff,
            HandoffAnalytics.Continuation conversationContinued) {
    }

    static HandoffsView of(HandoffAnalytics h, Instant queriedAt) {
        return new HandoffsView(h.dataAsOf() == null ? queriedAt : h.dataAsOf(), h.interactions(), h.handoffs(),
                h.handoffRate(),
                h.byReason().stream().map(g -> new ReasonView(g.key(), g.handoffs(), g.share(), g.p50TimeToHandoffMs()))
                        .toList(),
                h.byTarget().stream().map(g -> new TargetView(g.key(), g.handoffs(), g.share(), g.p50TimeToHandoffMs()))
                        .toList(),
                h.timeToHandoff(), new After(h.handedOff(), h.notHandedOff(), h.continuation()), h.spanOnlyHandoffs());
    }
}
