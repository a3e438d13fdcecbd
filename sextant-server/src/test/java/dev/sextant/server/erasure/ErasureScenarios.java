package dev.sextant.server.erasure;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * Erasure through the real server, the same scenarios on each store: data ingested through the
 * ingest API for two users in two workspaces, one user erased in one workspace, then read back
 * through every read API that could show them.
 */
abstract class ErasureScenarios {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    abstract SextantTestServer server();

    /** Where a user shows up: interactions, their detail, sessions, personalization, the export. */
    void erasingOneUserLeavesEveryoneElse(String prefix) {
        String mine = workspace(prefix + "-mine");
        String theirs = workspace(prefix + "-theirs");
        for (String key : List.of(mine, theirs)) {
            ingest(key, "alice", 3);
            ingest(key, "bob", 2);
        }
        // alice rates one of bob's answers: a score by her, on his trace
        Response cross = server().post("/api/v1/ingest", mine, """
                {"batch": [{"type": "score", "body": {"id": "alice-on-bob", "trace_id": "bob-0", "name": "thumbs",
                  "value": 1, "source": "user", "user_id": "alice"}}]}""");
        assertThat(cross.status()).as(cross.toString()).isEqualTo(200);
        JsonNode bobBefore = ok("/api/v1/interactions?user_id=bob", mine);
        JsonNode bobSessionsBefore = ok("/api/v1/sessions?user_id=bob", mine);
        JsonNode bobUsersBefore = ok("/api/v1/analytics/personalization/users?user_id=bob", mine).get("users");
        assertThat(ok("/api/v1/interactions?user_id=alice", mine).get("items")).hasSize(3);

        Response erased = server().delete("/api/v1/users/alice/data", mine);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        JsonNode receipt = erased.json();
        assertThat(receipt.get("user_id").asString()).isEqualTo("alice");
        assertThat(receipt.get("receipt_id").asString()).startsWith("erasure_");
        assertThat(receipt.get("workspace_id").asString()).isNotBlank();
        assertThat(receipt.get("deleted").toString())
                .isEqualTo("{\"traces\":3,\"spans\":6,\"scores\":4,\"sessions\":1}");
        assertThat(receipt.get("remaining").asLong()).isZero();
        Instant requested = Instant.parse(receipt.get("requested_at").asString());
        assertThat(Instant.parse(receipt.get("completed_at").asString())).isAfterOrEqualTo(requested);

        assertThat(ok("/api/v1/interactions?user_id=alice", mine).get("items")).isEmpty();
        assertThat(server().get("/api/v1/interactions/alice-0", mine).status()).isEqualTo(404);
        assertThat(ok("/api/v1/sessions?user_id=alice", mine).get("items")).isEmpty();
        assertThat(server().get("/api/v1/sessions/alice-session", mine).status()).isEqualTo(404);
        assertThat(ok("/api/v1/analytics/personalization/users?user_id=alice", mine).get("users")).isEmpty();
        assertThat(ok("/api/v1/analytics/personalization/users", mine).get("users").toString()).doesNotContain("alice");
        for (String entity : List.of("traces", "spans", "scores")) {
            Response export = server().get("/api/v1/export?entity=" + entity + "&format=jsonl", mine);
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.body()).as(entity).doesNotContain("alice").contains("bob");
        }
        assertThat(ok("/api/v1/interactions?user_id=bob", mine)).isEqualTo(bobBefore);
        assertThat(ok("/api/v1/interactions/bob-0", mine).get("scores").toString())
                .contains("bob-0-rating").doesNotContain("alice");
        assertThat(ok("/api/v1/sessions?user_id=bob", mine)).isEqualTo(bobSessionsBefore);
        assertThat(ok("/api/v1/analytics/personalization/users?user_id=bob", mine).get("users")).isEqualTo(bobUsersBefore);
        // the other workspace's alice is untouched
        assertThat(ok("/api/v1/interactions?user_id=alice", theirs).get("items")).hasSize(3);
        assertThat(ok("/api/v1/interactions/alice-0", theirs).get("spans")).hasSize(2);
        assertThat(ok("/api/v1/sessions?user_id=alice", theirs).get("items")).hasSize(1);

        // the receipt is kept, readable by user and by id, only in its workspace
        String id = receipt.get("receipt_id").asString();
        assertThat(ok("/api/v1/erasures/" + id, mine)).isEqualTo(receipt);
        assertThat(ok("/api/v1/users/alice/data/erasures", mine).get("erasures")).containsExactly(receipt);
        assertThat(server().get("/api/v1/erasures/" + id, theirs).status()).isEqualTo(404);
        assertThat(ok("/api/v1/users/alice/data/erasures", theirs).get("erasures")).isEmpty();

