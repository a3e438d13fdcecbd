package dev.sextant.analytics.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.models.ModelEvaluation;
import dev.sextant.store.models.ModelVersion;
import dev.sextant.store.training.NewTrainingRun;
import dev.sextant.store.training.RunResources;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunStatus;
import dev.sextant.store.training.TrainingType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Transfer learning against training from scratch, on hand-built runs and versions. */
class TransferEffectivenessTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    static TrainingRun run(String id, String agent, TrainingType type, String base, TrainingRunStatus status,
            double hours, Double gpu, String cost, Map<String, String> tags) {
        Instant end = status.finished() ? T0.plus(Duration.ofMinutes(Math.round(hours * 60))) : null;
        return new TrainingRun(id, new NewTrainingRun(agent, id, base, type, Map.of(), null, null, tags), status, null,
                new RunResources(gpu, null, cost == null ? null : new BigDecimal(cost), null), 0, null, null, T0, T0, end);
    }

    static ModelVersion version(String id, String model, String parent, String runId) {
        return new ModelVersion(id, "bot", id, model, "llama-3-8b", parent, runId, null, null, null, List.of(), T0);
    }

    static ModelEvaluation eval(String id, String version, String benchmark, double accuracy) {
        return new ModelEvaluation(id, version, benchmark, new TreeMap<>(Map.of("accuracy", accuracy)), "accuracy", null,
                null, T0, T0);
    }

    static final TrainingType FT = TrainingType.FINE_TUNING;
    static final TrainingType TL = TrainingType.TRANSFER_LEARNING;
    static final TrainingRunStatus DONE = TrainingRunStatus.COMPLETED;

    // From scratch: scratch-1 (10 h, 40 GPU h, $100, produced v1), scratch-2 (6 h, 20 GPU h, $60), tagged (a
    // reinforcement run tagged from_scratch=true: 12 h, 30 GPU h, no cost). Means: 28/3 h, 30 GPU h, $80.
    // Not from scratch: ft-on-v1 (its base is v1's model), running (not completed), not-scratch (tag says false),
    // another agent's run, and the transfer runs themselves.
    static Map<String, TrainingRun> runs() {
        Map<String, TrainingRun> runs = new LinkedHashMap<>();
        for (TrainingRun r : List.of(
                run("scratch-1", "bot", FT, "llama-3-8b", DONE, 10, 40.0, "100", Map.of()),
                run("scratch-2", "bot", FT, "llama-3-8b", DONE, 6, 20.0, "60", Map.of()),
                run("tagged", "bot", TrainingType.REINFORCEMENT, "llama-3-8b", DONE, 12, 30.0, null,
                        Map.of("from_scratch", "TRUE")),
                run("ft-on-v1", "bot", FT, "bot-v1", DONE, 1, 1.0, "1", Map.of()),
                run("running", "bot", FT, "llama-3-8b", TrainingRunStatus.RUNNING, 0, 1.0, "1", Map.of()),
                run("not-scratch", "bot", FT, "llama-3-8b", DONE, 1, 1.0, "1", Map.of("from_scratch", "false")),
                run("elsewhere", "other-bot", FT, "llama-3-8b", DONE, 100, 100.0, "100", Map.of()),
                run("tl-1", "bot", TL, "bot-v1", DONE, 2, 5.0, "15", Map.of("from_scratch", "true")),
                run("tl-2", "bot", TL, "bot-v1", DONE, 4, null, "35", Map.of()))) {
            runs.put(r.id(), r);
        }
        return runs;
    }

    static final List<ModelVersion> VERSIONS = List.of(version("v1", "bot-v1", null, "scratch-1"),
            version("v2", "bot-v2", "v1", "tl-1"), version("v3", "bot-v3", "v1", "ft-on-v1"),
            version("v4", "bot-v4", "v2", "tl-2"));

    // v1 0.70 on qa; v2 0.78 on qa (+0.08) and 0.9 on safety (not shared); v3 0.99 on qa (not a baseline); v4 none.
    static final Map<String, List<ModelEvaluation>> EVALUATIONS = Map.of(
            "v1", List.of(eval("e1", "v1", "qa", 0.70)),
            "v2", List.of(eval("e2", "v2", "qa", 0.78), eval("e3", "v2", "safety", 0.9)),
            "v3", List.of(eval("e4", "v3", "qa", 0.99)));

    @Test
    void transferVersionsAgainstTheMeanOfTheFromScratchRuns() {
        TransferEffectiveness t = TransferEffectiveness.of("bot", VERSIONS, runs(), EVALUATIONS);
        assertThat(t.status()).isEqualTo("measured");
        assertThat(t.reason()).isNull();
        assertThat(t.baseline().runIds()).containsExactly("scratch-1", "scratch-2", "tagged");
        assertThat(t.baseline().versionIds()).containsExactly("v1");
        assertThat(t.baseline().meanHours()).isCloseTo(28 / 3.0, within(1e-9));
        assertThat(t.baseline().meanGpuHours()).isCloseTo(30, within(1e-9));
        assertThat(t.baseline().meanCostUsd()).isCloseTo(80, within(1e-9));
        assertThat(t.baseline().meanAccuracy()).isCloseTo(0.70, within(1e-9));
        assertThat(t.versions()).extracting(TransferEffectiveness.TransferVersion::versionId).containsExactly("v2", "v4");

        TransferEffectiveness.TransferVersion v2 = t.versions().get(0);
        assertThat(v2.runId()).isEqualTo("tl-1");
        assertThat(v2.hours()).isCloseTo(2, within(1e-9));
        assertThat(v2.timeSavedHours()).isCloseTo(28 / 3.0 - 2, within(1e-9));
        assertThat(v2.gpuHoursSaved()).isCloseTo(25, within(1e-9));
        assertThat(v2.costSavedUsd()).isCloseTo(65, within(1e-9));
        assertThat(v2.accuracy()).isCloseTo((0.78 + 0.9) / 2, within(1e-9));
        assertThat(v2.accuracyGain()).isCloseTo(0.08, within(1e-9)); // qa only: safety is not shared
        assertThat(v2.comparedVersionIds()).containsExactly("v1");

        TransferEffectiveness.TransferVersion v4 = t.versions().get(1);
        assertThat(v4.timeSavedHours()).isCloseTo(28 / 3.0 - 4, within(1e-9));
        assertThat(v4.gpuHoursSaved()).isNull(); // tl-2 reported no GPU hours
        assertThat(v4.costSavedUsd()).isCloseTo(45, within(1e-9));
        assertThat(v4.accuracyGain()).isNull();
        assertThat(v4.comparedVersionIds()).isEmpty();

        assertThat(t.meanTimeSavedHours()).isCloseTo((28 / 3.0 - 2 + 28 / 3.0 - 4) / 2, within(1e-9));
        assertThat(t.meanGpuHoursSaved()).isCloseTo(25, within(1e-9));
        assertThat(t.meanCostSavedUsd()).isCloseTo(55, within(1e-9));
        assertThat(t.meanAccuracyGain()).isCloseTo(0.08, within(1e-9));
    }

    @Test
    void aSlowerDearerTransferSavesNegativeAmounts() {
        Map<String, TrainingRun> runs = new LinkedHashMap<>();
        runs.put("s", run("s", "bot", FT, null, DONE, 1, 2.0, "3", Map.of()));
        runs.put("t", run("t", "bot", TL, "bot-s", DONE, 3, 5.0, "10", Map.of()));
        List<ModelVersion> versions = List.of(version("vs", "bot-s", null, "s"), version("vt", "bot-t", "vs", "t"));
        TransferEffectiveness t = TransferEffectiveness.of("bot", versions, runs, Map.of(
                "vs", List.of(eval("a", "vs", "qa", 0.8)), "vt", List.of(eval("b", "vt", "qa", 0.75))));
        assertThat(t.versions().get(0).timeSavedHours()).isCloseTo(-2, within(1e-9));
        assertThat(t.versions().get(0).gpuHoursSaved()).isCloseTo(-3, within(1e-9));
        assertThat(t.versions().get(0).costSavedUsd()).isCloseTo(-7, within(1e-9));
        assertThat(t.versions().get(0).accuracyGain()).isCloseTo(-0.05, within(1e-9));
    }

    @Test
    void nothingToCompareIsInsufficientData() {
        Map<String, TrainingRun> onlyScratch = new LinkedHashMap<>(runs());
        onlyScratch.remove("tl-1");
        onlyScratch.remove("tl-2");
        TransferEffectiveness noTransfer = TransferEffectiveness.of("bot", VERSIONS, onlyScratch, EVALUATIONS);
        assertThat(noTransfer.status()).isEqualTo("insufficient_data");
        assertThat(noTransfer.reason()).isEqualTo("insufficient data: agent 'bot' has no version produced by a"
                + " transfer_learning run");
        assertThat(noTransfer.versions()).isEmpty();
        assertThat(noTransfer.meanTimeSavedHours()).isNull();

        Map<String, TrainingRun> onlyTransfer = new LinkedHashMap<>();
        onlyTransfer.put("tl-1", runs().get("tl-1"));
        TransferEffectiveness noScratch = TransferEffectiveness.of("bot", VERSIONS, onlyTransfer, EVALUATIONS);
        assertThat(noScratch.status()).isEqualTo("insufficient_data");
        assertThat(noScratch.reason()).startsWith("insufficient data: agent 'bot' has no completed run trained from scratch");
        assertThat(noScratch.baseline().runIds()).isEmpty();
        assertThat(TransferEffectiveness.of("bot", List.of(), Map.of(), Map.of()).status()).isEqualTo("insufficient_data");
    }
}
