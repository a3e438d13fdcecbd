package dev.sextant.server.configperf;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The configuration analytics endpoints' credentials, other workspaces and bad parameters. */
class ITConfigurationAnalyticsRequests {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    @BeforeAll
    static void configuration() {
        Response r = server.post("/api/v1/configurations", ADMIN_KEY,
                "{\"id\": \"cwr\", \"agent_id\": \"cwr-bot\", \"content\": {\"behaviour\": {\"temperature\": 0.2}}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @Test
    void anotherWorkspaceSeesNoConfigurationAndNoChange() {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"cwr-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String other = created.json().get("admin_key").get("secret").asString();
        for (String path : new String[] {"/api/v1/configurations/cwr/performance",
                "/api/v1/configurations/cwr/parameter-impact"}) {
            Response r = server.get(path, other);
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.json().get("detail").asString()).isEqualTo("configuration 'cwr' does not exist in this workspace");
        }
        Response impact = server.get("/api/v1/analytics/business-impact", other);
        assertThat(impact.status()).isEqualTo(200);
        assertThat(impact.json().get("changes").size()).isZero();
        Response patterns = server.get("/api/v1/analytics/personalization/customizations", other);
        assertThat(patterns.status()).isEqualTo(200);
        patterns.json().get("patterns").forEach(p -> assertThat(p.get("user_type").asString()).isEqualTo("non_customizer"));
        Response mine = server.get("/api/v1/analytics/personalization/customizations", ADMIN_KEY);
        assertThat(ITConfigurationAnalytics.actor(mine.json(), "key bootstrap ").get("changes").asLong()).isEqualTo(1);
        Response workspaceWide = server.get("/api/v1/analytics/parameter-impact", other);
        assertThat(workspaceWide.json().get("observations").asInt()).isZero();
    }

    @Test
    void aConfigurationChangeRefreshesTheCachedAnswers() {
        Response key = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"cwr-fresh-writer\", \"scopes\": [\"config:write\"]}");
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        String path = "/api/v1/analytics/personalization/customizations?to=2100-01-01T00:00:00Z&from=2099-06-01T00:00:00Z";
        server.get(path, ADMIN_KEY);
        assertThat(server.get(path, ADMIN_KEY).json().get("cached").asBoolean()).isTrue();
        Response created = server.post("/api/v1/configurations", key.json().get("secret").asString(),
                "{\"id\": \"cwr-fresh\", \"agent_id\": \"cwr-bot\", \"content\": {\"interface\": {\"language\": \"en\"}}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(server.get(path, ADMIN_KEY).json().get("cached").asBoolean()).isFalse();
    }

    @Test
    void aMissingOrHostileConfigurationIs404() {
        for (String id : new String[] {"nope", "x' OR '1'='1", "<img src=x onerror=alert(1)>", "cw_"}) {
            Response r = server.get("/api/v1/configurations/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    .replace("+", "%20") + "/performance", ADMIN_KEY);
            assertThat(r.status()).as(id + " " + r).isEqualTo(404);
            assertThat(r.json().get("detail").asString()).isEqualTo("configuration '" + id + "' does not exist in this workspace");
        }
    }

    @Test
    void theAnalyticsAnswersAlsoComeAsCsvTables() {
        Response patterns = server.get("/api/v1/analytics/personalization/customizations?format=csv", ADMIN_KEY);
        assertThat(patterns.status()).as(patterns.toString()).isEqualTo(200);
        assertThat(patterns.body().lines().findFirst().orElseThrow()).startsWith("actor,actor_kind,changes,user_type");
        Response impact = server.get("/api/v1/analytics/parameter-impact?format=csv&table=parameters", ADMIN_KEY);
        assertThat(impact.status()).as(impact.toString()).isEqualTo(200);
    }

    @Test
    void aHostileAgentIdSelectsNothing() {
        String hostile = URLEncoder.encode("x' OR '1'='1", StandardCharsets.UTF_8);
        Response impact = server.get("/api/v1/analytics/business-impact?agent_id=" + hostile, ADMIN_KEY);
        assertThat(impact.status()).as(impact.toString()).isEqualTo(200);
        assertThat(impact.json().get("changes").size()).isZero();
        Response parameters = server.get("/api/v1/analytics/parameter-impact?agent_id=" + hostile, ADMIN_KEY);
        assertThat(parameters.status()).as(parameters.toString()).isEqualTo(200);
        assertThat(parameters.json().get("observations").asInt()).isZero();
        assertThat(parameters.json().get("recommendation").get("recommended").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/configurations/cwr/performance", "/api/v1/configurations/cwr/parameter-impact",
            "/api/v1/analytics/parameter-impact", "/api/v1/analytics/business-impact",
            "/api/v1/analytics/personalization/customizations"})
    void aKeyWithoutAnalyticsViewIs403AndNoKeyIs401(String path) {
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"cwr-ingest-" + Math.abs(path.hashCode()) + "\", \"scopes\": [\"ingest:write\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response r = server.get(path, created.json().get("secret").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.body()).contains("analytics:view");
        assertThat(server.send(server.request(path).GET().build()).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} is 400 naming {1}")
    @CsvSource({
            "/api/v1/configurations/cwr/performance?from=yesterday, from",
            "/api/v1/configurations/cwr/performance?colour=red, colour",
            "/api/v1/configurations/cwr/performance?to=2026-11-01T00:00:00Z&from=2026-11-02T00:00:00Z, to",
            "/api/v1/configurations/cwr/parameter-impact?outcome=speed, outcome",
            "/api/v1/configurations/cwr/parameter-impact?outcome=, outcome",
            "/api/v1/configurations/cwr/parameter-impact?from=2000-01-01T00:00:00Z, from",
            "/api/v1/analytics/parameter-impact?agent_id=a%00b, agent_id",
            "/api/v1/analytics/business-impact?value_per_success=-1, value_per_success",
            "/api/v1/analytics/business-impact?value_per_success=1e3, value_per_success",
            "/api/v1/analytics/business-impact?value_per_success=NaN, value_per_success",
            "/api/v1/analytics/business-impact?value_per_success=2.5&value_per_success=3, value_per_success",
            "/api/v1/analytics/business-impact?customization_cost=1%3B%20DROP%20TABLE%20traces, customization_cost",
            "/api/v1/analytics/business-impact?customization_cost=1234567890123, customization_cost",
            "/api/v1/analytics/business-impact?customization_cost=0.0000000001, customization_cost",
            "/api/v1/analytics/business-impact?to=2026-11-01T00:00:00Z&from=2026-11-01T00:00:00Z, to",
            "/api/v1/analytics/personalization/customizations?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z, from",
            "/api/v1/analytics/personalization/customizations?agent_id=x, agent_id"})
    void badParametersAre400(String path, String parameter) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("\"parameter\":\"" + parameter + "\"");
    }

    @Test
    void exactErrorTexts() {
        Response money = server.get("/api/v1/analytics/business-impact?value_per_success=-1&customization_cost=x", ADMIN_KEY);
        assertThat(money.json().get("detail").asString()).isEqualTo("2 problems: value_per_success must be a non-negative"
                + " amount in USD such as 2.50 (at most 12 digits before the point and 9 after), was '-1'; customization_cost"
                + " must be a non-negative amount in USD such as 2.50 (at most 12 digits before the point and 9 after), was 'x'");
        Response outcome = server.get("/api/v1/configurations/cwr/parameter-impact?outcome=speed", ADMIN_KEY);
        assertThat(outcome.json().get("detail").asString())
                .isEqualTo("outcome must be one of success_rate, satisfaction, response_time, cost, was 'speed'");
        Response range = server.get("/api/v1/analytics/business-impact?from=2000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                ADMIN_KEY);
        assertThat(range.json().get("detail").asString()).isEqualTo("from 2000-01-01T00:00:00Z to 2026-01-01T00:00:00Z"
                + " spans 9497 days; at most 1999 are allowed");
    }
}
