package dev.sextant.ingest.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON Lines in its long, wide and flat shapes, with Python's NaN/Infinity and bad lines among good ones. */
class JsonLinesImportTest {
    private final TrainingLogImporter importer = new TrainingLogImporter();

    @Test
    void longLinesWithTimesInBothFormsAndNonFiniteValues() {
        ImportedRun run = importer.read(ImportFormat.JSONL, Fixtures.file("metrics_long.jsonl"));

        assertThat(run.problems()).isEmpty();
        assertThat(run.points())
                .extracting(ImportedPoint::step, ImportedPoint::epoch, ImportedPoint::name, ImportedPoint::value, ImportedPoint::timestamp)
                .containsExactly(
                        tuple(1L, 0.1, "train_loss", 2.0, Instant.parse("2026-11-01T10:00:00Z")),
                        tuple(1L, null, "learning_rate", 1e-4, null),
                        tuple(2L, 0.2, "train_loss", Double.NaN, Instant.parse("2026-11-01T10:00:00.500Z")),
                        tuple(2L, null, "val_loss", Double.NEGATIVE_INFINITY, null));
    }

    @Test
    void wideLinesAndAHyperparameterLine() {
        ImportedRun run = importer.read(ImportFormat.JSONL, Fixtures.file("metrics_wide.jsonl"));

        assertThat(run.problems()).isEmpty();
        assertThat(run.hyperparameters()).containsExactly(
                Map.entry("learning_rate", 0.0003),
                Map.entry("batch_size", 32L),
                Map.entry("optimizer", "adamw"),
                Map.entry("lora", Map.of("r", 8L, "alpha", 16L)));
        assertThat(run.points())
                .extracting(ImportedPoint::step, ImportedPoint::epoch, ImportedPoint::name, ImportedPoint::value, ImportedPoint::timestamp)
                .containsExactly(
                        tuple(10L, 0.5, "train_loss", 1.5, Instant.parse("2026-11-01T10:00:00Z")),
                        tuple(10L, 0.5, "grad_norm", 0.75, Instant.parse("2026-11-01T10:00:00Z")),
                        tuple(20L, 1.0, "train_loss", 1.25, null),
                        tuple(20L, 1.0, "val_loss", 1.375, null));
    }

    @Test
    void flatLinesUseTheCanonicalNames() {
        ImportedRun run = importer.read(ImportFormat.JSONL, Fixtures.file("metrics_flat.jsonl"));

        assertThat(run.problems()).isEmpty();
        assertThat(run.metricNames()).containsExactly("grad_norm", "learning_rate", "train_loss", "val_loss", "val_runtime");
        assertThat(run.points()).filteredOn(p -> p.name().equals("train_loss"))
                .extracting(ImportedPoint::step, ImportedPoint::value).containsExactly(tuple(5L, 3.0), tuple(10L, 2.5));
        assertThat(run.lastStep()).isEqualTo(10L);
        assertThat(run.lastEpoch()).isEqualTo(0.5);
    }

    @Test
    void aMalformedLineInTheMiddleIsReportedWithItsNumberAndTheRestImported() {
        ImportedRun run = importer.read(ImportFormat.JSONL, Fixtures.file("metrics_with_bad_lines.jsonl"));

        assertThat(run.problems()).extracting(ImportProblem::line).containsExactly(3L, 6L, 7L, 9L);
        assertThat(run.problems()).extracting(ImportProblem::describe).satisfiesExactly(
                p -> assertThat(p).startsWith("line 3: the line is not valid JSON: Unexpected end-of-input").endsWith("; it was skipped"),
                p -> assertThat(p).isEqualTo("line 6: a line must hold a JSON object, was an array; it was skipped"),
                p -> assertThat(p).isEqualTo("line 7 /value: value must be a number (NaN and Infinity allowed), was"
                        + " a string '1.2'; the line was skipped"),
                p -> assertThat(p).startsWith("line 9: the line is not valid JSON: Unexpected end-of-input"));
        assertThat(run.points()).extracting(ImportedPoint::step, ImportedPoint::value)
                .containsExactly(tuple(1L, 2.0), tuple(2L, 1.8), tuple(4L, 1.4), tuple(6L, 1.0));
    }

