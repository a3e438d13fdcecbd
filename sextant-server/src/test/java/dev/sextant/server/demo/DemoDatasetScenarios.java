package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.datasets.DatasetFormat;
import dev.sextant.analytics.datasets.DatasetReader;
import dev.sextant.analytics.datasets.DatasetReportJson;
import dev.sextant.analytics.datasets.DatasetSettings;
import dev.sextant.server.demo.DemoDatasets.DemoDataset;
import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo's datasets as the API serves them after {@code --sextant.demo=true}: both ready, and
 * each report byte for byte the one the analyzer gives for the same generated content, read
 * here on its own. Run on DuckDB ({@link ITDemoDatasets}) and PostgreSQL ({@link ITDemoDatasetsOnPostgres}).
 */
abstract class DemoDatasetScenarios {
    /** The seed DemoLoader uses ({@code boot.DemoLoader.SEED}). */
    private static final long SEED = 42;

    abstract SextantTestServer server();

    @Test
    void bothDemoDatasetsAreReadyWithTheAnalyzersReports() throws IOException {
        Response list = server().get("/api/v1/datasets", SextantTestServer.ADMIN_KEY);
        assertThat(list.status()).isEqualTo(200);
        Map<String, JsonNode> byName = new HashMap<>();
        list.json().get("datasets").forEach(d -> byName.put(d.get("name").asString(), d));
        assertThat(byName).containsOnlyKeys(DemoDatasets.CLEAN_NAME, DemoDatasets.MESSY_NAME);
        for (DemoDataset demo : DemoDatasets.all(SEED)) {
            JsonNode d = byName.get(demo.name());
            assertThat(d.get("status").asString()).isEqualTo("ready");
            assertThat(d.get("format").asString()).isEqualTo(demo.format());
            assertThat(d.get("bytes_read").asLong()).isEqualTo(demo.content().length);
            String expected = DatasetReportJson.write(new DatasetReader(DatasetSettings.DEFAULTS).read(
                    new ByteArrayInputStream(demo.content()), DatasetFormat.fromWire(demo.format()), (bytes, lines) -> { }));
            Response report = server().get("/api/v1/datasets/" + d.get("id").asString() + "/report", SextantTestServer.ADMIN_KEY);
            assertThat(report.status()).isEqualTo(200);
            assertThat(report.body()).isEqualTo(expected);
        }
        assertThat(byName.get(DemoDatasets.CLEAN_NAME).get("training_ready").asBoolean()).isTrue();
        assertThat(byName.get(DemoDatasets.MESSY_NAME).get("training_ready").asBoolean()).isFalse();
    }
}
