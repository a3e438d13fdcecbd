package dev.sextant.analytics.insights;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InsightPeriods;
import dev.sextant.store.InsightSource;
import dev.sextant.store.LatencyTail;
import dev.sextant.store.NewErrors;
import dev.sextant.store.RateChange;
import dev.sextant.store.RatingChange;
import dev.sextant.store.SideBySide;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Everything the detectors of one run look at, read from the store once (eight queries). */
public record InsightData(InsightPeriods periods, List<SideBySide> agentPeriods,
        List<SideBySide> agentConversations, List<SideBySide> configVersions,
        List<RateChange> toolFailures, List<LatencyTail> agentLatency, List<LatencyTail> modelLatency,
        List<RatingChange> ratings, NewErrors newErrors) {

    public static InsightData load(InsightSource source, WorkspaceId workspace, InsightPeriods periods) {
        return new InsightData(periods, source.agentPeriods(workspace, periods),
                source.agentConversationPeriods(workspace, periods),
                source.agentConfigVersions(workspace, periods), source.toolFailures(workspace, periods),
                source.latencyTails(workspace, periods, LatencyTail.By.AGENT),
                source.latencyTails(workspace, periods, LatencyTail.By.MODEL), source.ratings(workspace, periods),
                source.newErrors(workspace, periods));
    }

    /** The newest trace start any of the reads counted, or null when they counted none. */
    public Instant dataAsOf() {
        return Stream.of(agentPeriods.stream().map(SideBySide::newest),
                        agentConversations.stream().map(SideBySide::newest), configVersions.stream().map(SideBySide::newest),
                        toolFailures.stream().map(RateChange::newest), agentLatency.stream().map(LatencyTail::newest),
                        modelLatency.stream().map(LatencyTail::newest), ratings.stream().map(RatingChange::newest),
                        newErrors.patterns().stream().map(NewErrors.Pattern::lastSeen))
                .flatMap(s -> s).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
    }
}
