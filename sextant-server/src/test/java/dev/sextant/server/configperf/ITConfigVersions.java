package dev.sextant.server.configperf;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * /api/v1/analytics/config-versions through the real server. support-bot on support-prompt-v1:
 * ten traces on Nov 1, 1000 + 100i ms, the first four failed, 0.01 each, rated 2, 3, 3, 4, 3; on
 * support-prompt-v2: ten on Nov 2, 500 + 50i ms, all ok, 0.02 each, rated 5, 4, 5, 4, 5, the last
 * handed off. coder on code-assistant-2.4: one trace. shared-v: one trace of each agent.
 */
class ITConfigVersions {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    private static final String V1 = ConfigVersionTraffic.V1;
    private static final String V2 = ConfigVersionTraffic.V2;

    @BeforeAll
    static void ingest() {
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, ConfigVersionTraffic.batch());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void everyVersionSeenWithItsFigures() {
        JsonNode body = ok("/api/v1/analytics/config-versions?agent_id=support-bot");
        assertThat(Instant.parse(body.get("data_as_of").asString())).isEqualTo(Instant.parse("2026-11-03T11:00:00Z"));
        JsonNode versions = body.get("versions");
        assertThat(versions.size()).isEqualTo(3);
        JsonNode v1 = versions.get(1);
        assertThat(versions.get(0).get("config_version").asString()).isEqualTo("shared-v");
        assertThat(v1.get("config_version").asString()).isEqualTo(V1);
        assertThat(v1.get("agent_id").asString()).isEqualTo("support-bot");
        assertThat(v1.get("executions").asLong()).isEqualTo(10);
        assertThat(v1.get("successes").asLong()).isEqualTo(6);
        assertThat(v1.get("success_rate").asDouble()).isEqualTo(0.6);
        assertThat(v1.get("avg_response_ms").asDouble()).isEqualTo(1450.0);
        // percentile_cont(0.95) of 1000..1900: position 8.55, 1800 + 0.55 × 100
        assertThat(v1.get("p95_response_ms").asDouble()).isCloseTo(1855.0, within(1e-9));
        assertThat(v1.get("response_ms_std_dev").asDouble()).isCloseTo(302.7650354, within(1e-6));
        assertThat(v1.get("satisfaction").asDouble()).isCloseTo(3.0, within(1e-12));
        assertThat(v1.get("rating_count").asLong()).isEqualTo(5);
        assertThat(v1.get("total_cost_usd").decimalValue()).isEqualByComparingTo("0.10");
        assertThat(v1.get("cost_per_execution_usd").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(v1.get("handoffs").asLong()).isZero();
        assertThat(Instant.parse(v1.get("first_seen").asString())).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(Instant.parse(v1.get("last_seen").asString())).isEqualTo(Instant.parse("2026-11-01T10:09:00Z"));
        JsonNode v2 = versions.get(2);
        assertThat(v2.get("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(v2.get("p95_response_ms").asDouble()).isCloseTo(927.5, within(1e-9));
        assertThat(v2.get("satisfaction").asDouble()).isCloseTo(4.6, within(1e-12));
        assertThat(v2.get("handoff_rate").asDouble()).isEqualTo(0.1);
        assertThat(body.get("series").size()).isZero();

        JsonNode all = ok("/api/v1/analytics/config-versions");
        assertThat(all.get("versions").size()).isEqualTo(5);
    }

    @Test
    void aDailySeriesWithIntervalDay() {
        JsonNode body = ok("/api/v1/analytics/config-versions?agent_id=support-bot&interval=day"
                + "&from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z");
        assertThat(body.get("versions").size()).isEqualTo(2);
        JsonNode series = body.get("series");
        assertThat(series.size()).isEqualTo(2);
        assertThat(series.get(0).get("bucket").asString()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(series.get(0).get("executions").asLong()).isEqualTo(10);
        assertThat(series.get(0).get("successes").asLong()).isEqualTo(6);
        assertThat(series.get(1).get("satisfaction").asDouble()).isCloseTo(4.6, within(1e-12));
        assertThat(series.get(1).get("total_cost_usd").decimalValue()).isEqualByComparingTo("0.20");
    }

    @Test
    void compareTwoVersionsWithSignificance() {
        JsonNode body = ok("/api/v1/analytics/config-versions/compare?a=" + V2 + "&b=" + V1);
        assertThat(body.get("candidate").asString()).isEqualTo(V2);
        assertThat(body.get("baseline").asString()).isEqualTo(V1);
        assertThat(body.get("baseline_kind").asString()).isEqualTo("chosen");
        // scipy: Welch on the durations p = 1.19983e-5 (x 3 by Holm), on the ratings p = 0.00447019 (x 2);
        // Fisher 10/10 against 6/10 p = 0.0866873, last in Holm's order: not significant
        assertThat(body.get("verdict").asString()).isEqualTo("better");
        assertThat(body.get("reason").asString())
                .isEqualTo(V2 + " against " + V1 + ": better satisfaction and response_time_ms");
        JsonNode latency = body.get("response_time_ms");
        assertThat(latency.get("difference").asDouble()).isCloseTo(-725.0, within(1e-9));
        assertThat(latency.get("p_value").asDouble()).isCloseTo(1.199826490e-5, within(1e-12));
        assertThat(latency.get("adjusted_p_value").asDouble()).isCloseTo(3 * 1.199826490e-5, within(1e-11));
        assertThat(latency.get("improved").asBoolean()).isTrue();
        assertThat(body.get("satisfaction").get("p_value").asDouble()).isCloseTo(0.004470186846, within(1e-10));
        JsonNode success = body.get("success_rate");
        assertThat(success.get("p_value").asDouble()).isCloseTo(0.0866873065, within(1e-9));
        assertThat(success.get("significant").asBoolean()).isFalse();
        assertThat(body.get("cost_per_execution_usd").get("tested").asBoolean()).isFalse();
        assertThat(body.get("candidate_figures").get("executions").asLong()).isEqualTo(10);
    }

    @Test
    void withoutBTheDefaultVersionIsTheBaseline() {
        JsonNode body = ok("/api/v1/analytics/config-versions/compare?a=" + V2);
        assertThat(body.get("baseline").asString()).isEqualTo(V1);
        assertThat(body.get("baseline_kind").asString()).isEqualTo("default");
        assertThat(body.get("verdict").asString()).isEqualTo("better");
        Response first = server.get("/api/v1/analytics/config-versions/compare?a=" + V1, ADMIN_KEY);
        assertThat(first.json().get("detail").asString())
                .isEqualTo("a ('support-prompt-v1') is its configuration's default version; give b to compare it with");
        Response hostile = server.get("/api/v1/analytics/config-versions?agent_id="
                + URLEncoder.encode("x' OR '1'='1", StandardCharsets.UTF_8), ADMIN_KEY);
        assertThat(hostile.status()).isEqualTo(200);
        assertThat(hostile.json().get("versions").size()).isZero();
    }

    @Test
    void theListAlsoAnswersAsACsvTable() {
        Response csv = server.get("/api/v1/analytics/config-versions?agent_id=coder&format=csv", ADMIN_KEY);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("agent_id,config_version,executions,successes");
        assertThat(csv.body().lines().count()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} is 400 naming {1}")
    @CsvSource({
            "/api/v1/analytics/config-versions?from=yesterday, from",
            "/api/v1/analytics/config-versions?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z, to",
            "/api/v1/analytics/config-versions?interval=hour, interval",
            "/api/v1/analytics/config-versions?interval=day, interval",
            "/api/v1/analytics/config-versions?agentId=x, agentId",
            "/api/v1/analytics/config-versions?agent_id=, agent_id",
            "/api/v1/analytics/config-versions/compare?b=support-prompt-v1, a",
            "/api/v1/analytics/config-versions/compare?a=x&b=x, b",
            "/api/v1/analytics/config-versions/compare?a=code-assistant-2.4, b",
            "/api/v1/analytics/config-versions/compare?a=support-prompt-v1, b",
            "/api/v1/analytics/config-versions?agent_id=a%00b, agent_id",
            "/api/v1/analytics/config-versions/compare?a=shared-v&b=support-prompt-v1, a"})
    void badParametersAre400(String path, String parameter) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("\"parameter\":\"" + parameter + "\"");
    }

    @Test
    void exactErrorTexts() {
        Response dates = server.get("/api/v1/analytics/config-versions?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z",
                ADMIN_KEY);
        assertThat(dates.json().get("detail").asString())
                .isEqualTo("to (2026-11-01T00:00:00Z) must be after from (2026-11-02T00:00:00Z)");
        Response shared = server.get("/api/v1/analytics/config-versions/compare?a=shared-v&b=" + V1, ADMIN_KEY);
        assertThat(shared.json().get("detail").asString())
                .isEqualTo("config version 'shared-v' is used by 2 agents (coder, support-bot); give agent_id to choose one");
        Response longOne = server.get("/api/v1/analytics/config-versions/compare?b=x&a=" + "v".repeat(300), ADMIN_KEY);
        assertThat(longOne.status()).isEqualTo(400);
        assertThat(longOne.json().get("detail").asString()).isEqualTo("a is 300 characters, over the limit of 256");
    }

    @Test
    void anUnknownOrHostileVersionIs404() {
        for (String version : List.of("nope", "x' OR '1'='1", "<script>alert(1)</script>", "support-prompt-v%")) {
            Response r = server.get("/api/v1/analytics/config-versions/compare?b=" + V1 + "&a="
                    + URLEncoder.encode(version, StandardCharsets.UTF_8), ADMIN_KEY);
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.json().get("detail").asString())
                    .isEqualTo("config version '" + version + "' does not exist in this workspace");
        }
        Response window = server.get("/api/v1/analytics/config-versions/compare?a=" + V2 + "&b=" + V1
                + "&from=2026-11-02T00:00:00Z", ADMIN_KEY);
        assertThat(window.status()).isEqualTo(404);
    }

    @Test
    void anotherWorkspaceSeesNothing() {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"cfg-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String other = created.json().get("admin_key").get("secret").asString();
        Response list = server.get("/api/v1/analytics/config-versions", other);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("versions").size()).isZero();
        Response compare = server.get("/api/v1/analytics/config-versions/compare?a=" + V2 + "&b=" + V1, other);
        assertThat(compare.status()).isEqualTo(404);
        assertThat(compare.json().get("detail").asString())
                .isEqualTo("config version '" + V2 + "' does not exist in this workspace");
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/analytics/config-versions", "/api/v1/analytics/config-versions/compare?a=x&b=y"})
    void aKeyWithoutAnalyticsViewIs403AndNoKeyIs401(String path) {
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"cfg-ingest-" + Math.abs(path.hashCode()) + "\", \"scopes\": [\"ingest:write\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response r = server.get(path, created.json().get("secret").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.body()).contains("analytics:view");
        assertThat(server.send(server.request(path).GET().build()).status()).isEqualTo(401);
    }

    private static JsonNode ok(String path) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
