package dev.sextant.ingest.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Hugging Face Trainer trainer_state.json: facts, curves, summary, and its broken forms. */
class TrainerStateImportTest {
    private final TrainingLogImporter importer = new TrainingLogImporter();

    @Test
    void readsTheRunFactsAndHyperparameters() {
        ImportedRun run = importer.read(ImportFormat.HF_TRAINER_STATE, Fixtures.file("trainer_state.json"));

        assertThat(run.format()).isEqualTo(ImportFormat.HF_TRAINER_STATE);
        assertThat(run.totalSteps()).isEqualTo(60L);
        assertThat(run.lastStep()).isEqualTo(60L);
        assertThat(run.epochs()).isEqualTo(3.0);
        assertThat(run.lastEpoch()).isEqualTo(3.0);
        assertThat(run.bestMetric()).isEqualTo(0.8125);
        assertThat(run.bestModelCheckpoint()).isEqualTo("outputs/run-7/checkpoint-40");
        assertThat(run.bestStep()).isEqualTo(40L);
        assertThat(run.hyperparameters()).containsExactly(
                Map.entry("eval_steps", 20L),
                Map.entry("logging_steps", 10L),
                Map.entry("max_steps", 60L),
                Map.entry("num_train_epochs", 3L),
                Map.entry("save_steps", 20L),
                Map.entry("train_batch_size", 16L),
                Map.entry("learning_rate", 5e-05),
                Map.entry("lr_scheduler_type", "linear"),
                Map.entry("per_device_train_batch_size", 16L),
                Map.entry("seed", 42L),
                Map.entry("warmup_ratio", 0.1));
        assertThat(run.problems()).isEmpty();
        assertThat(run.problemCount()).isZero();
    }

    @Test
    void mapsLogHistoryOntoCanonicalCurvesKeepingNanAndInfinity() {
        ImportedRun run = importer.read(ImportFormat.HF_TRAINER_STATE, Fixtures.file("trainer_state.json"));

        assertThat(run.points()).filteredOn(p -> p.name().equals("train_loss"))
                .extracting(ImportedPoint::step, ImportedPoint::epoch, ImportedPoint::value)
                .containsExactly(tuple(10L, 0.5, 2.3125), tuple(20L, 1.0, 1.75), tuple(30L, 1.5, 1.25),
                        tuple(40L, 2.0, 1.0), tuple(60L, 3.0, 0.875));
        assertThat(run.points()).filteredOn(p -> p.name().equals("val_loss"))
                .extracting(ImportedPoint::step, ImportedPoint::value)
                .containsExactly(tuple(20L, 1.5), tuple(40L, 1.125), tuple(60L, 1.25));
        assertThat(run.points()).filteredOn(p -> p.name().equals("grad_norm"))
                .extracting(ImportedPoint::value)
                .containsExactly(4.25, Double.NaN, Double.POSITIVE_INFINITY, 1.5, 1.25);
        assertThat(run.points()).filteredOn(p -> p.name().equals("val_runtime"))
                .extracting(ImportedPoint::value).containsExactly(2.5, 2.25, 2.0);
        assertThat(run.points()).allSatisfy(p -> assertThat(p.timestamp()).isNull());
        assertThat(run.metricNames()).containsExactly("grad_norm", "learning_rate", "train_loss", "val_accuracy",
                "val_loss", "val_runtime", "val_samples_per_second", "val_steps_per_second");
        // 5 training logs × 3 metrics + 3 evaluations × 5 metrics; the train() summary is no curve point.
        assertThat(run.pointCount()).isEqualTo(30).isEqualTo(run.points().size());
    }

    @Test
    void theFinalTrainSummaryGoesToTheSummaryNotTheCurve() {
        ImportedRun run = importer.read(ImportFormat.HF_TRAINER_STATE, Fixtures.file("trainer_state.json"));

        assertThat(run.summary()).containsOnly(
                Map.entry("total_flos", 123456789.0),
                Map.entry("mean_train_loss", 1.4375),
                Map.entry("train_runtime", 95.5),
                Map.entry("train_samples_per_second", 50.25),
                Map.entry("train_steps_per_second", 0.628),
                Map.entry("num_input_tokens_seen", 0.0));
        assertThat(run.points()).noneMatch(p -> p.name().equals("train_loss") && p.value() == 1.4375);
    }

    @Test
    void readsAnOlderStateWithNullsAndNoBestCheckpoint() {
        ImportedRun run = importer.read(ImportFormat.HF_TRAINER_STATE, Fixtures.file("trainer_state_old.json"));

        assertThat(run.bestMetric()).isNull();
        assertThat(run.bestModelCheckpoint()).isNull();
        assertThat(run.bestStep()).isNull();
        assertThat(run.totalSteps()).isEqualTo(200L);
        assertThat(run.lastEpoch()).isEqualTo(1.6);
        assertThat(run.hyperparameters()).containsOnlyKeys("max_steps", "num_train_epochs");
        assertThat(run.points()).extracting(ImportedPoint::name, ImportedPoint::step, ImportedPoint::value)
                .containsExactly(tuple("learning_rate", 100L, 2.5e-05), tuple("train_loss", 100L, 0.6931),
                        tuple("learning_rate", 200L, 0.0), tuple("train_loss", 200L, 0.5));
        assertThat(run.problems()).isEmpty();
    }

