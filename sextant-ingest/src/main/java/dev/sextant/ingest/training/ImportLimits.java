package dev.sextant.ingest.training;

/**
 * Limits of one training-log import.
 *
 * @param maxBytes longest file read (default 2 GiB); longer → {@link TrainingImportTooLargeException} (413)
 * @param maxLineBytes longest CSV / JSON Lines line (default 1 MiB); a longer line is skipped
 *     (read to its end without keeping it) and reported; for trainer_state.json, the longest
 *     string value
 * @param maxPoints most points {@link TrainingLogImporter#read} collects in memory (default
 *     1,000,000); more → {@link TrainingImportException}; {@link TrainingLogImporter#stream} has no
 *     such limit
 * @param maxMetricNames most distinct metric names (default 10,000); points of further names are
 *     skipped and reported
 * @param maxProblems most problems kept in the result (default 1,000); all are counted
 */
public record ImportLimits(long maxBytes, int maxLineBytes, long maxPoints, int maxMetricNames, int maxProblems) {

    public ImportLimits {
        positive("max_bytes", maxBytes);
        positive("max_line_bytes", maxLineBytes);
        positive("max_points", maxPoints);
        positive("max_metric_names", maxMetricNames);
        positive("max_problems", maxProblems);
    }

    public static ImportLimits defaults() {
        return new ImportLimits(2L * 1024 * 1024 * 1024, 1024 * 1024, 1_000_000, 10_000, 1_000);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
