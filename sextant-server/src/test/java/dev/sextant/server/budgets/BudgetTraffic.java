package dev.sextant.server.budgets;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Requests the budget ITs share: workspaces, keys, traces with a reported cost, PUT. */
final class BudgetTraffic {
    private final SextantTestServer server;

    BudgetTraffic(SextantTestServer server) {
        this.server = server;
    }

    /** A new workspace; answers its admin key. */
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

    /** One trace per call with a single LLM span of that model and that reported cost. */
    record Call(String id, String agent, String model, Instant start, BigDecimal cost) {}

    void ingest(String key, List<Call> calls) {
        List<String> items = new ArrayList<>();
        for (Call c : calls) {
            items.add("""
                    {"type": "trace", "body": {"id": "%s", "agent_id": "%s", "started_at": "%s", "ended_at": "%s"}}"""
                    .formatted(c.id(), c.agent(), c.start(), c.start().plusSeconds(1)));
            items.add("""
                    {"type": "span", "body": {"id": "%s-llm", "trace_id": "%s", "kind": "llm", "name": "generate",
                      "model": "%s", "cost_usd": "%s", "started_at": "%s", "ended_at": "%s"}}"""
                    .formatted(c.id(), c.id(), c.model(), c.cost().toPlainString(), c.start(), c.start().plusMillis(500)));
        }
        Response r = server.post("/api/v1/ingest", key, "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    Response put(String path, String key, String json) {
        return server.send(SextantTestServer.authorized(server.request(path), key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
