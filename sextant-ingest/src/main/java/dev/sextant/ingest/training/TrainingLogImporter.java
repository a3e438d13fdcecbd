package dev.sextant.ingest.training;

import dev.sextant.ingest.LimitedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads existing training logs — a Hugging Face {@code trainer_state.json}, a Lightning or long
 * {@code metrics.csv}, a JSON Lines metric stream — into an {@link ImportedRun}. Plain Java,
 * thread-safe, reusable. A bad line or entry is reported as an {@link ImportProblem} and skipped;
 * the rest is imported. The file as a whole is refused ({@link TrainingImportException}, 400)
 * when it is empty, not of the format, has no step column, or not one point of it could be read
 * although something was wrong; and ({@link TrainingImportTooLargeException}, 413) past
 * {@link ImportLimits#maxBytes()}.
 */
public final class TrainingLogImporter {
    /** Points handed to a sink at a time, unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    private final ImportLimits limits;
    private final JsonMapper mapper;

    public TrainingLogImporter(ImportLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.mapper = ImportJson.mapper(limits);
    }

    public TrainingLogImporter() {
        this(ImportLimits.defaults());
    }

    /**
     * Reads the whole file and returns it with its points, in file order (at most
     * {@link ImportLimits#maxPoints()}; more → {@link TrainingImportException}: use {@link #stream}).
     */
    public ImportedRun read(ImportFormat format, InputStream in) {
        List<ImportedPoint> points = new ArrayList<>();
        ImportCollector collector = new ImportCollector(limits, DEFAULT_BATCH_SIZE, batch -> {
            if (points.size() + batch.size() > limits.maxPoints()) {
                throw new TrainingImportException("the file holds more than " + limits.maxPoints()
                        + " metric points, more than are read into memory at once; stream it in batches instead");
            }
            points.addAll(batch);
        });
        return run(format, in, collector, points);
    }

    /**
     * Reads the file and hands its points to {@code sink} in batches of at most {@code batchSize},
     * in file order, as they are read: memory stays constant however long the log. The result has
     * no points ({@link ImportedRun#pointCount()} says how many the sink received). An exception
     * thrown by the sink ends the import and reaches the caller unchanged; when this method
     * throws, discard what the sink received.
     */
    public ImportedRun stream(ImportFormat format, InputStream in, int batchSize, Consumer<List<ImportedPoint>> sink) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch_size must be positive, was " + batchSize);
        }
        Objects.requireNonNull(sink, "sink");
        return run(format, in, new ImportCollector(limits, batchSize, sink), List.of());
    }

    private ImportedRun run(ImportFormat format, InputStream in, ImportCollector collector, List<ImportedPoint> points) {
        Objects.requireNonNull(format, "format");
        InputStream limited = new LimitedInputStream(in, limits.maxBytes(), TrainingImportTooLargeException::new);
        try {
            switch (format) {
                case HF_TRAINER_STATE -> new TrainerStateReader(mapper).read(limited, collector);
                case CSV -> {
                    new CsvMetricsReader().read(limited, collector);
                    nothingRead(collector, "CSV", false);
                }
                case JSONL -> {
                    new JsonLinesReader(mapper).read(limited, collector);
                    nothingRead(collector, "JSON Lines", true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the training log failed: " + e.getMessage(), e);
        }
        return collector.finish(format, points);
    }

    /** Refuses a file of which nothing could be read: binary garbage, another format. */
    private static void nothingRead(ImportCollector collector, String format, boolean emptyIsError) {
        if (collector.pointCount() == 0 && collector.hyperparameters.isEmpty()) {
            ImportProblem first = collector.firstProblem();
            if (emptyIsError && collector.problemCount() == 0) {
                throw new TrainingImportException("the file is empty; expected " + format + " metric lines");
            }
            if (first != null) {
                throw new TrainingImportException("no metric point could be read from the file as " + format + ": "
                        + collector.problemCount() + (collector.problemCount() == 1 ? " problem: " : " problems, the first: ")
                        + first.describe());
            }
        }
    }
}
