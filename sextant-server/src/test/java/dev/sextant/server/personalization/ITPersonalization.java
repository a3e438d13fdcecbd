package dev.sextant.server.personalization;

import static dev.sextant.server.personalization.PersonalizationTraffic.NOVEMBER;
import static dev.sextant.server.personalization.PersonalizationTraffic.OCTOBER;
import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

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

/** /api/v1/analytics/personalization through the real server on DuckDB, over {@link PersonalizationTraffic}. */
class ITPersonalization {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    private static final String USERS = "/api/v1/analytics/personalization/users";
    private static final String SEGMENTS = "/api/v1/analytics/personalization/segments";

    @BeforeAll
    static void ingest() {
        PersonalizationTraffic.ingest(server);
    }

    @Test
    void usersAreListedMostActiveFirstWithWeeklyRatingsAndTrends() {
        JsonNode body = ok(USERS + "?" + NOVEMBER);
        PersonalizationAnswers.checkNovemberUsers(body);
        JsonNode ann = body.get("users").get(1);
        JsonNode weeks = ann.get("weeks");
        assertThat(weeks.size()).isEqualTo(3);
        assertThat(weeks.get(0).get("week").asString()).isEqualTo("2026-11-02T00:00:00Z");
        assertThat(weeks.get(0).get("interactions").asLong()).isEqualTo(1);
        assertThat(weeks.get(0).get("mean_rating").asDouble()).isEqualTo(2.0);
        assertThat(weeks.get(2).get("week").asString()).isEqualTo("2026-11-16T00:00:00Z");
        JsonNode bob = body.get("users").get(0);
        assertThat(bob.get("weeks").get(1).get("interactions").asLong()).isEqualTo(2);
        assertThat(bob.get("weeks").get(1).get("ratings").asLong()).isEqualTo(1);
        assertThat(body.get("trend_rule").get("threshold").asDouble()).isEqualTo(0.001);
        assertThat(body.get("from").asString()).isEqualTo("2026-11-02T00:00:00Z");
    }

    @Test
    void filtersByAgentAndUser() {
        JsonNode helper = ok(USERS + "?agent_id=helper&" + NOVEMBER);
        assertThat(helper.get("total").asLong()).isEqualTo(1);
        assertThat(helper.get("users").get(0).get("user_id").asString()).isEqualTo("ann");
        assertThat(helper.get("agent_id").asString()).isEqualTo("helper");
        JsonNode ann = ok(USERS + "?user_id=ann&" + NOVEMBER);
        assertThat(ann.get("total").asLong()).isEqualTo(2);
        assertThat(ann.get("users").get(0).get("agent_id").asString()).isEqualTo("bot");
        JsonNode hostile = ok(USERS + "?user_id=" + URLEncoder.encode("' OR 1=1 --", StandardCharsets.UTF_8) + "&"
                + NOVEMBER);
        assertThat(hostile.get("total").asLong()).isZero();
    }

    @Test
    void pagesFollowTheCursorToTheEnd() {
        JsonNode first = ok(USERS + "?limit=3&" + NOVEMBER);
        assertThat(first.get("total").asLong()).isEqualTo(4);
        List<String> seen = new ArrayList<>();
        first.get("users").forEach(u -> seen.add(u.get("user_id").asString() + "/" + u.get("agent_id").asString()));
        String cursor = first.get("next_cursor").asString();
        JsonNode second = ok(USERS + "?limit=3&cursor=" + cursor + "&" + NOVEMBER);
        second.get("users").forEach(u -> seen.add(u.get("user_id").asString() + "/" + u.get("agent_id").asString()));
        assertThat(second.get("next_cursor").isNull()).isTrue();
        assertThat(seen).containsExactly("bob/bot", "ann/bot", "cy/bot", "ann/helper");
    }

    @Test
    void twoPlantedGroupsAreTwoSegmentsWithRecommendations() {
        PersonalizationAnswers.checkOctoberSegments(ok(SEGMENTS + "?" + OCTOBER));
        JsonNode given = ok(SEGMENTS + "?k=2&" + OCTOBER);
        assertThat(given.get("k_choice").asString()).isEqualTo("given");
        assertThat(given.get("segments").size()).isEqualTo(2);
    }

