package dev.sextant.ingest.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Lightning's wide metrics.csv (CRLF, empty cells, _step/_epoch) and the long step,name,value CSV. */
class CsvImportTest {
    private final TrainingLogImporter importer = new TrainingLogImporter();

    @Test
    void lightningStepSeriesBecomeTheCanonicalCurveAndEpochMeansKeepTheirSuffix() {
        ImportedRun run = importer.read(ImportFormat.CSV, Fixtures.file("lightning_metrics.csv"));

        assertThat(run.problems()).isEmpty();
        assertThat(run.metricNames()).containsExactly("train_loss", "train_loss_epoch", "val_acc", "val_loss");
        assertThat(run.points()).extracting(ImportedPoint::step, ImportedPoint::epoch, ImportedPoint::name, ImportedPoint::value)
                .containsExactly(
                        tuple(9L, 0.0, "train_loss", 2.25),
                        tuple(19L, 0.0, "train_loss", 1.75),
                        tuple(19L, 0.0, "val_acc", 0.5),
                        tuple(19L, 0.0, "val_loss", 1.625),
                        tuple(19L, 0.0, "train_loss_epoch", 2.0),
                        tuple(29L, 1.0, "train_loss", Double.NaN),
                        tuple(39L, 1.0, "train_loss", 1.125),
                        tuple(39L, 1.0, "val_acc", 0.75),
                        tuple(39L, 1.0, "val_loss", 1.25),
                        tuple(39L, 1.0, "train_loss_epoch", 1.375));
        assertThat(run.lastStep()).isEqualTo(39L);
        assertThat(run.lastEpoch()).isEqualTo(1.0);
        assertThat(run.totalSteps()).isNull();
        assertThat(run.hyperparameters()).isEmpty();
    }

    @Test
    void anEpochSeriesAloneTakesTheCanonicalName() {
        String csv = "step,epoch,train_loss_epoch,val_loss,lr\n10,0,1.5,1.75,0.001\n";
        ImportedRun run = importer.read(ImportFormat.CSV, Fixtures.text(csv));
        assertThat(run.points()).extracting(ImportedPoint::name)
                .containsExactly("train_loss", "val_loss", "learning_rate");
    }

    @Test
    void aColumnWhoseCanonicalNameIsTakenKeepsItsOwnName() {
        ImportedRun run = importer.read(ImportFormat.CSV, Fixtures.text("step,train_loss,loss\n1,0.5,0.25\n"));
        assertThat(run.points()).extracting(ImportedPoint::name, ImportedPoint::value)
                .containsExactly(tuple("train_loss", 0.5), tuple("loss", 0.25));
    }

    @Test
    void longFormatWithByteOrderMarkTimestampsAndInfinity() {
        ImportedRun run = importer.read(ImportFormat.CSV, Fixtures.file("long_metrics.csv"));

        assertThat(run.problems()).isEmpty();
        assertThat(run.points())
                .extracting(ImportedPoint::step, ImportedPoint::epoch, ImportedPoint::name, ImportedPoint::value, ImportedPoint::timestamp)
                .containsExactly(
                        tuple(0L, 0.0, "train_loss", 2.5, Instant.parse("2026-11-01T10:00:00Z")),
                        tuple(100L, 0.5, "train_loss", 1.5, Instant.parse("2026-11-01T10:05:00Z")),
                        tuple(100L, 0.5, "val_loss", 1.75, Instant.parse("2026-11-01T10:05:00Z")),
                        tuple(200L, 1.0, "train_loss", Double.POSITIVE_INFINITY, null),
                        tuple(200L, null, "custom/reward", -0.25, Instant.parse("2026-11-01T10:10:00Z")));
    }

