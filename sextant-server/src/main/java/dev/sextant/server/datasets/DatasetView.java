package dev.sextant.server.datasets;

import dev.sextant.store.datasets.Dataset;
import java.time.Instant;

/**
 * A dataset on the wire. {@code bytes_read} and {@code lines_read} are the upload's progress
 * while it runs and its size after; {@code score} and {@code training_ready} repeat the report's
 * headline once it is ready.
 */
record DatasetView(String id, String name, String format, String status, long bytesRead, long linesRead, Long records,
        Double score, Boolean trainingReady, String error, Instant createdAt, Instant uploadStartedAt, Instant finishedAt,
        String report) {

    static DatasetView of(Dataset d) {
        return new DatasetView(d.id(), d.name(), d.format(), d.status().wire(), d.bytes(), d.lines(), d.records(), d.score(),
                d.trainingReady(), d.error(), d.createdAt(), d.uploadStartedAt(), d.finishedAt(),
                "/api/v1/datasets/" + d.id() + "/report");
    }
}
