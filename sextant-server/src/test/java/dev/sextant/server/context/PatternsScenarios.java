package dev.sextant.server.context;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/context/patterns} through the real server, the same scenarios on each store:
 * support-bot interactions ingested with their context through /api/v1/ingest, with a planted
 * pattern (channel=email AND locale=de fails 80% of the time; email alone, de alone and the rest
 * fail about 30%), then mined back.
 */
abstract class PatternsScenarios {
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final int PLANTED = 1600;
    static final int NOISE = 300;

    abstract SextantTestServer server();

    /** The planted pair is the only failure rule, with the support and confidence of the data sent. */
    void findsThePlantedPattern(String prefix) {
        String key = workspace(prefix + "-planted");
        List<Interaction> sent = generate(11, PLANTED, true, "support-bot", "p");
        sent.addAll(generate(12, NOISE, false, "other-bot", "n"));
        ingest(key, sent);

        JsonNode answer = ok("/api/v1/context/patterns?agent_id=support-bot&outcome=failure", key);

        List<Interaction> pair = sent.stream().filter(i -> i.agent.equals("support-bot") && i.email && i.de).toList();
        long failures = pair.stream().filter(i -> !i.success).count();
        assertThat(answer.get("transactions_analysed").asLong()).isEqualTo(PLANTED);
        assertThat(answer.get("transactions_in_range").asLong()).isEqualTo(PLANTED);
        assertThat(answer.get("min_support_count").asLong()).isEqualTo(32);
        assertThat(answer.get("rules_found").asInt()).isEqualTo(1);
        JsonNode rule = answer.get("rules").get(0);
        assertThat(rule.get("items").toString()).isEqualTo("[\"channel=email\",\"locale=de\"]");
        assertThat(rule.get("outcome").asString()).isEqualTo("failure");
        assertThat(rule.get("support").get("count").asLong()).isEqualTo(pair.size());
        assertThat(rule.get("support").get("fraction").asDouble()).isEqualTo(pair.size() / (double) PLANTED);
        assertThat(rule.get("outcome_count").asLong()).isEqualTo(failures);
        assertThat(rule.get("confidence").get("value").asDouble()).isEqualTo(failures / (double) pair.size());
        assertThat(rule.get("confidence").get("low").asDouble()).isLessThan(0.8);
        assertThat(rule.get("confidence").get("high").asDouble()).isGreaterThan(0.8);
        assertThat(rule.get("lift").asDouble()).isGreaterThan(2);
        assertThat(rule.get("q").asDouble()).isLessThan(1e-6);
        assertThat(answer.get("settings").toString()).isEqualTo("{\"min_support\":0.02,\"min_support_floor\":10,"
                + "\"min_confidence\":0.6,\"max_length\":3,\"outcome\":\"failure\",\"max_q\":0.05,\"limit\":50,"
                + "\"algorithm\":\"fp-growth; fisher exact two-sided; benjamini-hochberg; wilson 95%\"}");
        assertThat(answer.get("caps").toString()).isEqualTo("{\"max_transactions\":20000,"
                + "\"transactions_truncated\":false,\"max_itemsets\":20000,\"itemsets_truncated\":false}");

        // both outcomes: still only the planted failure; the other agent has no signal
        JsonNode both = ok("/api/v1/context/patterns?agent_id=support-bot", key);
        assertThat(both.get("rules")).hasSize(1);
        JsonNode other = ok("/api/v1/context/patterns?agent_id=other-bot", key);
        assertThat(other.get("transactions_analysed").asLong()).isEqualTo(NOISE);
        assertThat(other.get("rules")).isEmpty();
        // a window before the data has nothing to mine
        JsonNode before = ok("/api/v1/context/patterns?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z", key);
        assertThat(before.get("transactions_analysed").asLong()).isZero();
        assertThat(before.get("success_rate").isNull()).isTrue();
        assertThat(before.get("rules")).isEmpty();
        // settings are honoured: a confidence above the pair's keeps nothing, max_length 1 cannot hold a pair
        assertThat(ok("/api/v1/context/patterns?agent_id=support-bot&min_confidence=0.99", key).get("rules")).isEmpty();
        assertThat(ok("/api/v1/context/patterns?agent_id=support-bot&max_length=1", key).get("rules")).isEmpty();
        JsonNode capped = ok("/api/v1/context/patterns?agent_id=support-bot&limit=1&min_support=0.5", key);
        assertThat(capped.get("min_support_count").asLong()).isEqualTo(800);
        assertThat(capped.get("rules")).isEmpty();
    }

    /** Another workspace's interactions are never mined: it sees only its own. */
    void tenantIsolation(String prefix) {
        String mine = workspace(prefix + "-mine");
        String theirs = workspace(prefix + "-theirs");
        ingest(mine, generate(21, PLANTED, true, "support-bot", "t"));
        ingest(theirs, generate(22, 40, false, "support-bot", "t"));

        JsonNode their = ok("/api/v1/context/patterns", theirs);
        assertThat(their.get("transactions_analysed").asLong()).isEqualTo(40);
        assertThat(their.get("rules")).isEmpty();
        assertThat(ok("/api/v1/context/patterns?agent_id=support-bot", theirs).toString()).doesNotContain("email");
        JsonNode fresh = ok("/api/v1/context/patterns", workspace(prefix + "-empty"));
        assertThat(fresh.get("transactions_analysed").asLong()).isZero();
        assertThat(ok("/api/v1/context/patterns", mine).get("transactions_analysed").asLong()).isEqualTo(PLANTED);
    }