    @Test
    void tooFewUsersOrATooLargeKGiveNoSegmentsWithTheReason() {
        JsonNode november = ok(SEGMENTS + "?" + NOVEMBER);
        assertThat(november.get("users").asLong()).isEqualTo(3);
        assertThat(november.get("segments").size()).isZero();
        assertThat(november.get("k").isNull()).isTrue();
        assertThat(november.get("reason").asString())
                .isEqualTo("segments need at least 10 users with interactions in the range, found 3");
        JsonNode k5 = ok(SEGMENTS + "?k=5&" + OCTOBER);
        assertThat(k5.get("reason").asString()).isEqualTo("k = 5 needs at least 15 users (3 per segment), found 12");
    }

    @ParameterizedTest(name = "{0} {1} is refused: {3}")
    @CsvSource(delimiter = '|', value = {
            "users | from=2026-11-30T00:00:00Z&to=2026-11-02T00:00:00Z | to | to (2026-11-02T00:00:00Z) must be after from (2026-11-30T00:00:00Z)",
            "users | from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z | from | from 2020-01-01T00:00:00Z to 2026-01-01T00:00:00Z is longer than 366 days",
            "users | from=yesterday | from | from must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z, was 'yesterday'",
            "users | limit=0 | limit | limit must be a whole number between 1 and 200, was '0'",
            "users | limit=201 | limit | limit must be a whole number between 1 and 200, was '201'",
            "users | limit=ten | limit | limit must be a whole number between 1 and 200, was 'ten'",
            "users | limit=1&limit=2 | limit | limit was given 2 times; give it once",
            "users | cursor=bm9wZQ | cursor | cursor is not one this endpoint gave out: 'bm9wZQ'",
            "users | k=3 | k | unknown parameter 'k'; known: agent_id, cursor, from, limit, to, user_id",
            "users | agent_id=a%00b | agent_id | agent_id contains a control character (U+0000); remove it",
            "segments | k=1 | k | k must be a whole number between 2 and 10, was '1'",
            "segments | k=11 | k | k must be a whole number between 2 and 10, was '11'",
            "segments | k=2.5 | k | k must be a whole number between 2 and 10, was '2.5'",
            "segments | k= | k | k is empty; give it a value or leave it out",
            "segments | user_id=ann | user_id | unknown parameter 'user_id'; known: agent_id, from, k, to",
            "segments | to=2026-13-01T00:00:00Z | to | to must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z, was '2026-13-01T00:00:00Z'"})
    void badParametersAre400WithTheExactProblem(String endpoint, String query, String parameter, String message) {
        Response r = server.get("/api/v1/analytics/personalization/" + endpoint + "?" + query, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode error = r.json().get("errors").get(0);
        assertThat(error.get("parameter").asString()).isEqualTo(parameter);
        assertThat(error.get("message").asString()).isEqualTo(message);
    }

    @Test
    void aHugeHostileValueIsRefusedWithoutBeingEchoed() {
        String hostile = "<script>" + "x".repeat(3000);
        Response r = server.get(USERS + "?agent_id=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8), ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("message").asString())
                .isEqualTo("agent_id is 3008 characters, over the limit of 256");
        Response cursor = server.get(USERS + "?cursor=" + "A".repeat(200), ADMIN_KEY);
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.body()).doesNotContain("A".repeat(101));
    }

    @Test
    void aKeyWithoutAnalyticsViewIs403AndNoKeyIs401() {
        Response created = server.post("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"personalization-ingest-only\", \"scopes\": [\"ingest:write\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String key = created.json().get("secret").asString();
        for (String path : List.of(USERS, SEGMENTS)) {
            Response r = server.get(path, key);
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.body()).contains("analytics:view");
            assertThat(server.send(server.request(path).GET().build()).status()).isEqualTo(401);
        }
    }

    @Test
    void anotherWorkspaceSeesNothingOfThis() {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY,
                "{\"slug\": \"personalization-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String key = created.json().get("admin_key").get("secret").asString();
        JsonNode users = server.get(USERS + "?" + NOVEMBER, key).json();
        assertThat(users.get("total").asLong()).isZero();
        assertThat(users.get("users").size()).isZero();
        assertThat(server.get(USERS + "?user_id=ann&" + NOVEMBER, key).json().get("total").asLong()).isZero();
        JsonNode segments = server.get(SEGMENTS + "?" + OCTOBER, key).json();
        assertThat(segments.get("users").asLong()).isZero();
        assertThat(segments.get("segments").size()).isZero();
    }

    private static JsonNode ok(String path) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