    @Test
    void aBestCheckpointWithoutBestGlobalStepGivesTheStepFromItsName() {
        String json = "{\"best_metric\": 0.5, \"best_model_checkpoint\": \"out/checkpoint-1500\", \"log_history\": []}";
        ImportedRun run = importer.read(ImportFormat.HF_TRAINER_STATE, Fixtures.text(json));
        assertThat(run.bestStep()).isEqualTo(1500L);
        assertThat(run.pointCount()).isZero();
        assertThat(run.lastStep()).isNull();
    }

    @Test
    void badEntriesAreReportedWithTheirJsonPointerAndSkipped() {
        ImportedRun run = importer.read(ImportFormat.HF_TRAINER_STATE, Fixtures.file("trainer_state_bad_entries.json"));

        assertThat(run.problems()).extracting(ImportProblem::line, ImportProblem::pointer, ImportProblem::message)
                .containsExactly(
                        tuple(null, "/global_step", "global_step must be a whole number, was a string 'forty'"),
                        tuple(null, "/log_history/1", "a log_history entry must be an object, was a string 'not an entry'"),
                        tuple(null, "/log_history/2/step", "step must be a whole number, was a string '20'; the entry was skipped"),
                        tuple(null, "/log_history/3/loss", "loss must be a number, was a string '1.25'"),
                        tuple(null, "/log_history/4/epoch", "epoch must be a finite number from 0, was -1; the entry was kept without it"),
                        tuple(null, "/log_history/5/step", "step must be a whole number, was 40.5; the entry was skipped"),
                        tuple(null, "/log_history/6/step", "step must not be negative, was -5; the entry was skipped"));
        assertThat(run.problemCount()).isEqualTo(7);
        assertThat(run.points()).extracting(ImportedPoint::step, ImportedPoint::epoch, ImportedPoint::name, ImportedPoint::value)
                .containsExactly(tuple(10L, 0.25, "train_loss", 2.0), tuple(30L, 0.75, "learning_rate", 3e-05),
                        tuple(40L, null, "train_loss", 1.0));
        assertThat(run.totalSteps()).isEqualTo(40L);
        assertThat(run.lastStep()).as("no valid global_step: the largest step read").isEqualTo(40L);
        assertThat(problemDescriptions(run)).first().isEqualTo("/global_step: global_step must be a whole number, was a string 'forty'");
    }

    @Test
    void aTruncatedFileIsRefusedWithWhereItEnds() {
        assertThatThrownBy(() -> importer.read(ImportFormat.HF_TRAINER_STATE, Fixtures.file("trainer_state_truncated.json")))
                .isInstanceOf(TrainingImportException.class)
                .hasMessage("the file is not valid JSON: Unexpected end-of-input in property name (line 32, column 16)");
    }

    @Test
    void documentsThatAreNotATrainerStateAreRefused() {
        assertRefused("", "the file is empty; expected a trainer_state.json object");
        assertRefused("   \n", "the file is empty; expected a trainer_state.json object");
        assertRefused("[]", "a trainer_state.json must be a JSON object, was an array (line 1, column 1)");
        assertRefused("{\"global_step\": 5}", "the file has no log_history array; is it a Hugging Face"
                + " trainer_state.json (from a checkpoint-N directory)?");
        assertRefused("{\"log_history\": []} {}", "the file has content after its JSON object (line 1, column 21)");
        assertRefused("{\"log_history\": [}", "the file is not valid JSON: Unexpected close marker '}': expected ']' (line 1, column 18)");
        assertThatThrownBy(() -> importer.read(ImportFormat.HF_TRAINER_STATE, Fixtures.text("step,loss\n1,2\n")))
                .isInstanceOf(TrainingImportException.class)
                .hasMessageStartingWith("the file is not valid JSON: Unrecognized token 'step'");
    }

    @Test
    void aLogHistoryOfTheWrongTypeIsReported() {
        ImportedRun run = importer.read(ImportFormat.HF_TRAINER_STATE, Fixtures.text("{\"log_history\": {}, \"log_history\": []}"));
        assertThat(problemDescriptions(run)).containsExactly("/log_history: log_history must be an array, was an object");
    }

    @Test
    void aByteOrderMarkIsTolerated() {
        byte[] json = "{\"log_history\": [{\"step\": 1, \"loss\": 0.5}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        ImportedRun run = importer.read(ImportFormat.HF_TRAINER_STATE, Fixtures.bytes(withBom));
        assertThat(run.points()).extracting(ImportedPoint::name, ImportedPoint::value).containsExactly(tuple("train_loss", 0.5));
    }

    private void assertRefused(String body, String message) {
        assertThatThrownBy(() -> importer.read(ImportFormat.HF_TRAINER_STATE, Fixtures.text(body)))
                .isInstanceOf(TrainingImportException.class)
                .hasMessage(message);
    }

    private static List<String> problemDescriptions(ImportedRun run) {
        return run.problems().stream().map(ImportProblem::describe).toList();
    }
}
