package dev.sextant.server.analytics;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** /api/v1/analytics/trends through the real server, figures computed by hand. */
class ITTrends {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    /** Interactions per day on 1..4 November: 2, 3, 5, 6; on day d the first d of them fail. */
    private static final int[] PER_DAY = {2, 3, 5, 6};
    private static final String RANGE = "&from=2026-11-01T00:00:00Z&to=2026-11-05T00:00:00Z";

    @BeforeAll
    static void ingest() {
        List<String> items = new ArrayList<>();
        for (int d = 0; d < PER_DAY.length; d++) {
            for (int i = 0; i < PER_DAY[d]; i++) {
                String start = "2026-11-0" + (d + 1) + "T1" + i + ":00:00Z";
                String end = "2026-11-0" + (d + 1) + "T1" + i + ":00:0" + (i + 1) + "Z";
                items.add("""
                        {"type": "trace", "body": {"id": "t-%d-%d", "agent_id": "bot", "status": "%s",
                          "started_at": "%s", "ended_at": "%s"}}""".formatted(d, i, i < d ? "error" : "ok", start, end));
            }
        }
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("rejected").size()).as(r.toString()).isZero();
    }

    /**
     * x = 0..3, y = 2, 3, 5, 6: mean y 4, Sxx 5, Sxy 7, slope 1.4; residuals 0.1, -0.3, 0.3, -0.1,
     * SSE 0.2, se = sqrt(0.1 / 5), t = 1.4 / se = 9.899 on 2 d.f.; the t CDF for 2 d.f. in closed
     * form, F(t) = 1/2 + t / (2 sqrt(2 + t^2)), gives p = 1 - t / sqrt(2 + t^2) = 0.010050...
     */
    @Test
    void dailyInteractionsRiseSignificantlyAndAreImproving() {
        JsonNode body = ok("/api/v1/analytics/trends?metric=interactions&interval=day" + RANGE);

        assertThat(body.get("metric").asString()).isEqualTo("interactions");
        assertThat(Instant.parse(body.get("data_as_of").asString())).isEqualTo(Instant.parse("2026-11-04T15:00:00Z"));
        JsonNode series = body.get("series").get(0);
        assertThat(series.get("key").isNull()).isTrue();
        JsonNode buckets = series.get("buckets");
        assertThat(buckets.size()).isEqualTo(4);
        for (int d = 0; d < 4; d++) {
            assertThat(Instant.parse(buckets.get(d).get("start").asString()))
                    .isEqualTo(Instant.parse("2026-11-0" + (d + 1) + "T00:00:00Z"));
            assertThat(buckets.get(d).get("value").asDouble()).isEqualTo(PER_DAY[d]);
            assertThat(buckets.get(d).get("samples").asLong()).isEqualTo(PER_DAY[d]);
        }
        JsonNode trend = series.get("trend");
        double t = 1.4 / Math.sqrt(0.1 / 5);
        assertThat(trend.get("direction").asString()).isEqualTo("improving");
        assertThat(trend.get("slope").asDouble()).isCloseTo(1.4, within(1e-9));
        assertThat(trend.get("p_value").asDouble()).isCloseTo(1 - t / Math.sqrt(2 + t * t), within(1e-9));
        assertThat(trend.get("points").asInt()).isEqualTo(4);
        JsonNode change = series.get("change");
        assertThat(Instant.parse(change.get("last_start").asString())).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
        assertThat(change.get("last").asDouble()).isEqualTo(6.0);
        assertThat(change.get("previous").asDouble()).isEqualTo(5.0);
        assertThat(change.get("change").asDouble()).isEqualTo(1.0);
        assertThat(change.get("change_ratio").asDouble()).isCloseTo(0.2, within(1e-12));
    }

    /**
     * From noon on 1 November to noon on 4 November: the first and the last day are cut by the range
     * (partial), so the trend and the change use only 2 November (3) and 3 November (5).
     */
    @Test
    void bucketsCutByTheRangeAreFlaggedPartialAndLeftOutOfTrendAndChange() {
        JsonNode series = ok("/api/v1/analytics/trends?metric=interactions"
                + "&from=2026-11-01T12:00:00Z&to=2026-11-04T12:00:00Z").get("series").get(0);
        JsonNode buckets = series.get("buckets");
        assertThat(buckets.size()).isEqualTo(4);
        assertThat(buckets.valueStream().map(b -> b.get("partial").asBoolean())).containsExactly(true, false, false, true);
        // day 1's traces start at 10:00 and 11:00, before the range; day 4's at 10:00 and 11:00 are inside
        assertThat(buckets.valueStream().map(b -> b.get("samples").asLong())).containsExactly(0L, 3L, 5L, 2L);
        assertThat(series.get("trend").get("points").asInt()).isEqualTo(2);
        assertThat(series.get("trend").get("direction").asString()).isEqualTo("stable");
        JsonNode change = series.get("change");
        assertThat(Instant.parse(change.get("last_start").asString())).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
        assertThat(change.get("previous").asDouble()).isEqualTo(3.0);
        assertThat(change.get("last").asDouble()).isEqualTo(5.0);
    }

    @Test
    void aRisingErrorRateIsDecliningPerAgent() {
        JsonNode body = ok("/api/v1/analytics/trends?metric=error_rate&interval=day&group_by=agent" + RANGE);

        JsonNode series = body.get("series");
        assertThat(series.size()).isEqualTo(1);
        assertThat(series.get(0).get("key").asString()).isEqualTo("bot");
        double[] rates = {0, 1 / 3.0, 2 / 5.0, 3 / 6.0};
        for (int d = 0; d < 4; d++) {
            assertThat(series.get(0).get("buckets").get(d).get("value").asDouble()).isCloseTo(rates[d], within(1e-12));
        }
        // rates 0, 1/3, 2/5, 1/2 rise; slope by hand: Sxy = -1.5*0 - 0.5/3 + 0.5*0.4 + 1.5*0.5 = 0.78333, / 5
        assertThat(series.get(0).get("trend").get("slope").asDouble()).isCloseTo((-0.5 / 3 + 0.2 + 0.75) / 5,
                within(1e-12));
    }

    @Test
    void groupedByTagUntaggedTracesAreLeftOut() {
        JsonNode body = ok("/api/v1/analytics/trends?metric=interactions&group_by=tag" + RANGE);

        assertThat(body.get("group_by").asString()).isEqualTo("tag");
        assertThat(body.get("series").size()).isZero();
    }

    @Test
    void anEmptyDayIsListedWithoutAnInventedValue() {
        JsonNode count = ok("/api/v1/analytics/trends?metric=interactions&from=2026-10-31T00:00:00Z"
                + "&to=2026-11-05T00:00:00Z").get("series").get(0).get("buckets").get(0);
        JsonNode latency = ok("/api/v1/analytics/trends?metric=latency_p50&from=2026-10-31T00:00:00Z"
                + "&to=2026-11-05T00:00:00Z").get("series").get(0).get("buckets").get(0);

        assertThat(count.get("samples").asLong()).isZero();
        assertThat(count.get("value").asDouble()).isZero();
        assertThat(latency.get("samples").asLong()).isZero();
        assertThat(latency.get("value") == null || latency.get("value").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({
            "/api/v1/analytics/trends, metric",
            "/api/v1/analytics/trends?metric=happiness, metric",
            "/api/v1/analytics/trends?metric=cost&interval=year, interval",
            "/api/v1/analytics/trends?metric=cost&group_by=colour, group_by",
            "/api/v1/analytics/trends?metric=cost&from=yesterday, from",
            "/api/v1/analytics/trends?metric=cost&interval=hour&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z, interval",
            "/api/v1/analytics/trends?metric=cost&agentId=bot, agentId"})
    void badParametersAre400NamingTheParameter(String path, String parameter) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("\"" + parameter + "\"");
    }

    @Test
    void aKeyWithoutAnalyticsViewIs403AndNoKeyIs401() {
        String path = "/api/v1/analytics/trends?metric=cost";
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"trends-ingest-only\", \"scopes\": [\"ingest:write\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response r = server.get(path, created.json().get("secret").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.body()).contains("analytics:view");
        assertThat(server.send(server.request(path).GET().build()).status()).isEqualTo(401);
    }

    @Test
    void anotherWorkspaceSeesNothingOfThis() {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"trends-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String other = created.json().get("admin_key").get("secret").asString();
        Response r = server.get("/api/v1/analytics/trends?metric=interactions" + RANGE, other);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode buckets = r.json().get("series").get(0).get("buckets");
        for (JsonNode b : buckets) {
            assertThat(b.get("samples").asLong()).isZero();
        }
        assertThat(r.json().get("data_as_of").isNull()).isFalse();
    }

    private static JsonNode ok(String path) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
