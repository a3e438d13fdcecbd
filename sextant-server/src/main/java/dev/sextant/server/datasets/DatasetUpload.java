package dev.sextant.server.datasets;

import dev.sextant.analytics.datasets.DatasetFormat;
import dev.sextant.analytics.datasets.DatasetReader;
import dev.sextant.analytics.datasets.DatasetReport;
import dev.sextant.analytics.datasets.DatasetReportJson;
import dev.sextant.analytics.datasets.DatasetSettings;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.datasets.DatasetResult;
import dev.sextant.store.datasets.DatasetStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one upload into the analysis as it arrives, recording progress (the first line at once,
 * then at most every {@link #PROGRESS_EVERY}), and ends the dataset ready with its report or
 * failed with the reason. The content itself is never stored.
 */
final class DatasetUpload {
    static final Duration PROGRESS_EVERY = Duration.ofMillis(250);
    private static final Logger log = LoggerFactory.getLogger(DatasetUpload.class);

    private final DatasetStore datasets;
    private final long maxBytes;
    private final Clock clock;

    DatasetUpload(DatasetStore datasets, long maxBytes, Clock clock) {
        this.datasets = datasets;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** Reads {@code body} for the dataset whose upload the caller has just started. */
    void read(WorkspaceId workspace, String id, InputStream body, DatasetFormat format, DatasetMediaType type) {
        CappedInputStream capped = new CappedInputStream(body, maxBytes);
        long[] seen = new long[2];
        Instant[] last = {null};
        DatasetReader.Progress progress = (bytes, lines) -> {
            seen[0] = bytes;
            seen[1] = lines;
            Instant now = clock.instant();
            if (last[0] == null || Duration.between(last[0], now).compareTo(PROGRESS_EVERY) >= 0) {
                last[0] = now;
                datasets.progress(workspace, id, bytes, lines);
            }
        };
        DatasetReport report;
        try {
            report = new DatasetReader(DatasetSettings.DEFAULTS).read(capped, type == DatasetMediaType.CSV
                    ? DatasetFormat.CSV : format, type == DatasetMediaType.JSON_LINES, progress);
        } catch (UploadTooLargeException e) {
            datasets.fail(workspace, id, capped.count(), seen[1], e.getMessage());
            throw e.of(id);
        } catch (IOException e) {
            String reason = "the upload broke off after " + capped.count() + " bytes: " + e.getMessage();
            datasets.fail(workspace, id, capped.count(), seen[1], reason);
            throw new BrokenUploadException(reason, e);
        } catch (RuntimeException e) {
            log.error("analysing dataset {} failed", id, e);
            datasets.fail(workspace, id, capped.count(), seen[1], "the analysis failed unexpectedly; it was logged");
            throw e;
        }
        datasets.analyzing(workspace, id, report.bytes(), report.lines());
        datasets.ready(workspace, id, new DatasetResult(report.format(), report.bytes(), report.lines(), report.records(),
                report.score().value(), report.score().trainingReady(), DatasetReportJson.write(report)));
    }
}
