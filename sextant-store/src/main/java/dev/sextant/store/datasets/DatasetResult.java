package dev.sextant.store.datasets;

/** What a finished analysis stores: the format found, sizes, the headline score and the report's JSON text. */
public record DatasetResult(String format, long bytes, long lines, long records, double score, boolean trainingReady,
        String reportJson) {}
