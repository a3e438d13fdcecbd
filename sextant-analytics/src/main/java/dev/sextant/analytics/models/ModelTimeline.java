package dev.sextant.analytics.models;

import dev.sextant.store.models.ModelEvaluation;
import dev.sextant.store.models.ModelVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An agent's versions in order (deployment, or creation when never deployed; then id), each with
 * its primary accuracy ({@link BenchmarkDeltas#primaryAccuracy}: the mean over its benchmarks of
 * the latest primary value), its improvement over the version before it in the timeline
 * ({@link BenchmarkDeltas#primaryDelta()} over the benchmarks both ran; null for the first and when
 * none is shared) and the rolling improvement: the mean of the improvements that are not null
 * among this version and the {@code window − 1} before it (null when all are null).
 */
public record ModelTimeline(String agentId, int window, List<Entry> versions) {
    public static final int DEFAULT_WINDOW = 3;
    public static final int MAX_WINDOW = 100;

    public ModelTimeline {
        versions = List.copyOf(versions);
    }

    public record Entry(String id, String versionLabel, String modelId, String parentVersionId, Instant deployedAt,
            Instant createdAt, int evaluations, Double primaryAccuracy, Double improvement, Double rollingImprovement) {}

    /** {@code versions} in timeline order (as the store lists them); {@code evaluations} of the agent's versions. */
    public static ModelTimeline of(String agentId, List<ModelVersion> versions, List<ModelEvaluation> evaluations,
            int window) {
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be from 1 to " + MAX_WINDOW + ", was " + window);
        }
        Map<String, List<ModelEvaluation>> byVersion = evaluations.stream()
                .collect(Collectors.groupingBy(ModelEvaluation::versionId));
        List<Entry> entries = new ArrayList<>();
        List<Double> improvements = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            ModelVersion v = versions.get(i);
            List<ModelEvaluation> mine = byVersion.getOrDefault(v.id(), List.of());
            Double improvement = i == 0 ? null
                    : BenchmarkDeltas.of(mine, byVersion.getOrDefault(versions.get(i - 1).id(), List.of())).primaryDelta();
            improvements.add(improvement);
            double sum = 0;
            int n = 0;
            for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                if (improvements.get(j) != null) {
                    sum += improvements.get(j);
                    n++;
                }
            }
            entries.add(new Entry(v.id(), v.versionLabel(), v.modelId(), v.parentVersionId(), v.deployedAt(),
                    v.createdAt(), mine.size(), BenchmarkDeltas.primaryAccuracy(mine), improvement, n == 0 ? null : sum / n));
        }
        return new ModelTimeline(agentId, window, entries);
    }
}
