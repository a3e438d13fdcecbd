package dev.sextant.server.models;

import static dev.sextant.server.models.ModelTraffic.evaluation;
import static dev.sextant.server.models.ModelTraffic.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import tools.jackson.databind.JsonNode;

/**
 * The whole story on one server: two fine-tuned versions with production traffic ingested through
 * the real ingest API, a third not deployed; comparison, drift, timeline; and another workspace
 * that finds none of it. Expected figures are computed here from the traffic sent.
 */
final class ModelScenario {
    static final String FT1 = "ft:gpt-4o-mini:acme::v1abc";
    static final String FT2 = "ft:gpt-4o-mini:acme::v2def";

    private ModelScenario() {}

    static void run(SextantTestServer server, String slug) {
        ModelTraffic traffic = new ModelTraffic(server);
        String key = traffic.workspace(slug);
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Instant deployed1 = today.minus(30, ChronoUnit.DAYS).plusSeconds(3600);
        Instant deployed2 = today.minus(14, ChronoUnit.DAYS).plusSeconds(3600);

        JsonNode v1 = traffic.created("/api/v1/model-versions", key, version("v1", "1.0", FT1, null, deployed1));
        assertThat(v1.get("id").asString()).isEqualTo("v1");
        assertThat(v1.get("agent_id").asString()).isEqualTo("support-bot");
        assertThat(v1.get("model_id").asString()).isEqualTo(FT1);
        assertThat(v1.get("training_type").asString()).isEqualTo("fine_tuning");
        assertThat(v1.get("deployed_at").asString()).isEqualTo(deployed1.toString());
        assertThat(v1.get("tags").toString()).isEqualTo("[\"prod\",\"eu\"]");
        assertThat(v1.get("parent_version_id").isNull()).isTrue();
        JsonNode v2 = traffic.created("/api/v1/model-versions", key, version("v2", "2.0", FT2, "v1", deployed2));
        assertThat(v2.get("parent_version_id").asString()).isEqualTo("v1");
        traffic.created("/api/v1/model-versions", key, version("v3", "3.0", "ft:gpt-4o-mini:acme::v3", "v2", null));
        assertThat(traffic.ok("/api/v1/model-versions/v2", key)).isEqualTo(v2);
        assertThat(traffic.ok("/api/v1/model-versions?agent_id=support-bot", key).get("versions"))
                .extracting(v -> v.get("id").asString()).containsExactly("v1", "v2", "v3");

        JsonNode e1 = traffic.created("/api/v1/model-versions/v1/evaluations", key, evaluation("mmlu", 0.80));
        assertThat(e1.get("primary_metric").asString()).isEqualTo("accuracy");
        assertThat(e1.get("primary_value").asDouble()).isEqualTo(0.80);
        assertThat(e1.get("metrics").get("f1").asDouble()).isEqualTo(0.5);
        assertThat(e1.get("sample_size").asLong()).isEqualTo(500);
        traffic.created("/api/v1/model-versions/v2/evaluations", key, evaluation("mmlu", 0.86));
        traffic.created("/api/v1/model-versions/v2/evaluations", key, evaluation("gsm8k", 0.40));
        assertThat(traffic.ok("/api/v1/model-versions/v2/evaluations", key).get("evaluations").size()).isEqualTo(2);

        // v1: 10 traces a day on days 1-5 after its deployment, 3 failing each day: 35 of 50
        traffic.production(key, "a", FT1, deployed1.plus(1, ChronoUnit.DAYS), 10, new int[] {3, 3, 3, 3, 3}, null);
        // v2: 5 a day for 10 days from its deployment, one failure on each of the last two days
        int[] failures = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
        int[] ratings = {5, 5, 5, 5, 5, 5, 5, 4, 4, 3};
        traffic.production(key, "b", FT2, deployed2.plusSeconds(1800), 5, failures, ratings);
        // the same agent on another model, and v2's model before v2 was deployed: neither counts
        traffic.production(key, "c", "gpt-4o", deployed2.plusSeconds(1800), 5, new int[] {5}, null);
        traffic.production(key, "d", FT2, deployed2.minus(2, ChronoUnit.DAYS), 5, new int[] {5}, null);

        JsonNode c = traffic.ok("/api/v1/model-versions/v2/comparison", key);
        assertThat(c.get("candidate").get("id").asString()).isEqualTo("v2");
        assertThat(c.get("baseline").get("id").asString()).isEqualTo("v1");
        assertThat(c.get("baseline_kind").asString()).isEqualTo("parent");
        assertThat(c.get("accuracy").get("primary_delta").asDouble()).isCloseTo(0.06, within(1e-9));
        assertThat(c.get("accuracy").get("change").asString()).isEqualTo("better");
        assertThat(c.get("accuracy").get("benchmarks").size()).isEqualTo(1);
        assertThat(c.get("accuracy").get("benchmarks").get(0).get("benchmark").asString()).isEqualTo("mmlu");
        JsonNode r = c.get("reliability");
        assertThat(r.get("candidate").get("traces").asLong()).isEqualTo(50);
        assertThat(r.get("candidate").get("successes").asLong()).isEqualTo(48);
        assertThat(r.get("candidate").get("calls").asLong()).isEqualTo(50);
        assertThat(r.get("candidate").get("mean_latency_ms").asDouble()).isCloseTo(900.0, within(1e-9));
        assertThat(r.get("candidate").get("ratings").asLong()).isEqualTo(10);
        assertThat(r.get("candidate").get("mean_rating").asDouble()).isCloseTo(4.6, within(1e-9));
        assertThat(r.get("baseline").get("traces").asLong()).isEqualTo(50);
        assertThat(r.get("baseline").get("successes").asLong()).isEqualTo(35);
        assertThat(r.get("difference").asDouble()).isCloseTo(48 / 50.0 - 35 / 50.0, within(1e-9));
        assertThat(r.get("ci_low").asDouble()).isBetween(0.0, 0.26);
        assertThat(r.get("ci_high").asDouble()).isBetween(0.26, 1.0);
        assertThat(r.get("p_value").asDouble()).isLessThan(0.05);
        assertThat(r.get("change").asString()).isEqualTo("better");
        assertThat(c.get("assessment").asString()).isEqualTo("major_improvement");
        assertThat(c.get("thresholds").get("major_accuracy_gain").asDouble()).isEqualTo(0.05);

        JsonNode back = traffic.ok("/api/v1/model-versions/v1/comparison?against=v2", key);
        assertThat(back.get("baseline_kind").asString()).isEqualTo("chosen");
        assertThat(back.get("assessment").asString()).isEqualTo("regression");
        JsonNode none = traffic.ok("/api/v1/model-versions/v3/comparison", key);
        assertThat(none.get("assessment").asString()).isEqualTo("no_change");
        assertThat(none.get("reliability").get("tested").asBoolean()).isFalse();
        assertThat(none.get("reason").asString()).isEqualTo("v3 against v2: no shared benchmark; not tested: needs at"
                + " least 10 production traces on each side since its deployment, had 0 and 50");
        Response noParent = server.get("/api/v1/model-versions/v1/comparison", key);
        assertThat(noParent.status()).isEqualTo(409);
        assertThat(noParent.json().get("detail").asString()).isEqualTo("model version 'v1' has no parent version; name"
                + " one to compare against with ?against=<id>");

        JsonNode drift = traffic.ok("/api/v1/model-versions/v2/drift", key);
        assertThat(drift.get("baseline_days").asInt()).isEqualTo(7);
        assertThat(drift.get("baseline").get("traces").asLong()).isEqualTo(35);
        assertThat(drift.get("baseline").get("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(drift.get("baseline").get("mean_rating").asDouble()).isEqualTo(5.0);
        assertThat(drift.get("recent").get("traces").asLong()).isEqualTo(35);
        assertThat(drift.get("recent").get("successes").asLong()).isEqualTo(33);
        assertThat(drift.get("days").size()).isEqualTo(10);
        assertThat(drift.get("days").get(9).get("success_rate_change").asDouble()).isCloseTo(-0.2, within(1e-9));
        assertThat(drift.get("days").get(9).get("rating_change").asDouble()).isCloseTo(-2.0, within(1e-9));
        SimpleRegression success = new SimpleRegression();
        SimpleRegression rating = new SimpleRegression();
        for (int d = 0; d < failures.length; d++) {
            success.addData(d, (5 - failures[d]) / 5.0);
            rating.addData(d, ratings[d]);
        }
        assertTrend(drift.get("success_rate_trend"), success, 10);
        assertTrend(drift.get("rating_trend"), rating, 10);
        Response notDeployed = server.get("/api/v1/model-versions/v3/drift", key);
        assertThat(notDeployed.status()).isEqualTo(409);
        assertThat(notDeployed.json().get("detail").asString()).isEqualTo("model version 'v3' is not deployed yet"
                + " (deployed_at is not set); drift is measured from its deployment");

        JsonNode timeline = traffic.ok("/api/v1/model-versions/timeline?agent_id=support-bot", key);
        assertThat(timeline.get("window").asInt()).isEqualTo(3);
        JsonNode entries = timeline.get("versions");
        assertThat(entries).extracting(v -> v.get("id").asString()).containsExactly("v1", "v2", "v3");
        assertThat(entries.get(0).get("primary_accuracy").asDouble()).isCloseTo(0.80, within(1e-9));
        assertThat(entries.get(1).get("primary_accuracy").asDouble()).isCloseTo((0.86 + 0.40) / 2, within(1e-9));
        assertThat(entries.get(1).get("improvement").asDouble()).isCloseTo(0.06, within(1e-9));
        assertThat(entries.get(2).get("improvement").isNull()).isTrue();
        assertThat(entries.get(2).get("rolling_improvement").asDouble()).isCloseTo(0.06, within(1e-9));
        assertThat(traffic.ok("/api/v1/model-versions/timeline?agent_id=support-bot&window=1", key).get("versions")
                .get(2).get("rolling_improvement").isNull()).isTrue();

        String other = traffic.workspace(slug + "-other");
        for (String path : List.of("/api/v1/model-versions/v1", "/api/v1/model-versions/v2/evaluations",
                "/api/v1/model-versions/v2/comparison", "/api/v1/model-versions/v1/comparison?against=v2",
                "/api/v1/model-versions/v2/drift", "/api/v1/model-versions/timeline?agent_id=support-bot")) {
            Response miss = server.get(path, other);
            assertThat(miss.status()).as(path).isEqualTo(404);
            assertThat(miss.contentType()).startsWith("application/problem+json");
        }
        assertThat(server.get("/api/v1/model-versions/v1", other).json().get("detail").asString())
                .isEqualTo("model version 'v1' does not exist in this workspace");
        assertThat(traffic.ok("/api/v1/model-versions", other).get("versions").size()).isZero();
        assertThat(server.post("/api/v1/model-versions/v1/evaluations", other, evaluation("mmlu", 0.1)).status())
                .isEqualTo(404);
        Response foreignParent = server.post("/api/v1/model-versions", other, version("x", "1.0", FT1, "v1", null));
        assertThat(foreignParent.status()).isEqualTo(400);
        assertThat(foreignParent.json().get("errors").get(0).get("field").asString()).isEqualTo("parent_version_id");
        assertThat(traffic.created("/api/v1/model-versions", other, version("v1", "1.0", FT1, null, null))
                .get("id").asString()).isEqualTo("v1");
        assertThat(traffic.ok("/api/v1/model-versions/v1/evaluations", key).get("evaluations").size()).isEqualTo(1);
    }

    private static void assertTrend(JsonNode trend, SimpleRegression expected, int days) {
        double half = expected.getSlopeConfidenceInterval(0.05) * 7;
        assertThat(trend.get("days").asInt()).isEqualTo(days);
        assertThat(trend.get("per_week").asDouble()).isCloseTo(expected.getSlope() * 7, within(1e-9));
        assertThat(trend.get("ci_low").asDouble()).isCloseTo(expected.getSlope() * 7 - half, within(1e-9));
        assertThat(trend.get("ci_high").asDouble()).isCloseTo(expected.getSlope() * 7 + half, within(1e-9));
        String direction = expected.getSlope() * 7 + half < 0 ? "degrading"
                : expected.getSlope() * 7 - half > 0 ? "improving" : "stable";
        assertThat(trend.get("direction").asString()).isEqualTo(direction);
    }
}
