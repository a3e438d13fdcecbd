package dev.sextant.server.predictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.server.support.SextantTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Scheduled retraining with a 1 s interval: a workspace with new data is trained without a
 * request, retrained after more data arrives, and left alone while its data does not change.
 */
class ITPredictionSchedule extends PredictionScenarios {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer()
            .with("--sextant.predictions.retrain-interval=1s");

    @Override
    SextantTestServer server() {
        return server;
    }

    private int version(String key) {
        JsonNode m = ok("/api/v1/predictions/models/interaction_success", key);
        return m.get("version").isNull() ? 0 : m.get("version").asInt();
    }

    @Test
    void newDataIsTrainedOnScheduleAndUnchangedDataIsNot() {
        String key = workspace("pr-schedule");
        ingestPlanted(key, 400, 7);

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(version(key)).isGreaterThanOrEqualTo(1));
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(ok("/api/v1/predictions/models", key).get("models").findValuesAsString("status"))
                        .doesNotContain("not_trained"));
        JsonNode trained = ok("/api/v1/predictions/models/interaction_success", key);
        assertThat(trained.get("status").asString()).as(trained.toString()).isEqualTo("offered");
        int first = version(key);

        // nothing new: several 1 s rounds pass and no new version is trained
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(version(key)).isEqualTo(first));

        // new data: the next round retrains
        ingestPlanted(key, 50, 8);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(version(key)).isGreaterThan(first));
    }
}
