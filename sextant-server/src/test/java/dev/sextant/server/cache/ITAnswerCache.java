package dev.sextant.server.cache;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The analytics answer cache through the real server: reused until the workspace's data changes,
 * never across workspaces, never past a missing scope, never for errors. Grace is 0 (the
 * default, set here to say so), so any new data makes the next answer fresh.
 */
class ITAnswerCache {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer().with("--sextant.analytics.cache.grace=0s");

    private static final String STATS = "/api/v1/interactions/stats?agent_id=cache-bot&status=ok";

    private static void ingest(String key, String id) {
        ingest(key, id, "cache-bot");
    }

    private static void ingest(String key, String id, String agent) {
        Response r = server.post("/api/v1/ingest", key, """
                {"batch": [{"type": "trace", "body": {"id": "%s", "agent_id": "%s", "status": "ok",
                  "started_at": "2026-11-01T10:00:00Z"}}]}""".formatted(id, agent));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static Response get(String path, String key) {
        return server.get(path, key);
    }

    @Test
    void anAnswerIsReusedUntilNewDataArrives() {
        String stats = "/api/v1/interactions/stats?agent_id=fresh-bot&status=ok";
        ingest(ADMIN_KEY, "c-1", "fresh-bot");
        Response first = get(stats, ADMIN_KEY);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("Sextant-Cache")).contains("miss");
        assertThat(first.json().get("cached").asBoolean()).isFalse();
        assertThat(first.json().get("interactions").asLong()).isEqualTo(1);

        Response second = get("/api/v1/interactions/stats?status=ok&agent_id=fresh-bot", ADMIN_KEY);
        assertThat(second.header("Sextant-Cache")).contains("hit");
        JsonNode hit = second.json();
        assertThat(hit.get("cached").asBoolean()).isTrue();
        assertThat(hit.get("computed_at").asString()).isEqualTo(first.json().get("computed_at").asString());
        assertThat(hit.get("interactions").asLong()).isEqualTo(1);

        ingest(ADMIN_KEY, "c-2", "fresh-bot");
        Response third = get(stats, ADMIN_KEY);
        assertThat(third.header("Sextant-Cache")).contains("miss");
        assertThat(third.json().get("cached").asBoolean()).isFalse();
        assertThat(third.json().get("interactions").asLong()).isEqualTo(2);
    }

    @Test
    void anotherWorkspaceNeverSeesTheCachedAnswer() {
        ingest(ADMIN_KEY, "c-3");
        assertThat(get(STATS, ADMIN_KEY).json().get("interactions").asLong()).isPositive();
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"cache-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String otherKey = created.json().get("admin_key").get("secret").asString();

        Response other = get(STATS, otherKey);
        assertThat(other.header("Sextant-Cache")).contains("miss");
        assertThat(other.json().get("interactions").asLong()).isZero();
        assertThat(get(STATS, otherKey).header("Sextant-Cache")).contains("hit");
        assertThat(get(STATS, otherKey).json().get("interactions").asLong()).isZero();
    }

    @Test
    void aKeyWithoutAnalyticsViewGetsItsForbiddenEvenWhenTheAnswerIsCached() {
        get(STATS, ADMIN_KEY);
        assertThat(get(STATS, ADMIN_KEY).header("Sextant-Cache")).contains("hit");
        Response key = server.post("/api/v1/api-keys", ADMIN_KEY, "{\"name\": \"writer\", \"scopes\": [\"ingest:write\"]}");
        Response denied = get(STATS, key.json().get("secret").asString());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.header("Sextant-Cache")).isEmpty();
        assertThat(get(STATS, "sk-sx-not-a-key").status()).isEqualTo(401);
    }

    @Test
    void errorsAreNotCachedAndUncachedPathsAreUntouched() {
        String bad = "/api/v1/analytics/trends?metric=happiness";
        Response first = get(bad, ADMIN_KEY);
        assertThat(first.status()).isEqualTo(400);
        assertThat(first.header("Sextant-Cache")).isEmpty();
        assertThat(get(bad, ADMIN_KEY).header("Sextant-Cache")).isEmpty();

        Response list = get("/api/v1/interactions?agent_id=cache-bot", ADMIN_KEY);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Sextant-Cache")).isEmpty();
        assertThat(list.json().has("cached")).isFalse();
    }

    @Test
    void everyAnalyticsAnswerSaysHowFreshItIs() {
        for (String path : new String[] {"/api/v1/analytics/trends?metric=cost", "/api/v1/analytics/tools",
                "/api/v1/analytics/agents", "/api/v1/analytics/errors", "/api/v1/interactions/stats"}) {
            JsonNode body = get(path, ADMIN_KEY).json();
            assertThat(body.has("cached")).as(path).isTrue();
            assertThat(body.has("computed_at")).as(path).isTrue();
            assertThat(path.endsWith("stats") || body.has("data_as_of")).as(path).isTrue();
        }
    }
}
