package dev.sextant.server.analytics;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** /api/v1/analytics/learning through the real server, every figure computed by hand below. */
class ITLearning {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    private static final String RANGE = "from=2026-11-01T00:00:00Z&to=2026-11-04T00:00:00Z";

    /**
     * l-1 day 1 early returns        0.5  applied  accepted
     * l-2 day 1 early returns        0.6  not      rejected
     * l-3 day 2 no wildcard imports  0.7  applied  rejected
     * l-4 day 3 early returns        0.9  applied  success
     * l-5 day 3 no wildcard imports  -    -        accepted
     */
    @BeforeAll
    static void ingest() {
        String batch = "{\"batch\": [" + String.join(",",
                event("l-1", "2026-11-01T10:00:00Z", "early returns", "0.5", "true", "accepted"),
                event("l-2", "2026-11-01T11:00:00Z", "early returns", "0.6", "false", "rejected"),
                event("l-3", "2026-11-02T10:00:00Z", "no wildcard imports", "0.7", "true", "rejected"),
                event("l-4", "2026-11-03T10:00:00Z", "early returns", "0.9", "true", "success"),
                event("l-5", "2026-11-03T11:00:00Z", "no wildcard imports", null, null, "accepted")) + "]}";
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, batch);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static String event(String id, String at, String pattern, String confidence, String applied, String outcome) {
        return """
                {"type": "trace", "body": {"id": "t-%s", "agent_id": "coder", "started_at": "%s"}},
                {"type": "span", "body": {"id": "%s", "trace_id": "t-%s", "kind": "learning", "name": "learn",
                  "started_at": "%s", %s "attributes": {"pattern": "%s", %s "outcome": "%s"}}}"""
                .formatted(id, at, id, id, at, confidence == null ? "" : "\"confidence\": " + confidence + ",",
                        pattern, applied == null ? "" : "\"applied\": " + applied + ",", outcome);
    }

    @Test
    void overallFiguresAndTheConfidenceTrend() {
        JsonNode body = ok("/api/v1/analytics/learning?" + RANGE);
        assertThat(body.get("insufficient_data").isNull()).isTrue();
        assertThat(body.get("data_as_of").asString()).isEqualTo("2026-11-03T11:00:00Z");
        JsonNode all = body.get("overall");
        assertThat(all.get("events").asLong()).isEqualTo(5);
        assertThat(all.get("with_confidence").asLong()).isEqualTo(4);
        assertThat(all.get("mean_confidence").asDouble()).isCloseTo(0.675, within(1e-12));
        assertThat(all.get("with_applied").asLong()).isEqualTo(4);
        assertThat(all.get("applied").asLong()).isEqualTo(3);
        assertThat(all.get("application_rate").asDouble()).isEqualTo(0.75);
        assertThat(all.get("succeeded").asLong()).isEqualTo(2);
        assertThat(all.get("failed").asLong()).isEqualTo(1);
        assertThat(all.get("application_success_rate").asDouble()).isCloseTo(2 / 3.0, within(1e-12));

        JsonNode trend = body.get("confidence_trend");
        JsonNode buckets = trend.get("buckets");
        assertThat(buckets.size()).isEqualTo(3);
        assertThat(buckets.get(0).get("value").asDouble()).isCloseTo(0.55, within(1e-12));
        assertThat(buckets.get(0).get("samples").asLong()).isEqualTo(2);
        assertThat(buckets.get(2).get("value").asDouble()).isCloseTo(0.9, within(1e-12));
        assertThat(buckets.get(2).get("samples").asLong()).isEqualTo(1);
        // y = 0.55, 0.7, 0.9 at x = 0, 1, 2: slope Sxy / Sxx = 0.35 / 2 = 0.175; residuals 1/120, -1/60,
        // 1/120, SSE = 1/2400 on 1 degree of freedom, se = sqrt(SSE / 2), t = 0.175 / se; for one degree
        // of freedom the Student t CDF is 1/2 + atan(t) / pi, so the two-sided p = 1 - 2 atan(t) / pi.
        double t = 0.175 / Math.sqrt(1 / 2400.0 / 2);
        double p = 1 - 2 * Math.atan(t) / Math.PI;
        assertThat(trend.get("trend").get("slope").asDouble()).isCloseTo(0.175, within(1e-9));
        assertThat(trend.get("trend").get("p_value").asDouble()).isCloseTo(p, within(1e-9));
        assertThat(p).isGreaterThan(0.05);
        assertThat(trend.get("trend").get("direction").asString()).isEqualTo("stable");
        assertThat(trend.get("change").get("previous").asDouble()).isCloseTo(0.7, within(1e-12));
        assertThat(trend.get("change").get("last").asDouble()).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void figuresPerPattern() {
        JsonNode patterns = ok("/api/v1/analytics/learning?" + RANGE).get("by_pattern");
        assertThat(patterns.size()).isEqualTo(2);
        JsonNode early = patterns.get(0);
        assertThat(early.get("pattern").asString()).isEqualTo("early returns");
        assertThat(early.get("events").asLong()).isEqualTo(3);
        assertThat(early.get("mean_confidence").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(early.get("application_rate").asDouble()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(early.get("application_success_rate").asDouble()).isEqualTo(1.0);
        JsonNode imports = patterns.get(1);
        assertThat(imports.get("pattern").asString()).isEqualTo("no wildcard imports");
        assertThat(imports.get("application_success_rate").asDouble()).isEqualTo(0.0);
        assertThat(ok("/api/v1/analytics/learning?limit=1&" + RANGE).get("by_pattern").size()).isEqualTo(1);
    }

    @Test
    void withoutEventsTheAnswerSaysSoWithTheCounts() {
        JsonNode none = ok("/api/v1/analytics/learning?agent_id=nobody&" + RANGE);
        assertThat(none.get("overall").get("events").asLong()).isZero();
        assertThat(none.get("overall").get("application_rate").isNull()).isTrue();
        assertThat(none.get("insufficient_data").asString()).contains("0 events");
        assertThat(none.get("confidence_trend").get("trend").get("direction").asString()).isEqualTo("stable");
        assertThat(none.get("confidence_trend").get("buckets").size()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "interval=fortnight | interval",
            "limit=0 | limit",
            "limit=1001 | limit",
            "limit=ten | limit",
            "pattern=x | pattern",
            "handoff=maybe | handoff",
            "interval=hour&from=2000-01-01T00:00:00Z | interval"})
    void badParametersAre400NamingTheParameter(String query, String parameter) {
        Response r = server.get("/api/v1/analytics/learning?" + query, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("\"parameter\":\"" + parameter + "\"");
    }

    @Test
    void aKeyWithoutAnalyticsViewIs403AndNoKeyIs401() {
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"learning-ingest-only\", \"scopes\": [\"ingest:write\"]}");
        Response r = server.get("/api/v1/analytics/learning", created.json().get("secret").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(server.send(server.request("/api/v1/analytics/learning").GET().build()).status()).isEqualTo(401);
    }

    @Test
    void anotherWorkspaceSeesNothingOfThis() {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY,
                "{\"slug\": \"learning-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response r = server.get("/api/v1/analytics/learning?" + RANGE,
                created.json().get("admin_key").get("secret").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("overall").get("events").asLong()).isZero();
        assertThat(r.json().get("by_pattern").size()).isZero();
    }

    private static JsonNode ok(String path) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