        // the audit log has the erasure (receipt and counts), in this workspace only
        JsonNode audited = ok("/api/v1/audit-log?action=user_data.erase", mine).get("items");
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).get("target").get("id").asString()).isEqualTo(id);
        assertThat(audited.get(0).get("details").get("traces").asLong())
                .isEqualTo(receipt.get("deleted").get("traces").asLong());
        assertThat(ok("/api/v1/audit-log?action=user_data.erase", theirs).get("items")).isEmpty();

        // idempotent: again, and a user never seen, erase nothing and say so
        for (String user : List.of("alice", "nobody")) {
            Response again = server().delete("/api/v1/users/" + user + "/data", mine);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("deleted").toString())
                    .isEqualTo("{\"traces\":0,\"spans\":0,\"scores\":0,\"sessions\":0}");
        }
        assertThat(ok("/api/v1/users/alice/data/erasures", mine).get("erasures")).hasSize(2);
        assertThat(ok("/api/v1/interactions?user_id=alice", theirs).get("items")).hasSize(3);
    }

    /** The learning applications recorded for the erased user's traces go with them; others stay. */
    void learningApplicationsOfErasedTracesGo(String prefix) {
        String mine = workspace(prefix + "-learn");
        String theirs = workspace(prefix + "-learn-theirs");
        for (String key : List.of(mine, theirs)) {
            ingest(key, "alice", 2);
            ingest(key, "bob", 1);
            Response created = server().post("/api/v1/learnings", key, """
                    {"id": "short-answers", "statement": "Answer in two sentences", "pattern": ["length<2"]}""");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            for (String trace : List.of("alice-0", "alice-1", "bob-0")) {
                Response applied = server().post("/api/v1/learnings/short-answers/applications", key,
                        "{\"trace_id\": \"" + trace + "\"}");
                assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
            }
        }

        assertThat(server().delete("/api/v1/users/alice/data", mine).status()).isEqualTo(200);

        JsonNode left = ok("/api/v1/learnings/short-answers/applications", mine);
        assertThat(left.get("total").asLong()).isEqualTo(1);
        assertThat(left.get("applications").get(0).get("trace_id").asString()).isEqualTo("bob-0");
        assertThat(ok("/api/v1/learnings/short-answers", mine).get("applications").get("total").asLong()).isEqualTo(1);
        assertThat(ok("/api/v1/learnings/short-answers/applications", theirs).get("total").asLong()).isEqualTo(3);
    }

    /** With hash_user_ids on, the id as sent finds the stored hash. */
    void theHashedFormIsErasedToo(String prefix) {
        String key = workspace(prefix + "-hashed");
        Response rules = server().send(SextantTestServer.authorized(server().request("/api/v1/governance/masking"), key)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"hash_user_ids\": true}")).build());
        assertThat(rules.status()).as(rules.toString()).isEqualTo(200);
        ingest(key, "dana", 2);
        ingest(key, "erik", 1);
        assertThat(ok("/api/v1/interactions?user_id=dana", key).get("items")).as("stored hashed").isEmpty();

        JsonNode receipt = server().delete("/api/v1/users/dana/data", key).json();

        assertThat(receipt.get("deleted").toString()).isEqualTo("{\"traces\":2,\"spans\":4,\"scores\":2,\"sessions\":1}");
        assertThat(ok("/api/v1/interactions", key).get("items")).hasSize(1);
        assertThat(ok("/api/v1/interactions/erik-0", key).get("user_id").asString()).startsWith("uh_");
    }

    /** Ingestion of other users while an erasure runs in small batches loses nothing. */
    void ingestionDuringAnErasureIsNotLost(String prefix) throws Exception {
        String key = workspace(prefix + "-busy");
        for (int i = 0; i < 4; i++) {
            ingest(key, "frank", "batch" + i + "-", 10);
        }
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writing = writer.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    ingest(key, "live" + i, 1);
                }
            });
            Response erased = server().delete("/api/v1/users/frank/data", key);
            writing.get();
            assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
            assertThat(erased.json().get("deleted").toString())
                    .isEqualTo("{\"traces\":40,\"spans\":80,\"scores\":40,\"sessions\":1}");
        } finally {
            writer.shutdownNow();
        }
        for (int i = 0; i < 20; i++) {
            JsonNode live = ok("/api/v1/interactions/live" + i + "-0", key);
            assertThat(live.get("spans")).hasSize(2);
        }
        assertThat(ok("/api/v1/interactions", key).get("items")).hasSize(20);
    }

    /** Admin only; hostile ids are refused before the database; another workspace reads nothing. */
    void scopesAndHostileInput(String prefix) {
        String key = workspace(prefix + "-guard");
        ingest(key, "gina", 1);
        String viewer = key(key, prefix + "-viewer", "analytics:view");
        String writer = key(key, prefix + "-writer", "ingest:write", "config:write");
        assertThat(server().delete("/api/v1/users/gina/data", null).status()).isEqualTo(401);
        assertThat(server().delete("/api/v1/users/gina/data", "sk-wrong-key-0123456789").status()).isEqualTo(401);
        for (String k : List.of(viewer, writer)) {
            assertThat(server().delete("/api/v1/users/gina/data", k).status()).isEqualTo(403);
            assertThat(server().delete("/api/v1/users/nobody/data", k).status()).as("no existence leak").isEqualTo(403);
            assertThat(server().get("/api/v1/users/gina/data/erasures", k).status()).isEqualTo(403);
            assertThat(server().get("/api/v1/erasures/erasure_x", k).status()).isEqualTo(403);
        }
        // a NUL in the path is refused by the servlet container itself (400, its own body)
        assertThat(server().delete("/api/v1/users/a%00b/data", key).status()).isEqualTo(400);
        Response control = server().delete("/api/v1/users/a%01b/data", key);
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.body()).contains("\"parameter\":\"user_id\"")
                .contains("user_id contains a control character at index 1; user ids never do");
        Response longId = server().delete("/api/v1/users/" + "x".repeat(300) + "/data", key);
        assertThat(longId.status()).isEqualTo(400);
        assertThat(longId.body()).contains("300 characters long; user ids are at most 256");
        for (String id : List.of("a%2Fb", "%2E%2E", "..%2F..%2Fetc", "a%5Cb", "%20")) {
            Response r = server().delete("/api/v1/users/" + id + "/data", key);
            assertThat(r.status()).as(id + ": " + r).isEqualTo(400);
        }
        assertThat(server().delete("/api/v1/users/gina/data?force=true", key).status()).isEqualTo(400);
        assertThat(server().get("/api/v1/erasures/a%00b", key).status()).isEqualTo(400);
        assertThat(server().get("/api/v1/erasures/" + "e".repeat(65), key).status()).isEqualTo(400);
        assertThat(server().get("/api/v1/erasures/erasure_doesnotexist", key).status()).isEqualTo(404);
        // ';' and '%' are refused by the security firewall before any controller (400, Spring's own body)
        assertThat(server().delete("/api/v1/users/a%3Bb/data", key).status()).isEqualTo(400);
        assertThat(server().delete("/api/v1/users/a%25b/data", key).status()).isEqualTo(400);
        // a hostile-looking but legal id is just a user id: erased as such, nothing else touched
        String odd = "Robert') OR 1=1 -- <script>";
        ingest(key, odd, 1);
        Response erased = server().delete("/api/v1/users/" + java.net.URLEncoder.encode(odd,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "/data", key);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("user_id").asString()).isEqualTo(odd);
        assertThat(erased.json().get("deleted").toString())
                .isEqualTo("{\"traces\":1,\"spans\":2,\"scores\":1,\"sessions\":1}");
        assertThat(ok("/api/v1/interactions?user_id=gina", key).get("items")).hasSize(1);
    }

    String workspace(String slug) {
        Response created = server().post("/api/v1/workspaces", ADMIN_KEY,
                "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    String key(String adminKey, String name, String... scopes) {
        String list = String.join(", ", List.of(scopes).stream().map(s -> "\"" + s + "\"").toList());
        Response created = server().post("/api/v1/api-keys", adminKey,
                "{\"name\": \"" + name + "\", \"scopes\": [" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    JsonNode ok(String path, String key) {
        Response r = server().get(path, key);
        assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
        return r.json();
    }

    void ingest(String key, String user, int count) {
        ingest(key, user, "", count);
    }

    /**
     * {@code count} traces "user-i" (ids prefixed by {@code batch}) with two LLM spans and the
     * user's rating each, and the user's session.
     */
    void ingest(String key, String user, String batch, int count) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = batch + user + "-" + i;
            Instant at = NOW.minusSeconds(3600 + i);
            items.add("""
                    {"type": "trace", "body": {"id": "%s", "agent_id": "bot", "user_id": "%s", "session_id": "%s-session",
                      "started_at": "%s", "ended_at": "%s", "input": "question of %s", "output": "answer"}}"""
                    .formatted(id, user, user, at, at.plusSeconds(1), user));
            for (String s : List.of("a", "b")) {
                items.add("""
                        {"type": "span", "body": {"id": "%s-%s", "trace_id": "%s", "kind": "llm", "name": "generate",
                          "model": "gpt-4o", "cost_usd": "0.25", "started_at": "%s", "ended_at": "%s"}}"""
                        .formatted(id, s, id, at, at.plusMillis(500)));
            }
            items.add("""
                    {"type": "score", "body": {"id": "%s-rating", "trace_id": "%s", "name": "user_rating", "value": 4,
                      "source": "user", "user_id": "%s"}}""".formatted(id, id, user));
        }
        items.add("""
                {"type": "session", "body": {"id": "%s-session", "user_id": "%s", "agent_id": "bot",
                  "context": {"channel": "web", "user": "%s"}, "started_at": "%s"}}"""
                .formatted(user, user, user, NOW.minusSeconds(7200)));
        Response r = server().post("/api/v1/ingest", key, "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
}