    @Test
    void badRowsAndCellsAreReportedWithTheirLineAndTheRestImported() {
        String csv = "step,epoch,train_loss,val_loss\r\n"
                + "1,0,2.0,\r\n"
                + "x,0,1.9,\r\n"
                + "3,0,abc,1.5\r\n"
                + "4,0,1.7\r\n"
                + "-5,0,1.6,\r\n"
                + "6,zero,1.5,\r\n"
                + "\"7,0,1.4,\r\n"
                + "8,0,0x1p3,1e400\r\n"
                + ",0,1.2,\r\n"
                + "\r\n"
                + "10,0.5,1.0,0.5\r\n";
        ImportedRun run = importer.read(ImportFormat.CSV, Fixtures.text(csv));

        assertThat(run.problems()).extracting(ImportProblem::describe).containsExactly(
                "line 3: step must be a whole number, was 'x'; the line was skipped",
                "line 4: column train_loss must be a number, was 'abc'",
                "line 5: the line has 3 cells, the header 4; it was skipped",
                "line 6: step must not be negative, was -5; the line was skipped",
                "line 7: epoch must be a number, was 'zero'; the line was kept without it",
                "line 8: the line is not valid CSV: EOF reached before encapsulated token finished; it was skipped",
                "line 9: column train_loss must be a number, was '0x1p3'",
                "line 10: step is empty; the line was skipped");
        assertThat(run.points()).extracting(ImportedPoint::step, ImportedPoint::epoch, ImportedPoint::name, ImportedPoint::value)
                .containsExactly(
                        tuple(1L, 0.0, "train_loss", 2.0),
                        tuple(3L, 0.0, "val_loss", 1.5),
                        tuple(6L, null, "train_loss", 1.5),
                        tuple(8L, 0.0, "val_loss", Double.POSITIVE_INFINITY),
                        tuple(10L, 0.5, "train_loss", 1.0),
                        tuple(10L, 0.5, "val_loss", 0.5));
    }

    @Test
    void longFormatProblems() {
        String csv = "step,name,value,run_id\n1,loss,0.5,a\n2,loss,,a\n3,,0.5,a\n4,bad\u0001name,0.5,a\n";
        ImportedRun run = importer.read(ImportFormat.CSV, Fixtures.text(csv));
        assertThat(run.problems()).extracting(ImportProblem::describe).containsExactly(
                "line 1: column 'run_id' is not one of step, name, value, epoch, timestamp; it was ignored",
                "line 3: value must be a number, was ''; the line was skipped",
                "line 4: the metric name is blank",
                "line 5: the metric name 'bad\\u0001name' contains a control character");
        assertThat(run.points()).extracting(ImportedPoint::name).containsExactly("train_loss");
    }

    @Test
    void aHeaderWithoutStepIsRefused() {
        assertThatThrownBy(() -> importer.read(ImportFormat.CSV, Fixtures.text("epoch,train_loss\n0,1.5\n")))
                .isInstanceOf(TrainingImportException.class)
                .hasMessage("the header has no step column; expected a Lightning metrics.csv (step, epoch and one column"
                        + " per metric) or step,name,value[,epoch,timestamp]; the header was: epoch,train_loss");
        assertThatThrownBy(() -> importer.read(ImportFormat.CSV, Fixtures.text("step,loss,loss\n1,2,3\n")))
                .isInstanceOf(TrainingImportException.class)
                .hasMessage("the header names column 'loss' twice");
    }

    @Test
    void emptyFilesAndHeaderOnlyFiles() {
        assertThatThrownBy(() -> importer.read(ImportFormat.CSV, Fixtures.text("")))
                .isInstanceOf(TrainingImportException.class)
                .hasMessage("the file is empty; expected a CSV header with a step column");
        assertThatThrownBy(() -> importer.read(ImportFormat.CSV, Fixtures.text("\r\n\r\n")))
                .isInstanceOf(TrainingImportException.class)
                .hasMessage("the file is empty; expected a CSV header with a step column");
        ImportedRun headerOnly = importer.read(ImportFormat.CSV, Fixtures.text("step,epoch,train_loss\r\n"));
        assertThat(headerOnly.pointCount()).isZero();
        assertThat(headerOnly.problems()).isEmpty();
    }

    @Test
    void aFileWithAHeaderButNoReadableRowIsRefused() {
        assertThatThrownBy(() -> importer.read(ImportFormat.CSV, Fixtures.text("step,train_loss\nx,1\ny,2\n")))
                .isInstanceOf(TrainingImportException.class)
                .hasMessage("no metric point could be read from the file as CSV: 2 problems, the first:"
                        + " line 2: step must be a whole number, was 'x'; the line was skipped");
    }

    @Test
    void quotedCellsAreReadAsCsv() {
        String csv = "\"step\",\"epoch\",\"val,acc\"\r\n\"5\",\"0\",\"0.5\"\r\n6,0,0.75\r\n";
        ImportedRun run = importer.read(ImportFormat.CSV, Fixtures.text(csv));
        assertThat(run.problems()).isEmpty();
        assertThat(run.points()).extracting(ImportedPoint::step, ImportedPoint::name, ImportedPoint::value)
                .containsExactly(tuple(5L, "val,acc", 0.5), tuple(6L, "val,acc", 0.75));
    }
}
