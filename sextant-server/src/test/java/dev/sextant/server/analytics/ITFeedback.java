package dev.sextant.server.analytics;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** /api/v1/analytics/feedback through the real server, every figure computed by hand below. */
class ITFeedback {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    private static final String RANGE = "from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z";

    /**
     * Five rated interactions over two days, and one before the range:
     * t-1 bot  day 1 vip      text  plus      5 "fast and helpful"               thumbs up
     * t-2 bot  day 1 vip, eu  text  standard  1 "had to repeat myself, useless"  thumbs down
     * t-3 oth  day 2 -        voice plus      2 "had to repeat myself"
     * t-4 oth  day 2 eu       voice -         4 "fast answer"                    thumbs up
     * t-5 bot  day 2 -        -     -         1 "repeat myself again"
     * t-0 bot  Oct 31                         1 "repeat myself" (outside the range)
     */
    @BeforeAll
    static void ingest() {
        List<String> items = new ArrayList<>();
        trace(items, "t-1", "bot", "2026-11-01T10:00:00Z", "[\"vip\"]", "text", "plus", 5, "fast and helpful", 1);
        trace(items, "t-2", "bot", "2026-11-01T11:00:00Z", "[\"vip\", \"eu\"]", "text", "standard", 1,
                "had to repeat myself, useless", 0);
        trace(items, "t-3", "other", "2026-11-02T09:00:00Z", "[]", "voice", "plus", 2, "had to repeat myself", null);
        trace(items, "t-4", "other", "2026-11-02T10:00:00Z", "[\"eu\"]", "voice", null, 4, "fast answer", 1);
        trace(items, "t-5", "bot", "2026-11-02T12:00:00Z", "[]", null, null, 1, "repeat myself again", null);
        trace(items, "t-0", "bot", "2026-10-31T12:00:00Z", "[]", null, null, 1, "repeat myself", null);
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static void trace(List<String> items, String id, String agent, String start, String tags, String type,
            String tier, int rating, String comment, Integer thumbs) {
        items.add("""
                {"type": "trace", "body": {"id": "%s", "agent_id": "%s", "started_at": "%s", "tags": %s,
                  "message_type": %s, "metadata": %s}}""".formatted(id, agent, start, tags,
                type == null ? "null" : "\"" + type + "\"", tier == null ? "{}" : "{\"tier\": \"" + tier + "\"}"));
        String ratedAt = start.replace(":00:00Z", ":05:00Z");
        items.add("""
                {"type": "score", "body": {"id": "%s-r", "trace_id": "%s", "name": "user_rating", "value": %d,
                  "comment": "%s", "source": "user", "created_at": "%s"}}""".formatted(id, id, rating, comment, ratedAt));
        if (thumbs != null) {
            items.add("""
                    {"type": "score", "body": {"id": "%s-t", "trace_id": "%s", "name": "thumbs", "value": %s}}"""
                    .formatted(id, id, thumbs == 1 ? "true" : "false"));
        }
    }

    @Test
    void countMeanDistributionBucketsAndThumbs() {
        JsonNode body = ok("/api/v1/analytics/feedback?" + RANGE);
        assertThat(body.get("score").asString()).isEqualTo("user_rating");
        assertThat(body.get("count").asLong()).isEqualTo(5);
        assertThat(body.get("mean").asDouble()).isCloseTo(13 / 5.0, within(1e-12));
        assertThat(body.get("insufficient_data").isNull()).isTrue();
        JsonNode d = body.get("distribution");
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.get(0).get("value").asDouble()).isEqualTo(1.0);
        assertThat(d.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(d.get(3).get("value").asDouble()).isEqualTo(5.0);
        JsonNode buckets = body.get("over_time").get("buckets");
        assertThat(buckets.size()).isEqualTo(2);
        assertThat(buckets.get(0).get("start").asString()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(buckets.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(buckets.get(0).get("mean").asDouble()).isEqualTo(3.0);
        assertThat(buckets.get(1).get("count").asLong()).isEqualTo(3);
        assertThat(buckets.get(1).get("mean").asDouble()).isCloseTo(7 / 3.0, within(1e-12));
        // two buckets are too few for a slope: stable, and it says why
        assertThat(body.get("over_time").get("trend").get("direction").asString()).isEqualTo("stable");
        assertThat(body.get("over_time").get("trend").get("reason").asString()).contains("at least 3");
        JsonNode thumbs = body.get("thumbs");
        assertThat(thumbs.get("up").asLong()).isEqualTo(2);
        assertThat(thumbs.get("down").asLong()).isEqualTo(1);
        assertThat(thumbs.get("up_ratio").asDouble()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(body.get("data_as_of").asString()).isEqualTo("2026-11-02T12:00:00Z");
    }

    @Test
    void groupsByAgentTagAndMetadataKey() {
        JsonNode agents = ok("/api/v1/analytics/feedback?group_by=agent&" + RANGE).get("groups");
        assertThat(agents.size()).isEqualTo(2);
        assertThat(agents.get(0).get("key").asString()).isEqualTo("bot");
        assertThat(agents.get(0).get("count").asLong()).isEqualTo(3);
        assertThat(agents.get(0).get("mean").asDouble()).isCloseTo(7 / 3.0, within(1e-12));
        // bot over time: day 1 t-1 (5) and t-2 (1), day 2 t-5 (1)
        JsonNode botDays = agents.get(0).get("buckets");
        assertThat(botDays.size()).isEqualTo(2);
        assertThat(botDays.get(0).get("count").asLong()).isEqualTo(2);
        assertThat(botDays.get(0).get("mean").asDouble()).isEqualTo(3.0);
        assertThat(botDays.get(1).get("count").asLong()).isEqualTo(1);
        assertThat(botDays.get(1).get("mean").asDouble()).isEqualTo(1.0);
        assertThat(agents.get(1).get("key").asString()).isEqualTo("other");
        assertThat(agents.get(1).get("buckets").get(0).get("count").asLong()).isZero();
        assertThat(agents.get(1).get("buckets").get(0).get("mean").isNull()).isTrue();
        assertThat(agents.get(1).get("mean").asDouble()).isEqualTo(3.0);
        JsonNode tags = ok("/api/v1/analytics/feedback?group_by=tag&" + RANGE).get("groups");
        assertThat(tags.get(0).get("key").asString()).isEqualTo("eu");
        assertThat(tags.get(0).get("mean").asDouble()).isEqualTo(2.5);
        assertThat(tags.get(1).get("key").asString()).isEqualTo("vip");
        assertThat(tags.get(1).get("mean").asDouble()).isEqualTo(3.0);
        JsonNode tiers = ok("/api/v1/analytics/feedback?group_by=metadata.tier&" + RANGE).get("groups");
        assertThat(tiers.size()).isEqualTo(2);
        assertThat(tiers.get(0).get("key").asString()).isEqualTo("plus");
        assertThat(tiers.get(0).get("mean").asDouble()).isEqualTo(3.5);
        assertThat(tiers.get(1).get("key").asString()).isEqualTo("standard");
        assertThat(tiers.get(1).get("count").asLong()).isEqualTo(1);
        JsonNode types = ok("/api/v1/analytics/feedback?group_by=message_type&" + RANGE).get("groups");
        assertThat(types.size()).isEqualTo(2);
    }

    /**
     * Low-rated (≤ 2): t-2, t-3, t-5; high-rated (≥ 4): t-1, t-4. "repeat myself" is in all three
     * low and no high comment: table [[3, 0], [0, 2]], G² = 2 (3 ln(3/1.8) + 2 ln(2/0.8)) =
     * 6.7301166700925... (SciPy chi2_contingency with lambda_="log-likelihood": 6.730116670092564,
     * p 0.00947983990870854). "fast" is the mirror image on the high side.
     */
    @Test
    void themesSetLowRatedCommentsApartByLogLikelihood() {
        JsonNode themes = ok("/api/v1/analytics/feedback?" + RANGE).get("themes");
        assertThat(themes.get("comments").asLong()).isEqualTo(5);
        assertThat(themes.get("low_rated_comments").asLong()).isEqualTo(3);
        assertThat(themes.get("high_rated_comments").asLong()).isEqualTo(2);
        assertThat(themes.get("capped").asBoolean()).isFalse();
        JsonNode common = themes.get("common");
        assertThat(common.get(0).get("term").asString()).isEqualTo("repeat myself");
        assertThat(common.get(0).get("comments").asLong()).isEqualTo(3);
        assertThat(common.get(1).get("term").asString()).isEqualTo("fast");
        assertThat(common.size()).isEqualTo(2);
        JsonNode low = themes.get("low_rated").get(0);
        double byHand = 2 * (3 * Math.log(3 / 1.8) + 2 * Math.log(2 / 0.8));
        assertThat(low.get("term").asString()).isEqualTo("repeat myself");
        assertThat(low.get("low_comments").asLong()).isEqualTo(3);
        assertThat(low.get("high_comments").asLong()).isZero();
        assertThat(low.get("g2").asDouble()).isCloseTo(byHand, within(1e-9)).isCloseTo(6.730116670092564, within(1e-9));
        assertThat(low.get("p_value").asDouble()).isCloseTo(0.00947983990870854, within(1e-9));
        assertThat(low.get("significant").asBoolean()).isTrue();
        assertThat(low.get("examples").get(0).asString()).isEqualTo("repeat myself again");
        assertThat(low.get("examples").size()).isEqualTo(3);
        assertThat(themes.get("high_rated").get(0).get("term").asString()).isEqualTo("fast");
        // with no low side there is nothing to compare, and the answer says so
        JsonNode noLow = ok("/api/v1/analytics/feedback?low_max=0.5&" + RANGE).get("themes");
        assertThat(noLow.get("low_rated").size()).isZero();
        assertThat(noLow.get("reason").asString()).contains("0 low-rated");
    }

    @Test
    void lowRatedExamplesNameTheirInteractionNewestFirst() {
        JsonNode examples = ok("/api/v1/analytics/feedback?" + RANGE).get("low_rated_examples");
        assertThat(examples.size()).isEqualTo(3);
        assertThat(examples.get(0).get("trace_id").asString()).isEqualTo("t-5");
        assertThat(examples.get(0).get("value").asDouble()).isEqualTo(1.0);
        assertThat(examples.get(0).get("comment").asString()).isEqualTo("repeat myself again");
        assertThat(examples.get(0).get("created_at").asString()).isEqualTo("2026-11-02T12:05:00Z");
        assertThat(examples.get(1).get("trace_id").asString()).isEqualTo("t-3");
        assertThat(examples.get(2).get("trace_id").asString()).isEqualTo("t-2");
        // low_max moves the line; the interaction outside the range (t-0) is never listed
        JsonNode onlyOnes = ok("/api/v1/analytics/feedback?low_max=1&" + RANGE).get("low_rated_examples");
        assertThat(onlyOnes.size()).isEqualTo(2);
        assertThat(onlyOnes.get(1).get("trace_id").asString()).isEqualTo("t-2");
    }

    @Test
    void theThumbsThemselvesAndAScoreNobodySentAreAnswered() {
        JsonNode thumbs = ok("/api/v1/analytics/feedback?score=thumbs&" + RANGE);
        assertThat(thumbs.get("count").asLong()).isEqualTo(3);
        assertThat(thumbs.get("mean").asDouble()).isCloseTo(2 / 3.0, within(1e-12));
        JsonNode none = ok("/api/v1/analytics/feedback?score=nps&" + RANGE);
        assertThat(none.get("count").asLong()).isZero();
        assertThat(none.get("mean").isNull()).isTrue();
        assertThat(none.get("insufficient_data").asString()).contains("no 'nps' scores", "0 scores");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "score=user%20rating | score",
            "score=%3Cscript%3Ealert(1)%3C%2Fscript%3E | score",
            "interval=year | interval",
            "group_by=model | group_by",
            "group_by=metadata. | group_by",
            "group_by=metadata.a%27b | group_by",
            "low_max=x | low_max",
            "low_max=4&high_min=4 | low_max",
            "high_min=NaN | high_min",
            "themes=0 | themes",
            "themes=abc | themes",
            "themes=1&themes=2 | themes",
            "agentId=bot | agentId",
            "from=yesterday | from",
            "interval=hour&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z | interval"})
    void badParametersAre400NamingTheParameter(String query, String parameter) {
        Response r = server.get("/api/v1/analytics/feedback?" + query, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("\"parameter\":\"" + parameter + "\"");
        // a value is echoed only inside JSON, never as a page
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void aHugeHostileValueIsNotEchoedWhole() {
        String hostile = "x".repeat(3000);
        Response r = server.get("/api/v1/analytics/feedback?group_by="
                + URLEncoder.encode(hostile, StandardCharsets.UTF_8), ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("group_by").doesNotContain(hostile);
    }

    @Test
    void aKeyWithoutAnalyticsViewIs403AndNoKeyIs401() {
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"feedback-ingest-only\", \"scopes\": [\"ingest:write\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response r = server.get("/api/v1/analytics/feedback", created.json().get("secret").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.body()).contains("analytics:view");
        assertThat(server.send(server.request("/api/v1/analytics/feedback").GET().build()).status()).isEqualTo(401);
    }

    @Test
    void anotherWorkspaceSeesNothingOfThis() {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"feedback-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Response r = server.get("/api/v1/analytics/feedback?group_by=agent&" + RANGE,
                created.json().get("admin_key").get("secret").asString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("count").asLong()).isZero();
        assertThat(r.json().get("groups").size()).isZero();
        assertThat(r.json().get("thumbs").get("up").asLong()).isZero();
        assertThat(r.json().get("themes").get("comments").asLong()).isZero();
        assertThat(r.json().get("low_rated_examples").size()).isZero();
    }

    private static JsonNode ok(String path) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
