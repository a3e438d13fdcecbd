package dev.sextant.analytics.models;

import dev.sextant.store.models.ModelEvaluation;
import dev.sextant.store.models.ModelVersion;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunStatus;
import dev.sextant.store.training.TrainingType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Transfer-learning effectiveness of an agent's versions (issue 7 item 6): what training by
 * transfer saved against training from scratch, and what it gained in accuracy.
 *
 * <ul>
 *   <li><b>Transfer versions</b>: the agent's versions whose {@code run_id} names a run of
 *       training type {@code transfer_learning}.
 *   <li><b>From-scratch runs</b> (the baseline): the agent's completed runs, not transfer_learning,
 *       tagged {@code from_scratch=true} (a {@code from_scratch} tag of another value excludes the run), or of type {@code fine_tuning} whose {@code base_model} is not
 *       the model id of any of the agent's versions (they did not start from a previous version).
 *   <li><b>Saved</b> (per transfer version): the baseline's mean minus the version's run, for
 *       wall-clock hours (ended − started), GPU hours and cost; positive is saved. A figure a side
 *       did not report is null.
 *   <li><b>Accuracy gain</b>: against each version a from-scratch run produced, the
 *       {@link BenchmarkDeltas#primaryDelta()} (latest primary metric per shared benchmark,
 *       candidate minus baseline, averaged); then the mean over those versions. Null when no
 *       benchmark is shared.
 * </ul>
 * The summary means are over the transfer versions that have the figure. With no transfer version
 * or no from-scratch run the status is {@code insufficient_data} with the reason.
 */
public record TransferEffectiveness(String agentId, String status, String reason, Baseline baseline,
        List<TransferVersion> versions, Double meanTimeSavedHours, Double meanGpuHoursSaved, Double meanCostSavedUsd,
        Double meanAccuracyGain) {

    public TransferEffectiveness {
        versions = List.copyOf(versions);
    }

    /** The from-scratch runs compared against, the versions they produced, and their means. */
    public record Baseline(List<String> runIds, List<String> versionIds, Double meanHours, Double meanGpuHours,
            Double meanCostUsd, Double meanAccuracy) {
        public Baseline {
            runIds = List.copyOf(runIds);
            versionIds = List.copyOf(versionIds);
        }
    }

    /** One transfer version, its run's figures, what it saved and gained, and the baseline versions it was compared with. */
    public record TransferVersion(String versionId, String versionLabel, String runId, Double hours, Double gpuHours,
            Double costUsd, Double accuracy, Double timeSavedHours, Double gpuHoursSaved, Double costSavedUsd,
            Double accuracyGain, List<String> comparedVersionIds) {
        public TransferVersion {
            comparedVersionIds = List.copyOf(comparedVersionIds);
        }
    }

    /**
     * {@code versions}: the agent's versions; {@code runs}: the runs they and the agent name, by id
     * (the agent's runs and every run a version names); {@code evaluations}: by version id.
     */
    public static TransferEffectiveness of(String agentId, List<ModelVersion> versions, Map<String, TrainingRun> runs,
            Map<String, List<ModelEvaluation>> evaluations) {
        Set<String> versionModels = new HashSet<>();
        versions.forEach(v -> versionModels.add(v.modelId()));
        List<TrainingRun> scratch = runs.values().stream()
                .filter(r -> agentId.equals(r.spec().agentId()) && fromScratch(r, versionModels))
                .sorted(java.util.Comparator.comparing(TrainingRun::id)).toList();
        Set<String> scratchIds = new HashSet<>();
        scratch.forEach(r -> scratchIds.add(r.id()));
        List<ModelVersion> baselineVersions = versions.stream().filter(v -> v.runId() != null
                && scratchIds.contains(v.runId())).toList();
        List<ModelVersion> transfer = versions.stream().filter(v -> v.runId() != null && runs.containsKey(v.runId())
                && runs.get(v.runId()).spec().trainingType() == TrainingType.TRANSFER_LEARNING).toList();
        Baseline baseline = new Baseline(scratch.stream().map(TrainingRun::id).toList(),
                baselineVersions.stream().map(ModelVersion::id).toList(), mean(scratch, TransferEffectiveness::hours),
                mean(scratch, TransferEffectiveness::gpuHours), mean(scratch, TransferEffectiveness::cost),
                mean(baselineVersions, v -> BenchmarkDeltas.primaryAccuracy(evaluations.getOrDefault(v.id(), List.of()))));
        if (transfer.isEmpty() || scratch.isEmpty()) {
            String reason = transfer.isEmpty()
                    ? "insufficient data: agent '" + agentId + "' has no version produced by a transfer_learning run"
                    : "insufficient data: agent '" + agentId + "' has no completed run trained from scratch (a fine_tuning"
                            + " run whose base_model is not one of its versions, or a run tagged from_scratch=true)";
            return new TransferEffectiveness(agentId, "insufficient_data", reason, baseline, List.of(), null, null, null,
                    null);
        }
        List<TransferVersion> results = new ArrayList<>();
        for (ModelVersion v : transfer) {
            TrainingRun run = runs.get(v.runId());
            List<ModelEvaluation> mine = evaluations.getOrDefault(v.id(), List.of());
            double sum = 0;
            List<String> compared = new ArrayList<>();
            for (ModelVersion b : baselineVersions) {
                Double delta = BenchmarkDeltas.of(mine, evaluations.getOrDefault(b.id(), List.of())).primaryDelta();
                if (delta != null) {
                    sum += delta;
                    compared.add(b.id());
                }
            }
            Double hours = hours(run);
            Double gpu = gpuHours(run);
            Double cost = cost(run);
            results.add(new TransferVersion(v.id(), v.versionLabel(), run.id(), hours, gpu, cost,
                    BenchmarkDeltas.primaryAccuracy(mine), minus(baseline.meanHours(), hours),
                    minus(baseline.meanGpuHours(), gpu), minus(baseline.meanCostUsd(), cost),
                    compared.isEmpty() ? null : sum / compared.size(), compared));
        }
        return new TransferEffectiveness(agentId, "measured", null, baseline, results,
                mean(results, TransferVersion::timeSavedHours), mean(results, TransferVersion::gpuHoursSaved),
                mean(results, TransferVersion::costSavedUsd), mean(results, TransferVersion::accuracyGain));
    }

    static boolean fromScratch(TrainingRun r, Set<String> versionModels) {
        if (r.status() != TrainingRunStatus.COMPLETED || r.spec().trainingType() == TrainingType.TRANSFER_LEARNING) {
            return false;
        }
        String tag = r.spec().tags().get("from_scratch");
        if (tag != null) {
            return tag.toLowerCase(Locale.ROOT).equals("true");
        }
        return r.spec().trainingType() == TrainingType.FINE_TUNING
                && (r.spec().baseModel() == null || !versionModels.contains(r.spec().baseModel()));
    }

    static Double hours(TrainingRun r) {
        return r.startedAt() == null || r.endedAt() == null ? null
                : Duration.between(r.startedAt(), r.endedAt()).toMillis() / 3_600_000.0;
    }

    static Double gpuHours(TrainingRun r) {
        return r.resources().gpuHours();
    }

    static Double cost(TrainingRun r) {
        return r.resources().costUsd() == null ? null : r.resources().costUsd().doubleValue();
    }

    private static Double minus(Double baseline, Double own) {
        return baseline == null || own == null ? null : baseline - own;
    }

    private static <T> Double mean(List<T> items, Function<T, Double> value) {
        double sum = 0;
        int n = 0;
        for (T item : items) {
            Double v = value.apply(item);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }
}