    /** Each bad parameter is a 400 problem naming it; scopes are enforced. */
    void badParametersAndScopes(String prefix) {
        String key = workspace(prefix + "-bad");
        String[][] cases = {
            {"min_support=0", "min_support", "min_support must be a number greater than 0 and at most 1, was '0'"},
            {"min_support=abc", "min_support", "min_support must be a number greater than 0 and at most 1, was 'abc'"},
            {"min_support=NaN", "min_support", "min_support must be a number greater than 0 and at most 1, was 'NaN'"},
            {"min_confidence=1.5", "min_confidence",
                "min_confidence must be a number greater than 0 and at most 1, was '1.5'"},
            {"max_length=9", "max_length", "max_length must be a whole number between 1 and 5, was '9'"},
            {"max_length=2.5", "max_length", "max_length must be a whole number between 1 and 5, was '2.5'"},
            {"outcome=maybe", "outcome", "outcome must be one of success, failure, both, was 'maybe'"},
            {"limit=0", "limit", "limit must be a whole number between 1 and 500, was '0'"},
            {"limit=501", "limit", "limit must be a whole number between 1 and 500, was '501'"},
            {"from=yesterday", "from",
                "from must be an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z, was 'yesterday'"},
            {"from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to",
                "to (2026-01-01T00:00:00Z) must be after from (2026-02-01T00:00:00Z)"},
            {"from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from",
                "from 2024-01-01T00:00:00Z to 2026-01-01T00:00:00Z is longer than 366 days"},
            {"outcome=failure&outcome=success", "outcome", "outcome was given 2 times; give it once"},
            {"agent_id=", "agent_id", "agent_id is empty; give it a value or leave it out"},
            {"agent_id=a%00b", "agent_id", "agent_id contains a control character (U+0000); remove it"},
            {"agent_id=" + "x".repeat(300), "agent_id", "agent_id is 300 characters, over the limit of 256"},
            {"minsupport=0.1", "minsupport", "unknown parameter 'minsupport'; known: agent_id, from, limit, "
                + "max_length, min_confidence, min_support, outcome, to"},
            {"%3Cscript%3E=1", "<script>", "unknown parameter '<script>'; known: agent_id, from, limit, "
                + "max_length, min_confidence, min_support, outcome, to"},
        };
        for (String[] c : cases) {
            Response r = server().get("/api/v1/context/patterns?" + c[0], key);
            assertThat(r.status()).as(c[0] + ": " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            JsonNode error = r.json().get("errors").get(0);
            assertThat(error.get("parameter").asString()).as(c[0]).isEqualTo(c[1]);
            assertThat(error.get("message").asString()).as(c[0]).isEqualTo(c[2]);
        }
        Response several = server().get("/api/v1/context/patterns?min_support=2&limit=x", key);
        assertThat(several.json().get("errors")).hasSize(2);

        String ingestOnly = key(key, "ingest-only", "ingest:write");
        assertThat(server().get("/api/v1/context/patterns", ingestOnly).status()).isEqualTo(403);
        assertThat(server().send(server().request("/api/v1/context/patterns").GET().build()).status()).isEqualTo(401);
        String viewer = key(key, "viewer", "analytics:view");
        assertThat(server().get("/api/v1/context/patterns", viewer).status()).isEqualTo(200);
    }

    record Interaction(String id, String agent, boolean email, boolean de, String channel, String locale, String task,
            int history, boolean success) {}

    /** Seeded interactions; with {@code planted}, the pair email AND de fails 80%, the rest as in the analytics test. */
    static List<Interaction> generate(long seed, int n, boolean planted, String agent, String prefix) {
        Random random = new Random(seed);
        List<Interaction> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean email = random.nextDouble() < 0.25;
            boolean de = random.nextDouble() < 0.25;
            String channel = email ? "email" : "channel" + random.nextInt(15);
            String locale = de ? "de" : "locale" + random.nextInt(15);
            String task = List.of("billing", "shipping", "returns").get(random.nextInt(3));
            int history = random.nextInt(40);
            double failure = !planted ? 0.3 : email && de ? 0.8 : email || de ? 2.0 / 15 : 0.2 / 0.5625;
            boolean success = random.nextDouble() >= failure;
            out.add(new Interaction(prefix + "-" + agent + "-" + i, agent, email, de, channel, locale, task, history,
                    success));
        }
        return out;
    }

    void ingest(String key, List<Interaction> interactions) {
        for (int from = 0; from < interactions.size(); from += 400) {
            List<String> items = new ArrayList<>();
            for (Interaction t : interactions.subList(from, Math.min(interactions.size(), from + 400))) {
                Instant at = NOW.minusSeconds(3600 + items.size());
                items.add("""
                        {"type": "trace", "body": {"id": "%s", "agent_id": "%s", "started_at": "%s", "ended_at": "%s",
                          "status": "%s", "context": {"channel": "%s", "locale": "%s", "task_type": "%s",
                          "history_length": %d}}}""".formatted(t.id, t.agent, at, at.plusSeconds(2),
                        t.success ? "ok" : "error", t.channel, t.locale, t.task, t.history));
            }
            Response r = server().post("/api/v1/ingest", key, "{\"batch\": [" + String.join(",", items) + "]}");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
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
