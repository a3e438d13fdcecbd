package dev.sextant.server.experiments;

import static dev.sextant.server.experiments.ExperimentTraffic.body;
import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Bad experiment bodies and parameters: 400 naming the field with exact text, and nothing stored. */
class ITExperimentInput {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    private static final ExperimentTraffic traffic = new ExperimentTraffic(server);

    @BeforeAll
    static void versions() {
        traffic.versions(ADMIN_KEY);
    }

    private static final String V1 = "{\"id\": \"a\", \"configuration_version\": \"cfg-v1\", \"allocation\": ";
    private static final String V2 = "{\"id\": \"b\", \"configuration_version\": \"cfg-v2\", \"allocation\": ";

    private static String experiment(String variants, String more) {
        return "{\"name\": \"x\", \"variants\": [" + variants + "]" + more + "}";
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            V1 + "50}, " + V2 + "40}||variants|the allocations must sum to 100, they sum to 90",
            V1 + "60}, " + V2 + "60}||variants|the allocations must sum to 100, they sum to 120",
            V1 + "50}, " + V1 + "50}||variants[1].id|variant id 'a' is used more than once",
            V1 + "100}||variants|an experiment has 2 to 10 variants, this one has 1",
            V1 + "0}, " + V2 + "50}||variants[0].allocation|variants[0].allocation is the variant's share of traffic, a whole percent from 1 to 99, was 0",
            V1 + "50, \"control\": true}, " + V2 + "50, \"control\": true}||variants|exactly one variant is the control; 2 are marked \"control\": true",
            "{\"id\": \"A b\", \"configuration_version\": \"cfg-v1\", \"allocation\": 50}, " + V2 + "50}||variants[0].id|variants[0].id must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit, was 'A b'",
            "{\"id\": \"a\", \"configuration_version\": \"no-such-version\", \"allocation\": 50}, " + V2 + "50}||variants[0].configuration_version|configuration version 'no-such-version' does not exist in this workspace",
            "{\"id\": \"a\", \"allocation\": 50}, " + V2 + "50}||variants[0].configuration_version|variants[0].configuration_version is required",
            V1 + "50}, " + V2 + "50}|, \"success_metrics\": [\"revenue\"]|success_metrics[0]|unknown metric 'revenue'; known: success_rate, satisfaction, response_time, error_rate, handoff_rate, cost_per_unit",
            V1 + "50}, " + V2 + "50}|, \"success_metrics\": []|success_metrics|success_metrics must name at least one metric (the first is the primary); known: success_rate, satisfaction, response_time, error_rate, handoff_rate, cost_per_unit",
            V1 + "50}, " + V2 + "50}|, \"guardrails\": [\"cost\"]|guardrails[0]|unknown metric 'cost'; known: success_rate, satisfaction, response_time, error_rate, handoff_rate, cost_per_unit",
            V1 + "50}, " + V2 + "50}|, \"guardrails\": [\"cost_per_unit\", \"cost_per_unit\"]|guardrails[1]|metric 'cost_per_unit' is listed twice in guardrails",
            V1 + "50}, " + V2 + "50}|, \"starts_at\": \"2026-12-01T00:00:00Z\", \"ends_at\": \"2026-11-01T00:00:00Z\"|ends_at|ends_at (2026-11-01T00:00Z) must be after starts_at (2026-12-01T00:00Z)",
            V1 + "50}, " + V2 + "50}|, \"unit\": \"device_id\"|unit|unit must be one of user_id, session_id, conversation_id, was 'device_id'",
            V1 + "50}, " + V2 + "50}|, \"correction\": \"bonferroni\"|correction|correction must be one of holm, benjamini_hochberg, was 'bonferroni'",
            V1 + "50}, " + V2 + "50}|, \"alpha\": 0.9|alpha|alpha must be more than 0 and at most 0.5, was 0.9",
            V1 + "50}, " + V2 + "50}|, \"minimum_sample_size\": 0|minimum_sample_size|minimum_sample_size is units per variant, from 1 to 1000000000, was 0",
            V1 + "50}, " + V2 + "50}|, \"baseline\": 1.5|baseline|baseline is the primary rate's current value, strictly between 0 and 1, was 1.5",
            V1 + "50}, " + V2 + "50}|, \"id\": \"power\"|id|id 'power' is reserved (GET /api/v1/experiments/power is an endpoint); choose another"})
    void badDefinitionsAre400NamingTheField(String variants, String more, String field, String message) {
        String json = experiment(variants, more == null ? "" : more);
        Response r = server.post("/api/v1/experiments", ADMIN_KEY, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode errors = r.json().get("errors");
        assertThat(errors.size()).as(r.toString()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asString()).isEqualTo(message);
        assertThat(traffic.ok("/api/v1/experiments", ADMIN_KEY).get("experiments").size()).isZero();
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"name\": 5}|name",
            "{\"name\": \"x\", \"variants\": \"a,b\"}|variants",
            "{\"name\": \"x\", \"variants\": [{\"id\": \"a\", \"allocation\": \"half\"}]}|variants[0].allocation",
            "{\"name\": \"x\", \"auto_conclude\": \"maybe\"}|auto_conclude",
            "{\"name\": \"x\", \"starts_at\": 12}|starts_at",
            "{\"name\": \"x\", \"starts_at\": \"next monday\"}|starts_at",
            "{\"name\": \"x\", \"traffic\": 50}|traffic",
            "{\"name\": \"x\", \"variants\": [{\"id\": \"a\", \"weight\": 50}]}|variants[0].weight"})
    void wrongTypesAndUnknownFieldsAre400NamingTheField(String json, String field) {
        for (Response r : List.of(server.post("/api/v1/experiments", ADMIN_KEY, json),
                traffic.put("/api/v1/experiments/any", ADMIN_KEY, json))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"" + field + "\"");
        }
    }

    @Test
    void everyProblemOfABodyIsListedAtOnce() {
        Response r = server.post("/api/v1/experiments", ADMIN_KEY, "{\"variants\": [" + V1 + "50}, " + V1 + "40}],"
                + " \"alpha\": 0, \"success_metrics\": [\"revenue\"]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).startsWith("5 problems: name is required;");
        assertThat(r.body()).contains("\"field\":\"variants[1].id\"").contains("they sum to 90")
                .contains("\"field\":\"alpha\"").contains("\"field\":\"success_metrics[0]\"");
    }

    @Test
    void malformedOversizeAndHostileBodies() {
        assertThat(server.post("/api/v1/experiments", ADMIN_KEY, "{\"name\": ").status()).isEqualTo(400);
        assertThat(server.post("/api/v1/experiments", ADMIN_KEY, "[1, 2]").status()).isEqualTo(400);
        assertThat(server.post("/api/v1/experiments", ADMIN_KEY, "").status()).isEqualTo(400);
        Response huge = server.post("/api/v1/experiments", ADMIN_KEY, "{\"name\": \"" + "x".repeat(1_100_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        Response longText = server.post("/api/v1/experiments", ADMIN_KEY, experiment(V1 + "50}, " + V2 + "50}",
                ", \"name\": \"" + "n".repeat(201) + "\", \"hypothesis\": \"" + "h".repeat(4001) + "\"").replace("\"name\": \"x\", ", ""));
        assertThat(longText.status()).as(longText.toString()).isEqualTo(400);
        assertThat(longText.body()).contains("name is 201 characters, over the limit of 200")
                .contains("hypothesis is 4001 characters, over the limit of 4000");
        String many = String.join(", ", java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> "{\"id\": \"v" + i + "\", \"configuration_version\": \"c-v1\", \"allocation\": 9}").toList());
        assertThat(server.post("/api/v1/experiments", ADMIN_KEY, experiment(many, "")).body())
                .contains("an experiment has 2 to 10 variants, this one has 11");

        String hostile = "Robert'); DROP TABLE experiments;-- <script>alert(1)</script> \\\" ü 🚀";
        JsonNode created = traffic.created(ADMIN_KEY, experiment("{\"id\": \"a\", \"name\": \"" + hostile
                + "\", \"configuration_version\": \"cfg-v1\", \"allocation\": 50}, " + V2 + "50}",
                ", \"id\": \"hostile\", \"hypothesis\": \"" + hostile + "\", \"agent_id\": \"" + hostile + "\"")
                .replace("\"name\": \"x\"", "\"name\": \"" + hostile + "\""));
        String stored = "Robert'); DROP TABLE experiments;-- <script>alert(1)</script> \" ü 🚀";
        JsonNode back = traffic.ok("/api/v1/experiments/hostile", ADMIN_KEY);
        assertThat(back).isEqualTo(created);
        assertThat(back.get("name").asString()).isEqualTo(stored);
        assertThat(back.get("hypothesis").asString()).isEqualTo(stored);
        assertThat(back.get("variants").get(0).get("name").asString()).isEqualTo(stored);
        assertThat(traffic.ok("/api/v1/experiments?agent_id=" + java.net.URLEncoder.encode(stored,
                java.nio.charset.StandardCharsets.UTF_8), ADMIN_KEY).get("experiments").size()).isEqualTo(1);
        Response nul = server.post("/api/v1/experiments", ADMIN_KEY, experiment(V1 + "50}, " + V2 + "50}",
                ", \"hypothesis\": \"a\\u0000b\""));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body()).contains("\"field\":\"hypothesis\"").contains("NUL character");
        assertThat(server.get("/api/v1/experiments/" + "%3Cscript%3E", ADMIN_KEY).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/experiments/" + "x".repeat(300), ADMIN_KEY).status()).isEqualTo(404);
        assertThat(server.delete("/api/v1/experiments/hostile", ADMIN_KEY).status()).isEqualTo(204);
    }

    @Test
    void putKeepsTheIdAndDoesNotStart() {
        traffic.created(ADMIN_KEY, body("keep-id"));
        Response renamed = traffic.put("/api/v1/experiments/keep-id", ADMIN_KEY, body("other-id"));
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
        Response start = traffic.put("/api/v1/experiments/keep-id", ADMIN_KEY,
                body("keep-id").replace("\"id\": \"keep-id\",", "\"id\": \"keep-id\", \"start\": true,"));
        assertThat(start.status()).isEqualTo(400);
        assertThat(start.json().get("errors").get(0).get("field").asString()).isEqualTo("start");
        assertThat(traffic.ok("/api/v1/experiments/keep-id", ADMIN_KEY).get("status").asString()).isEqualTo("draft");
        assertThat(server.delete("/api/v1/experiments/keep-id", ADMIN_KEY).status()).isEqualTo(204);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({
            "/api/v1/experiments?status=paused, status",
            "/api/v1/experiments?agentId=a, agentId",
            "/api/v1/experiments?status=draft&status=running, status",
            "/api/v1/experiments/power?mde=0.02, baseline",
            "/api/v1/experiments/power?baseline=0.1, mde",
            "/api/v1/experiments/power?baseline=0.1&sd=2&mde=0.02, sd",
            "/api/v1/experiments/power?baseline=1.2&mde=0.02, baseline",
            "/api/v1/experiments/power?baseline=0.1&mde=0, mde",
            "/api/v1/experiments/power?baseline=0.1&mde=ten, mde",
            "/api/v1/experiments/power?baseline=0.1&mde=0.02&kind=ratio, kind",
            "/api/v1/experiments/power?baseline=0.1&mde=0.02&alpha=1, alpha",
            "/api/v1/experiments/power?baseline=0.1&mde=0.02&power=1, power",
            "/api/v1/experiments/power?baseline=0.1&mde=0.02&variants=1, variants",
            "/api/v1/experiments/power?baseline=NaN&mde=0.02, baseline",
            "/api/v1/experiments/power?sd=-1&mde=2, sd"})
    void badParametersAre400NamingTheParameter(String path, String parameter) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("\"parameter\":\"" + parameter + "\"");
    }

    /** Known answers: R power.prop.test(p1 = 0.1, p2 = 0.12, power = 0.8) gives n = 3841; means 2·(1.96 + 0.8416)²·σ²/δ². */
    @Test
    void powerAnswersTheTextbookSampleSizes() {
        JsonNode rate = traffic.ok("/api/v1/experiments/power?baseline=0.1&mde=0.02", ADMIN_KEY);
        assertThat(rate.get("metric").asString()).isEqualTo("rate");
        assertThat(rate.get("per_variant").asLong()).isEqualTo(3841);
        assertThat(rate.get("total").asLong()).isEqualTo(7682);
        assertThat(rate.get("target").asDouble()).isEqualTo(0.12, org.assertj.core.api.Assertions.within(1e-12));
        JsonNode relative = traffic.ok("/api/v1/experiments/power?baseline=0.1&mde=0.2&kind=relative&variants=3", ADMIN_KEY);
        assertThat(relative.get("per_variant").asLong()).isEqualTo(3841);
        assertThat(relative.get("total").asLong()).isEqualTo(3 * 3841);
        // sd 10, effect 2: 2 * (1.959964 + 0.841621)^2 * 100 / 4 = 392.4 -> 393
        JsonNode mean = traffic.ok("/api/v1/experiments/power?sd=10&mde=2", ADMIN_KEY);
        assertThat(mean.get("metric").asString()).isEqualTo("mean");
        assertThat(mean.get("per_variant").asLong()).isEqualTo(393);
    }

    @Test
    void aVariantRunsAConfigurationVersionOfThisWorkspace() {
        String other = traffic.workspace("x-versions-other");
        Response theirs = server.post("/api/v1/configurations", other, "{\"id\": \"theirs\", \"agent_id\": \"bot\","
                + " \"content\": {}}");
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(201);
        for (String version : List.of("theirs-v1", "cfg-v3", "cfg-v0", "cfg", "-v1")) {
            Response r = server.post("/api/v1/experiments", ADMIN_KEY, experiment("{\"id\": \"a\", \"configuration_version\": \""
                    + version + "\", \"allocation\": 50}, " + V2 + "50}", ""));
            assertThat(r.status()).as(version).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("variants[0].configuration_version");
            assertThat(r.json().get("errors").get(0).get("message").asString())
                    .isEqualTo("configuration version '" + version + "' does not exist in this workspace");
        }
        assertThat(traffic.created(other, experiment("{\"id\": \"a\", \"configuration_version\": \"theirs-v1\","
                + " \"allocation\": 50}, {\"id\": \"b\", \"configuration_version\": \"cfg-v2\", \"allocation\": 50}", ""))
                .get("status").asString()).isEqualTo("draft");
    }
}
