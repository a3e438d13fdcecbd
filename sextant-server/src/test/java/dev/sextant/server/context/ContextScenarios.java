package dev.sextant.server.context;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Context awareness through the real server, the same scenarios on each store: typed context
 * sent with traces and sessions through the ingest API, read back through the interaction
 * detail, the export and the analytics; hostile context and parameters; tenant isolation.
 */
abstract class ContextScenarios {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String WINDOW = "from=" + NOW.minus(2, ChronoUnit.DAYS) + "&to=" + NOW.plusSeconds(60);

    abstract SextantTestServer server();

    /** A support bot whose German traffic fails half the time: relevance and correlations show it. */
    void plantedContextShowsInTheAnalytics(String prefix) {
        String key = workspace(prefix + "-planted");
        Random random = new Random(11);
        List<String> items = new ArrayList<>();
        items.add("""
                {"type": "session", "body": {"id": "s-1", "user_id": "u", "agent_id": "bot",
                  "context": {"channel": "web", "locale": "en"}, "started_at": "%s"}}""".formatted(NOW.minusSeconds(9000)));
        for (int i = 0; i < 300; i++) {
            String locale = new String[] {"de", "en", "fr"}[i % 3];
            boolean ok = random.nextDouble() < (locale.equals("de") ? 0.4 : 0.9);
            int history = random.nextInt(20);
            Instant at = NOW.minusSeconds(3600 + i);
            items.add("""
                    {"type": "trace", "body": {"id": "t-%03d", "agent_id": "bot", "session_id": "s-1", "status": "%s",
                      "started_at": "%s", "ended_at": "%s",
                      "context": {"locale": "%s", "history_length": %d, "retrieved_docs": ["faq-%d", "policy"]}}}"""
                    .formatted(i, ok ? "ok" : "error", at, at.plusMillis(100 + 40L * history), locale, history, i % 2));
        }
        Response r = server().post("/api/v1/ingest", key, "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);

        JsonNode detail = ok("/api/v1/interactions/t-000", key).get("context");
        assertThat(detail.toString()).isEqualTo(
                "{\"channel\":\"web\",\"history_length\":" + detail.get("history_length").asDouble()
                        + ",\"locale\":\"de\",\"retrieved_docs\":[\"faq-0\",\"policy\"]}");

        JsonNode relevance = ok("/api/v1/context/relevance?" + WINDOW + "&agent_id=bot&min_count=20", key);
        assertThat(relevance.get("status").asString()).isEqualTo("ok");
        assertThat(relevance.get("interactions").asLong()).isEqualTo(300);
        JsonNode top = relevance.get("items").get(0);
        assertThat(top.get("type").asString()).isEqualTo("locale");
        assertThat(top.get("value").asString()).isEqualTo("de");
        assertThat(top.get("lift_high").asDouble()).isLessThan(1.0);
        assertThat(top.get("q_value").asDouble()).isLessThan(0.001);
        JsonNode channel = find(relevance.get("items"), "channel", "web");
        assertThat(channel.get("count").asLong()).as("the session's context reaches every trace").isEqualTo(300);
        assertThat(channel.get("lift").asDouble()).isEqualTo(1.0);
        JsonNode policy = find(relevance.get("items"), "retrieved_docs", "policy");
        assertThat(policy.get("lift_low").asDouble()).isLessThanOrEqualTo(1.0);
        assertThat(relevance.get("items").toString()).contains("\"type\":\"history_length\"", "\"numeric\":true");

        JsonNode correlations = ok("/api/v1/context/correlations?" + WINDOW + "&min_count=20", key);
        JsonNode history = correlations.get("numeric").get(0);
        assertThat(history.get("type").asString()).isEqualTo("history_length");
        JsonNode latency = history.get("metrics").get(1);
        assertThat(latency.get("metric").asString()).isEqualTo("latency_ms");
        assertThat(latency.get("estimate").asDouble()).isGreaterThan(0.95);
        JsonNode de = null;
        for (JsonNode c : correlations.get("categorical")) {
            if (c.get("type").asString().equals("locale") && c.get("value").asString().equals("de")) {
                de = c;
            }
        }
        assertThat(de).isNotNull();
        assertThat(de.get("metrics").get(0).get("high").asDouble()).isLessThan(0);

        // too few interactions: said so
        JsonNode few = ok("/api/v1/context/relevance?from=" + NOW.minusSeconds(3605) + "&to=" + NOW.minusSeconds(3595), key);
        assertThat(few.get("status").asString()).isEqualTo("insufficient_data");
        assertThat(few.get("items")).isEmpty();
    }

    /** The export pages by cursor through every interaction, with its context and outcome. */
    void exportPagesThroughEverything(String prefix) {
        String key = workspace(prefix + "-export");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Instant at = NOW.minusSeconds(100 + i);
            items.add("""
                    {"type": "trace", "body": {"id": "x-%d", "agent_id": "coder", "status": "%s", "started_at": "%s",
                      "ended_at": "%s", "context": {"git_branch": "main", "dirty": %s, "files_open": ["a.java", "b.java"]}}}"""
                    .formatted(i, i == 3 ? "error" : "ok", at, at.plusSeconds(2), i % 2 == 0));
            items.add("""
                    {"type": "score", "body": {"id": "x-%d-r", "trace_id": "x-%d", "name": "user_rating", "value": 4}}"""
                    .formatted(i, i));
        }
        items.add("""
                {"type": "trace", "body": {"id": "plain", "agent_id": "other", "started_at": "%s"}}""".formatted(NOW.minusSeconds(50)));
        assertThat(server().post("/api/v1/ingest", key, "{\"batch\": [" + String.join(",", items) + "]}").status()).isEqualTo(200);

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok("/api/v1/context/export?" + WINDOW + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor), key);
            assertThat(page.get("total").asLong()).isEqualTo(8);
            for (JsonNode item : page.get("interactions")) {
                assertThat(seen.add(item.get("trace_id").asString())).isTrue();
                if (item.get("trace_id").asString().equals("x-3")) {
                    assertThat(item.get("context").toString()).isEqualTo(
                            "{\"dirty\":[\"false\"],\"files_open\":[\"a.java\",\"b.java\"],\"git_branch\":[\"main\"]}");
                    assertThat(item.get("outcome").get("success").asBoolean()).isFalse();
                    assertThat(item.get("outcome").get("duration_ms").asLong()).isEqualTo(2000);
                    assertThat(item.get("outcome").get("rating").asDouble()).isEqualTo(4.0);
                }
            }
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).hasSize(8).contains("plain");
        assertThat(ok("/api/v1/context/export?" + WINDOW + "&agent_id=coder", key).get("total").asLong()).isEqualTo(7);
    }

    /** A bad context rejects its record only, with the path of what is wrong; the rest is stored. */
    void hostileContextIsRefusedPerRecord(String prefix) {
        String key = workspace(prefix + "-hostile");
        StringBuilder manyTypes = new StringBuilder("{");
        for (int i = 0; i < 65; i++) {
            manyTypes.append(i == 0 ? "" : ",").append("\"t").append(i).append("\": 1");
        }
        manyTypes.append('}');
        StringBuilder manyValues = new StringBuilder("[");
        for (int i = 0; i < 257; i++) {
            manyValues.append(i == 0 ? "" : ",").append('"').append(i).append('"');
        }
        manyValues.append(']');
        List<String> contexts = List.of(
                "{\"Locale\": \"de\"}",
                "{\"repo\": {\"name\": \"shop\"}}",
                manyTypes.toString(),
                "{\"files_open\": " + manyValues + "}",
                "{\"note\": \"" + "x".repeat(513) + "\"}",
                "5",
                "\"not json\"",
                "{\"files_open\": [\"a\", {\"b\": 1}]}",
                "{\"files_open\": [\"a\", null]}",
                "{\"x\": 1e999}",
                "{\"bad\\u0000\": 1}",
                "{\"nul\": \"a\\u0000b\"}",
                "{\"" + "a".repeat(65) + "\": 1}");
        List<String> items = new ArrayList<>();
        items.add("""
                {"type": "trace", "body": {"id": "good", "started_at": "%s", "context": {"locale": "de", "card": "4111 1111 1111 1111"}}}"""
                .formatted(NOW.minusSeconds(10)));
        for (int i = 0; i < contexts.size(); i++) {
            items.add("""
                    {"type": "%s", "body": {"id": "bad-%d", "started_at": "%s", "context": %s}}"""
                    .formatted(i % 2 == 0 ? "trace" : "session", i, NOW.minusSeconds(10), contexts.get(i)));
        }
        Response r = server().post("/api/v1/ingest", key, "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(207);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(1);
        JsonNode rejected = r.json().get("rejected");
        assertThat(rejected).hasSize(contexts.size());
        List<String> errors = new ArrayList<>();
        rejected.forEach(e -> errors.add(e.get("error").asString()));
        assertThat(errors.get(0)).contains("context", "\"Locale\"", "[a-z][a-z0-9_.]{0,63}");
        assertThat(errors.get(1)).contains("context.repo must be a string, a number, a boolean or an array");
        assertThat(errors.get(2)).contains("context has 65 types, over the limit of 64");
        assertThat(errors.get(3)).contains("context.files_open has 257 values, over the limit of 256");
        assertThat(errors.get(4)).contains("context.note is 513 characters long, over the limit of 512");
        assertThat(errors.get(5)).contains("context must be a JSON object");
        assertThat(errors.get(6)).contains("context must be a JSON object");
        assertThat(errors.get(7)).contains("context.files_open[1] must be a string or a number");
        assertThat(errors.get(8)).contains("context.files_open[1] must be a string or a number");
        assertThat(errors.get(9)).contains("context.x must be a finite number");
        assertThat(errors.get(10)).contains("is not allowed");
        assertThat(errors.get(11)).contains("context.nul contains a NUL character");
        assertThat(errors.get(12)).contains("is not allowed");
        assertThat(r.body()).doesNotContain("x".repeat(200));
        for (int i = 0; i < contexts.size(); i++) {
            if (i % 2 == 0) {
                assertThat(server().get("/api/v1/interactions/bad-" + i, key).status()).isEqualTo(404);
            }
        }
        JsonNode good = ok("/api/v1/interactions/good", key).get("context");
        assertThat(good.get("locale").asString()).isEqualTo("de");
        assertThat(good.get("card").asString()).as("masked like attributes").doesNotContain("4111");
        assertThat(ok("/api/v1/context/export?" + WINDOW, key).toString()).doesNotContain("4111 1111");

        // re-sending replaces the record's context
        Response again = server().post("/api/v1/ingest", key, """
                {"batch": [{"type": "trace", "body": {"id": "good", "context": {"channel": "phone"}}}]}""");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(ok("/api/v1/interactions/good", key).get("context").toString()).isEqualTo("{\"channel\":\"phone\"}");
    }

    /** Parameters are strict; reads need analytics:view; nothing crosses a workspace. */
    void parametersScopesAndTenants(String prefix) {
        String mine = workspace(prefix + "-mine");
        String theirs = workspace(prefix + "-theirs");
        assertThat(server().post("/api/v1/ingest", theirs, """
                {"batch": [{"type": "trace", "body": {"id": "secret-trace", "agent_id": "bot", "started_at": "%s",
                  "context": {"locale": "secret-locale"}}}]}""".formatted(NOW.minusSeconds(30))).status()).isEqualTo(200);
        assertThat(server().post("/api/v1/ingest", mine, """
                {"batch": [{"type": "trace", "body": {"id": "mine-trace", "agent_id": "bot", "started_at": "%s",
                  "context": {"locale": "en"}}}]}""".formatted(NOW.minusSeconds(30))).status()).isEqualTo(200);

        for (String path : List.of("/api/v1/context/relevance?min_count=1&" + WINDOW,
                "/api/v1/context/correlations?min_count=1&" + WINDOW, "/api/v1/context/export?" + WINDOW)) {
            String body = ok(path, mine).toString();
            assertThat(body).as(path).doesNotContain("secret");
        }
        assertThat(ok("/api/v1/context/export?" + WINDOW, mine).get("total").asLong()).isEqualTo(1);
        Response foreign = server().get("/api/v1/interactions/secret-trace", mine);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("secret-locale");
        assertThat(ok("/api/v1/interactions/secret-trace", theirs).get("context").get("locale").asString())
                .isEqualTo("secret-locale");

        for (String bad : List.of("relevance?bogus=1", "relevance?min_count=0", "relevance?min_count=abc",
                "correlations?from=yesterday", "correlations?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z",
                "correlations?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "export?limit=5001",
                "export?cursor=%21%21", "export?cursor=" + "A".repeat(3000), "export?agent_id=" + "a".repeat(300),
                "export?limit=1&limit=2")) {
            Response r = server().get("/api/v1/context/" + bad, mine);
            assertThat(r.status()).as(bad + ": " + r).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("parameter").asString()).as(bad).isNotBlank();
        }
        String ingestOnly = key(mine, "ingest-only", "ingest:write");
        for (String path : List.of("relevance", "correlations", "export")) {
            assertThat(server().get("/api/v1/context/" + path, ingestOnly).status()).isEqualTo(403);
            assertThat(server().get("/api/v1/context/" + path, null).status()).isEqualTo(401);
        }
    }

    private static JsonNode find(JsonNode items, String type, String value) {
        for (JsonNode item : items) {
            if (item.get("type").asString().equals(type) && item.get("value").asString().equals(value)) {
                return item;
            }
        }
        throw new AssertionError(type + "=" + value + " not in " + items);
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
}
