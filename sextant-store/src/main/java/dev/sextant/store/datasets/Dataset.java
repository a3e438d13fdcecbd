package dev.sextant.store.datasets;

import java.time.Instant;

/**
 * A dataset's record, without its report (see {@link DatasetStore#report}). {@code format} is the
 * one asked for, or once read the one found (null while unknown). {@code bytes} and {@code lines}
 * grow while the content is read; {@code records} is set when the report is. The raw content is
 * never stored.
 */
public record Dataset(String id, String name, String format, DatasetStatus status, long bytes, long lines,
        Long records, Double score, Boolean trainingReady, String error, Instant createdAt, Instant uploadStartedAt,
        Instant finishedAt) {}
