package dev.sextant.server.boot;

import dev.sextant.analytics.datasets.DatasetFormat;
import dev.sextant.analytics.datasets.DatasetReader;
import dev.sextant.analytics.datasets.DatasetReport;
import dev.sextant.analytics.datasets.DatasetReportJson;
import dev.sextant.analytics.datasets.DatasetSettings;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.demo.DemoDatasets;
import dev.sextant.server.demo.DemoDatasets.DemoDataset;
import dev.sextant.store.SextantStore;
import dev.sextant.store.datasets.Dataset;
import dev.sextant.store.datasets.DatasetResult;
import dev.sextant.store.datasets.DatasetStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's datasets ({@link DemoDatasets}) read by the same analyzer an upload goes through
 * and stored with their reports, as if a user had uploaded them. Once per workspace: nothing is
 * added when the workspace already has a dataset.
 */
@Component
class DemoDatasetsLoader {
    private static final Logger log = LoggerFactory.getLogger(DemoDatasetsLoader.class);

    private final DatasetStore datasets;

    DemoDatasetsLoader(SextantStore store) {
        this.datasets = store.datasets();
    }

    void load(WorkspaceId ws, long seed) {
        if (!datasets.list(ws).isEmpty()) {
            log.info("demo datasets: the workspace already has datasets; not adding them again");
            return;
        }
        for (DemoDataset d : DemoDatasets.all(seed)) {
            Dataset created = datasets.create(ws, d.name(), d.format());
            datasets.startUpload(ws, created.id());
            DatasetReport report;
            try {
                report = new DatasetReader(DatasetSettings.DEFAULTS).read(new ByteArrayInputStream(d.content()),
                        DatasetFormat.fromWire(d.format()), (bytes, lines) -> { });
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail to read
            }
            datasets.analyzing(ws, created.id(), report.bytes(), report.lines());
            datasets.ready(ws, created.id(), new DatasetResult(report.format(), report.bytes(), report.lines(),
                    report.records(), report.score().value(), report.score().trainingReady(), DatasetReportJson.write(report)));
            log.info("demo dataset '{}': {} records, score {}", d.name(), report.records(), report.score().value());
        }
    }
}
