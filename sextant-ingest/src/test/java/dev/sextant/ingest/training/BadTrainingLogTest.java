package dev.sextant.ingest.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.ingest.BodyTooLargeException;
import dev.sextant.ingest.MalformedBodyException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Input that is not a training log at all, or too much of one, in every format. */
class BadTrainingLogTest {
    private final TrainingLogImporter importer = new TrainingLogImporter();

    @Test
    void binaryGarbageIsRefusedInEveryFormat() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0x89; // not a BOM, not '{'
        assertThatThrownBy(() -> importer.read(ImportFormat.HF_TRAINER_STATE, Fixtures.bytes(garbage)))
                .isInstanceOf(TrainingImportException.class)
                .hasMessageStartingWith("the file is not valid JSON: ");
        assertThatThrownBy(() -> importer.read(ImportFormat.CSV, Fixtures.bytes(garbage)))
                .isInstanceOf(TrainingImportException.class)
                .hasMessage("the header (line 1) is not UTF-8 text; is this a CSV file?");
        assertThatThrownBy(() -> importer.read(ImportFormat.JSONL, Fixtures.bytes(garbage)))
                .isInstanceOf(TrainingImportException.class)
                .hasMessageStartingWith("no metric point could be read from the file as JSON Lines: ")
                .hasMessageContaining(", the first: line 1: the line is not valid JSON: ");
    }

    @Test
    void invalidUtf8InOneCsvLineSkipsThatLine() {
        byte[] csv = "step,train_loss\n1,0.5\n2,\u00ff\n3,0.25\n".getBytes(StandardCharsets.ISO_8859_1);
        ImportedRun run = importer.read(ImportFormat.CSV, Fixtures.bytes(csv));
        assertThat(run.problems()).extracting(ImportProblem::describe)
                .containsExactly("line 3: the line is not UTF-8 text; it was skipped");
        assertThat(run.pointCount()).isEqualTo(2);
    }

    @Test
    void emptyFilesAreRefused() {
        assertThatThrownBy(() -> importer.read(ImportFormat.JSONL, Fixtures.text("")))
                .isInstanceOf(TrainingImportException.class)
                .hasMessage("the file is empty; expected JSON Lines metric lines");
        assertThatThrownBy(() -> importer.read(ImportFormat.JSONL, Fixtures.text("\r\n  \n")))
                .isInstanceOf(TrainingImportException.class)
                .hasMessage("the file is empty; expected JSON Lines metric lines");
        byte[] bomOnly = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertThatThrownBy(() -> importer.read(ImportFormat.JSONL, Fixtures.bytes(bomOnly)))
                .isInstanceOf(TrainingImportException.class)
                .hasMessage("the file is empty; expected JSON Lines metric lines");
    }

    @Test
    void aHugeLineIsSkippedWithoutBeingKeptAndTheRestImported() {
        TrainingLogImporter small = new TrainingLogImporter(new ImportLimits(10L << 20, 1024, 1000, 100, 100));
        String huge = "{\"step\": 2, \"loss\": 1, \"pad\": \"" + "x".repeat(2 << 20) + "\"}";
        String jsonl = "{\"step\": 1, \"loss\": 2}\n" + huge + "\n{\"step\": 3, \"loss\": 0.5}\n";
        ImportedRun run = small.read(ImportFormat.JSONL, Fixtures.text(jsonl));
        assertThat(run.problems()).extracting(ImportProblem::describe)
                .containsExactly("line 2: the line is " + huge.length() + " bytes long; the limit is 1024 bytes; it was skipped");
        assertThat(run.points()).extracting(ImportedPoint::step).containsExactly(1L, 3L);

        String csv = "step,train_loss\n1,2\n2," + "9".repeat(5000) + "\n3,1\n";
        ImportedRun fromCsv = small.read(ImportFormat.CSV, Fixtures.text(csv));
        assertThat(fromCsv.problems()).extracting(ImportProblem::describe)
                .containsExactly("line 3: the line is 5002 bytes long; the limit is 1024 bytes; it was skipped");
        assertThat(fromCsv.points()).extracting(ImportedPoint::step).containsExactly(1L, 3L);

        assertThatThrownBy(() -> small.read(ImportFormat.CSV, Fixtures.text("step," + "x".repeat(2000) + "\n1,2\n")))
                .isInstanceOf(TrainingImportException.class)
                .hasMessage("the header (line 1) is longer than the limit of 1024 bytes");
    }

    @Test
    void aHugeStringInTrainerStateBreaksTheParserLimit() {
        TrainingLogImporter small = new TrainingLogImporter(new ImportLimits(10L << 20, 1024, 1000, 100, 100));
        String json = "{\"trial_name\": \"" + "x".repeat(5000) + "\", \"log_history\": []}";
        assertThatThrownBy(() -> small.read(ImportFormat.HF_TRAINER_STATE, Fixtures.text(json)))
                .isInstanceOf(TrainingImportException.class)
                .hasMessageMatching("the file breaks a parser limit \\(line 1, column \\d+\\): String value length"
                        + " \\(\\d+\\) exceeds the maximum allowed \\(1024\\)");
    }

    @Test
    void aFileOverTheByteLimitIsRefusedWhileReading() {
        TrainingLogImporter small = new TrainingLogImporter(new ImportLimits(1000, 1024, 1000, 100, 100));
        String jsonl = "{\"step\": 1, \"loss\": 2}\n".repeat(100);
        for (ImportFormat format : ImportFormat.values()) {
            String body = format == ImportFormat.CSV ? "step,loss\n" + "1,2\n".repeat(500)
                    : format == ImportFormat.JSONL ? jsonl : "{\"log_history\": [" + "{\"step\": 1},".repeat(200) + "]}";
            assertThatThrownBy(() -> small.read(format, Fixtures.text(body)))
                    .as(format.wireName())
                    .isInstanceOfSatisfying(TrainingImportTooLargeException.class, e -> assertThat(e.limitBytes()).isEqualTo(1000))
                    .isInstanceOf(BodyTooLargeException.class)
                    .hasMessage("the training log is larger than the import limit of 1000 bytes; split it, or raise the limit");
        }
    }

    @Test
    void anEndlessStreamStopsAtTheLimit() {
        TrainingLogImporter small = new TrainingLogImporter(new ImportLimits(1 << 20, 1024, 1_000_000, 100, 100));
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return '\n';
            }
        };
        assertThatThrownBy(() -> small.read(ImportFormat.JSONL, endless)).isInstanceOf(TrainingImportTooLargeException.class);
    }

    @Test
    void aFailingStreamIsAnIoFailureNotABadFile() {
        for (ImportFormat format : ImportFormat.values()) {
            InputStream failing = new java.io.SequenceInputStream(Fixtures.text("{\"log_history\": [\n"), new InputStream() {
                @Override
                public int read() throws java.io.IOException {
                    throw new java.io.IOException("connection reset");
                }
            });
            assertThatThrownBy(() -> importer.read(format, failing))
                    .as(format.wireName())
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageEndingWith("connection reset")
                    .hasRootCauseInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void readCollectsOnlyUpToThePointLimit() {
        TrainingLogImporter small = new TrainingLogImporter(new ImportLimits(1 << 20, 1024, 5, 100, 100));
        String jsonl = "{\"step\": 1, \"a\": 1, \"b\": 2, \"c\": 3}\n".repeat(2);
        assertThatThrownBy(() -> small.read(ImportFormat.JSONL, Fixtures.text(jsonl)))
                .isInstanceOf(TrainingImportException.class)
                .hasMessage("the file holds more than 5 metric points, more than are read into memory at once;"
                        + " stream it in batches instead");
    }

    @Test
    void wholeFileErrorsAreMalformedBodies() {
        // The server maps MalformedBodyException to 400 and BodyTooLargeException to 413 already.
        assertThat(MalformedBodyException.class).isAssignableFrom(TrainingImportException.class);
        assertThat(BodyTooLargeException.class).isAssignableFrom(TrainingImportTooLargeException.class);
    }

    @Test
    void formatsByWireName() {
        assertThat(ImportFormat.fromWire("hf_trainer_state")).isEqualTo(ImportFormat.HF_TRAINER_STATE);
        assertThat(ImportFormat.fromWire(" CSV ")).isEqualTo(ImportFormat.CSV);
        assertThat(ImportFormat.fromWire("jsonl")).isEqualTo(ImportFormat.JSONL);
        assertThatThrownBy(() -> ImportFormat.fromWire("parquet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("format must be one of hf_trainer_state, csv, jsonl, was 'parquet'");
        assertThatThrownBy(() -> ImportFormat.fromWire(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("format must be one of hf_trainer_state, csv, jsonl, was missing");
    }
}
