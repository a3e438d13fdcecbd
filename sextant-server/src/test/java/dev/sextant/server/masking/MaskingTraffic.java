package dev.sextant.server.masking;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import java.util.List;

/** The secrets the masking ITs send, the rules they set, and the calls they make. */
final class MaskingTraffic {
    static final String CARD = "4111 1111 1111 1111";
    static final String EMAIL = "jane.doe@example.com";
    static final String URL_EMAIL = "bob.smith%40example.org";
    static final String PHONE = "+44 20 7946 0958";
    static final String IP = "203.0.113.77";
    static final String AWS = "AKIAIOSFODNN7EXAMPLE";
    static final String OPENAI = "sk-proj-Zq9xWv8uTs7rQp6oNm5lKj4iHg3f";
    static final String GITHUB = "ghp_Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8";
    static final String SLACK = "xoxb-424242424242-QwErTyUiOpAs";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lLWRvZS00MiJ9.c2lnbmF0dXJlLXNlY3JldC14eXo";
    static final String BEARER = "Zm9vYmFyYmF6cXV4c2VjcmV0dG9rZW4xMjM0NQ";
    static final String ORDER = "ORD-774411";
    static final String USER = "user-jane-doe-77";
    static final String REJECTED_CARD = "5500 0000 0000 0004";
    /** Every original that must never reach the database or the log. */
    static final List<String> ORIGINALS = List.of(CARD, EMAIL, URL_EMAIL, PHONE, IP, AWS, OPENAI, GITHUB, SLACK, JWT,
            BEARER, ORDER, USER, REJECTED_CARD);

    static final String RULES = """
            {"detectors": {
               "email": {"action": "hash", "applies_to": ["inputs", "outputs", "attributes"]},
               "phone": {"action": "mask"},
               "ip_address": {"action": "drop", "applies_to": ["attributes"]}},
             "custom": [{"name": "order_ref", "pattern": "ORD-\\\\d{6}", "action": "mask"}],
             "hash_user_ids": true}""";

    private final SextantTestServer server;

    MaskingTraffic(SextantTestServer server) {
        this.server = server;
    }

    /** A batch carrying every kind of secret, plus one invalid item whose error would quote a card number. */
    static String batch(String prefix) {
        return """
                {"batch": [
                  {"type": "trace", "body": {"id": "%1$s-t1", "agent_id": "support-bot", "user_id": "%2$s",
                    "name": "answer", "started_at": "2026-11-01T10:00:00Z", "ended_at": "2026-11-01T10:00:01Z",
                    "input": "my card is %3$s and mail %4$s, call %5$s, order %6$s",
                    "output": "reset link https://example.com/reset?email=%7$s sent",
                    "tags": ["vip", "%4$s"],
                    "metadata": {"client_ip": "%8$s", "note": "key %9$s", "contact": {"mail": "%4$s"}}}},
                  {"type": "span", "body": {"id": "%1$s-s1", "trace_id": "%1$s-t1", "kind": "tool", "name": "crm",
                    "started_at": "2026-11-01T10:00:00.100Z", "ended_at": "2026-11-01T10:00:00.900Z",
                    "input": "Authorization: Bearer %10$s",
                    "output": "tokens %11$s %12$s %13$s",
                    "attributes": {"jwt": "%14$s", "caller": "%8$s", "order": "%6$s"},
                    "error": "lookup of %5$s failed"}},
                  {"type": "score", "body": {"id": "%1$s-f1", "trace_id": "%1$s-t1", "name": "user_rating", "value": 4,
                    "comment": "reach me at %4$s", "user_id": "%2$s"}},
                  {"type": "trace", "body": {"id": "%1$s-bad", "started_at": "%15$s"}}
                ]}""".formatted(prefix, USER, CARD, EMAIL, PHONE, ORDER, URL_EMAIL, IP, AWS, BEARER, OPENAI, GITHUB,
                SLACK, JWT, REJECTED_CARD);
    }

    Response put(String key, String json) {
        return server.send(SextantTestServer.authorized(server.request("/api/v1/governance/masking"), key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    String workspace(String slug) {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    String key(String adminKey, String name, String... scopes) {
        String list = String.join(", ", List.of(scopes).stream().map(s -> "\"" + s + "\"").toList());
        Response created = server.post("/api/v1/api-keys", adminKey, "{\"name\": \"" + name + "\", \"scopes\": [" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    /** Ingests {@link #batch}: 207, three accepted, the bad item's error masked. */
    void ingest(String key, String prefix) {
        Response r = server.post("/api/v1/ingest", key, batch(prefix));
        assertThat(r.status()).as(r.toString()).isEqualTo(207);
        assertThat(r.json().get("accepted").asInt()).isEqualTo(3);
        String error = r.json().get("rejected").get(0).get("error").asString();
        assertThat(error).contains("[PAYMENT_CARD]").doesNotContain(REJECTED_CARD);
    }
}
