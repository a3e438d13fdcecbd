package dev.sextant.server.insights;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Insights over a window ending now come from a snapshot recomputed in the background; a window
 * with from/to is computed on request. Snapshots are per workspace.
 */
class ITInsightSnapshots {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer().with("--sextant.insights.refresh=300ms")
            .with("--sextant.analytics.cache.enabled=false");

    private static JsonNode ok(String path, String key) {
        Response r = server.get(path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aRelativeWindowIsASnapshotThatIsRecomputedInTheBackground() {
        JsonNode first = ok("/api/v1/insights?days=7", ADMIN_KEY);
        assertThat(first.get("snapshot").asBoolean()).isTrue();
        Instant firstEnd = Instant.parse(first.get("to").asString());
        assertThat(Duration.between(Instant.parse(first.get("from").asString()), firstEnd)).isEqualTo(Duration.ofDays(7));
        // a later request gets a newer run once the refresh interval has passed (the request that notices it
        // still gets the older one; the new run finishes in the background)
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                Instant.parse(ok("/api/v1/insights?days=7", ADMIN_KEY).get("to").asString()).isAfter(firstEnd));
    }

    @Test
    void anExplicitWindowIsComputedOnRequestAndTheLimitAppliesToSnapshotsToo() {
        JsonNode explicit = ok("/api/v1/insights?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z", ADMIN_KEY);
        assertThat(explicit.get("snapshot").asBoolean()).isFalse();
        assertThat(explicit.get("to").asString()).isEqualTo("2026-11-08T00:00:00Z");
        JsonNode limited = ok("/api/v1/insights?days=3&limit=1", ADMIN_KEY);
        assertThat(limited.get("snapshot").asBoolean()).isTrue();
        assertThat(limited.get("insights").size()).isLessThanOrEqualTo(1);
    }

    @Test
    void eachWorkspaceHasItsOwnSnapshot() {
        Response ingest = server.post("/api/v1/ingest", ADMIN_KEY, """
                {"batch": [{"type": "trace", "body": {"id": "snap-1", "agent_id": "snap-bot", "status": "error",
                  "started_at": "%s"}}]}""".formatted(Instant.now().minus(Duration.ofHours(1))));
        assertThat(ingest.status()).as(ingest.toString()).isEqualTo(200);
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"snap-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String otherKey = created.json().get("admin_key").get("secret").asString();
        // the admin workspace's snapshot comes to see its agent (too little data to test, but looked at) ...
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> lookedAt(ok("/api/v1/insights?days=7", ADMIN_KEY)) > 0);
        // ... the other workspace's never does
        JsonNode other = ok("/api/v1/insights?days=7", otherKey);
        assertThat(other.get("snapshot").asBoolean()).isTrue();
        assertThat(other.get("insights").size()).isZero();
        assertThat(lookedAt(other)).isZero();
    }

    private static int lookedAt(JsonNode answer) {
        int n = 0;
        for (JsonNode c : answer.get("considered")) {
            n += c.get("candidates").asInt() + c.get("skipped_too_little_data").asInt();
        }
        return n;
    }
}