    @Test
    void wrongTypesAreReportedByPointer() {
        String jsonl = String.join("\n",
                "{\"step\": \"1\", \"loss\": 1}",
                "{\"step\": 2, \"epoch\": \"one\", \"loss\": 1, \"split\": \"train\", \"ok\": true}",
                "{\"step\": 3, \"metrics\": [1, 2]}",
                "{\"step\": 4, \"name\": 5, \"value\": 1}",
                "{\"step\": 5, \"name\": \"loss\"}",
                "{\"step\": 6, \"timestamp\": \"yesterday\", \"metrics\": {\"a/b\": 1, \"c\": {}}}",
                "{\"step\": 12345678901234567890, \"loss\": 1}",
                "{\"step\": 8, \"timestamp\": \"2026-11-01T10:00:00\", \"loss\": 1}",
                "{\"hyperparameters\": 5}",
                "{\"loss\": 1}");
        ImportedRun run = importer.read(ImportFormat.JSONL, Fixtures.text(jsonl));

        assertThat(run.problems()).extracting(ImportProblem::describe).containsExactly(
                "line 1 /step: step must be a whole number, was a string '1'; the line was skipped",
                "line 2 /epoch: epoch must be a number, was a string 'one'; the line was kept without it",
                "line 2 /split: split must be a number, was a string 'train'",
                "line 2 /ok: ok must be a number, was a boolean",
                "line 3 /metrics: metrics must be an object of name → number, was an array; the line was skipped",
                "line 4 /name: name must be a string, was 5; the line was skipped",
                "line 5 /value: value must be a number (NaN and Infinity allowed), was missing; the line was skipped",
                "line 6 /timestamp: " + Values.TIME_RULE + ", was a string 'yesterday'; the line was kept without it",
                "line 6 /metrics/c: c must be a number, was an object",
                "line 7 /step: step is too large, was 12345678901234567890; the line was skipped",
                "line 8 /timestamp: " + Values.TIME_RULE + ", was a string '2026-11-01T10:00:00'; the line was kept without it",
                "line 9 /hyperparameters: hyperparameters must be an object, was 5",
                "line 10 /step: step is missing; the line was skipped");
        assertThat(run.points()).extracting(ImportedPoint::step, ImportedPoint::epoch, ImportedPoint::name)
                .containsExactly(tuple(2L, null, "train_loss"), tuple(6L, null, "a/b"), tuple(8L, null, "train_loss"));
    }

    @Test
    void problemsBeyondTheLimitAreCountedNotKept() {
        TrainingLogImporter strict = new TrainingLogImporter(new ImportLimits(1 << 20, 1 << 10, 1000, 100, 3));
        String jsonl = "{\"step\": 1, \"loss\": 1}\n" + "nonsense\n".repeat(10);
        ImportedRun run = strict.read(ImportFormat.JSONL, Fixtures.text(jsonl));
        assertThat(run.problems()).hasSize(3).extracting(ImportProblem::line).containsExactly(2L, 3L, 4L);
        assertThat(run.problemCount()).isEqualTo(10);
        assertThat(run.pointCount()).isEqualTo(1);
    }

    @Test
    void metricNamesBeyondTheLimitAreReported() {
        TrainingLogImporter strict = new TrainingLogImporter(new ImportLimits(1 << 20, 1 << 10, 1000, 2, 10));
        ImportedRun run = strict.read(ImportFormat.JSONL, Fixtures.text("{\"step\": 1, \"a\": 1, \"b\": 2, \"c\": 3}\n{\"step\": 2, \"a\": 4}"));
        assertThat(run.metricNames()).isEqualTo(List.of("a", "b"));
        assertThat(run.problems()).extracting(ImportProblem::describe)
                .containsExactly("line 1 /c: metric 'c' is one name too many: a run may have 2 metric names");
        assertThat(run.pointCount()).isEqualTo(3);
    }
}
