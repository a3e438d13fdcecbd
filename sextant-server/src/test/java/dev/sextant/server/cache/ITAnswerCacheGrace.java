package dev.sextant.server.cache;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With a grace period an answer is reused although newer data arrived, and says it is cached. */
class ITAnswerCacheGrace {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer().with("--sextant.analytics.cache.grace=1h");

    private static void ingest(String id) {
        Response r = server.post("/api/v1/ingest", ADMIN_KEY, """
                {"batch": [{"type": "trace", "body": {"id": "%s", "agent_id": "grace-bot",
                  "started_at": "2026-11-01T10:00:00Z"}}]}""".formatted(id));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void anAnswerYoungerThanTheGraceIsServedDespiteNewData() {
        ingest("g-1");
        Response first = server.get("/api/v1/interactions/stats", ADMIN_KEY);
        assertThat(first.json().get("interactions").asLong()).isEqualTo(1);
        ingest("g-2");
        Response second = server.get("/api/v1/interactions/stats", ADMIN_KEY);
        assertThat(second.header("Sextant-Cache")).contains("hit");
        assertThat(second.json().get("cached").asBoolean()).isTrue();
        assertThat(second.json().get("interactions").asLong()).isEqualTo(1);
        // a different question is computed fresh
        assertThat(server.get("/api/v1/interactions/stats?agent_id=grace-bot", ADMIN_KEY).json().get("interactions")
                .asLong()).isEqualTo(2);
    }
}
