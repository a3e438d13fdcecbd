package dev.sextant.server.training;

import dev.sextant.ingest.LimitedInputStream;
import dev.sextant.ingest.training.ImportFormat;
import dev.sextant.ingest.training.ImportLimits;
import dev.sextant.ingest.training.ImportedPoint;
import dev.sextant.ingest.training.ImportedRun;
import dev.sextant.ingest.training.TrainingImportException;
import dev.sextant.ingest.training.TrainingImportTooLargeException;
import dev.sextant.ingest.training.TrainingLogImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * An uploaded training log, copied to a temporary file (size-capped) so it can be read twice:
 * once to check the whole file and learn the run's facts before anything is stored (a bad file
 * stores nothing, and trainer_state.json names max_steps after its log), once to append the
 * points in batches. Memory stays constant however long the log; close deletes the copy.
 */
final class ImportedFile implements AutoCloseable {
    static final int BATCH = 10_000;

    private final Path file;
    private final ImportFormat format;
    private final TrainingLogImporter importer;

    private ImportedFile(Path file, ImportFormat format, TrainingLogImporter importer) {
        this.file = file;
        this.format = format;
        this.importer = importer;
    }

    /** Copies the body (over {@code maxBytes}: 413 while reading) to a temporary file. */
    static ImportedFile receive(InputStream body, ImportFormat format, long maxBytes) throws IOException {
        ImportLimits d = ImportLimits.defaults();
        TrainingLogImporter importer = new TrainingLogImporter(new ImportLimits(maxBytes, d.maxLineBytes(), d.maxPoints(),
                d.maxMetricNames(), d.maxProblems()));
        Path file = Files.createTempFile("sextant-import-", ".log");
        try (InputStream in = new LimitedInputStream(body, maxBytes, TrainingImportTooLargeException::new);
                OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new ImportedFile(file, format, importer);
    }

    /** Reads the whole file without keeping a point: its facts, or the 400 that refuses it. */
    ImportedRun check() {
        try {
            return read(batch -> {});
        } catch (TrainingImportException e) {
            throw new TrainingImportException("the file cannot be imported as format=" + format.wireName() + " ("
                    + expected(format) + "): " + e.getMessage(), e);
        }
    }

    private static String expected(ImportFormat format) {
        return switch (format) {
            case HF_TRAINER_STATE -> "a Hugging Face Trainer trainer_state.json";
            case CSV -> "a Lightning metrics.csv or a step,name,value CSV";
            case JSONL -> "JSON Lines, one metric record per line";
        };
    }

    /** Reads the file again and hands its points to {@code sink} in batches of {@link #BATCH}. */
    ImportedRun read(Consumer<List<ImportedPoint>> sink) {
        try (InputStream in = Files.newInputStream(file)) {
            return importer.stream(format, in, BATCH, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded training log back failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is not worth failing the request for
        }
    }
}
