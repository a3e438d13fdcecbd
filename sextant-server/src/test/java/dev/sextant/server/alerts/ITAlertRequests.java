package dev.sextant.server.alerts;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The alerting endpoints against bad bodies and parameters, missing keys and scopes, and other workspaces. */
class ITAlertRequests {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();

    static final String RULE = """
            {"name": "r", "metric": "error_rate", "condition": {"type": "threshold", "op": ">", "value": 0.1}}""";
    static String ruleId;
    static String hookId;
    static String alertId;

    @BeforeAll
    static void oneOfEach() {
        hookId = created("/api/v1/webhooks", ADMIN_KEY, "{\"url\": \"https://example.invalid/h\"}")
                .get("id").asString();
        ruleId = created("/api/v1/alert-rules", ADMIN_KEY, RULE).get("id").asString();
        // an alert raised the way any producer raises one, through the store
        alertId = server.bean(dev.sextant.store.SextantStore.class).alerts().raise(
                server.bean(dev.sextant.store.SextantStore.class).workspaces().findBySlug("default").orElseThrow().id(),
                new dev.sextant.store.AlertSignal("test:1", "test", null, "t", dev.sextant.store.Severity.INFO, 1.0, "{}"),
                Instant.now()).alert().id();
    }

    static JsonNode created(String path, String key, String body) {
        Response r = server.post(path, key, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static Response put(String path, String key, String body) {
        return server.send(SextantTestServer.authorized(server.request(path), key)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void refused(Response r, String field, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-request");
        JsonNode errors = r.json().get("errors");
        assertThat(errors.findValuesAsString("field")).as(r.toString()).contains(field);
        assertThat(r.body()).contains(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"r\", \"metric\": \"happiness\", \"condition\": {\"type\": \"anomaly\"}}|metric|metric must be one of interactions, cost",
            "{\"name\": \"r\", \"condition\": {\"type\": \"anomaly\"}}|metric|metric is required",
            "{\"metric\": \"cost\", \"condition\": {\"type\": \"anomaly\"}}|name|name is required",
            "{\"name\": \"r\", \"metric\": \"cost\", \"condition\": {\"type\": \"threshold\", \"op\": \"=>\", \"value\": 1}}|condition.op|op must be one of >, >=, <, <=, was '=>'",
            "{\"name\": \"r\", \"metric\": \"cost\", \"condition\": {\"type\": \"threshold\", \"op\": \">\"}}|condition.value|condition.value is required",
            "{\"name\": \"r\", \"metric\": \"cost\", \"condition\": {\"type\": \"sometimes\"}}|condition.type|condition.type must be threshold or anomaly, was 'sometimes'",
            "{\"name\": \"r\", \"metric\": \"cost\"}|condition|condition is required",
            "{\"name\": \"r\", \"metric\": \"cost\", \"condition\": {\"type\": \"anomaly\", \"direction\": \"sideways\"}}|condition.direction|direction must be one of up, down, both",
            "{\"name\": \"r\", \"metric\": \"cost\", \"condition\": {\"type\": \"anomaly\", \"sensitivity\": 0}}|condition.sensitivity|between 1 and 20",
            "{\"name\": \"r\", \"metric\": \"cost\", \"window\": \"1w\", \"condition\": {\"type\": \"anomaly\"}}|window|window must be a whole number and a unit",
            "{\"name\": \"r\", \"metric\": \"cost\", \"window\": \"30d\", \"condition\": {\"type\": \"anomaly\"}}|window|window must be between 1m and 7d",
            "{\"name\": \"r\", \"metric\": \"cost\", \"severity\": \"doom\", \"condition\": {\"type\": \"anomaly\"}}|severity|severity must be one of info, warning, critical",
            "{\"name\": \"r\", \"metric\": \"cost\", \"filter\": {\"agentId\": \"x\"}, \"condition\": {\"type\": \"anomaly\"}}|filter.agentId|unknown parameter 'agentId'",
            "{\"name\": \"r\", \"metric\": \"cost\", \"filter\": {\"from\": \"2026-01-01T00:00:00Z\"}, \"condition\": {\"type\": \"anomaly\"}}|filter.from|the rule's window sets the time",
            "{\"name\": \"r\", \"metric\": \"cost\", \"filter\": {\"min_confidence\": \"2\"}, \"condition\": {\"type\": \"anomaly\"}}|filter.min_confidence|min_confidence",
            "{\"name\": \"r\", \"metric\": \"cost\", \"min_samples\": -1, \"condition\": {\"type\": \"anomaly\"}}|min_samples|min_samples must be between 0",
            "{\"name\": \"r\", \"metric\": \"cost\", \"webhook_ids\": [\"hook_nope\"], \"condition\": {\"type\": \"anomaly\"}}|webhook_ids|webhook 'hook_nope' does not exist in this workspace",
    })
    void badRulesAre400NamingTheField(String body, String field, String message) {
        refused(server.post("/api/v1/alert-rules", ADMIN_KEY, body), field, message);
        refused(put("/api/v1/alert-rules/" + ruleId, ADMIN_KEY, body), field, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\": 5, \"metric\": \"cost\"}|name: must be a string, was 5",
            "{\"name\": \"r\", \"metric\": [\"cost\"]}|metric: must be a string, was an array",
            "{\"name\": \"r\", \"metric\": \"cost\", \"filter\": {\"agent_id\": 7}}|filter.agent_id: must be a string, was 7",
            "{\"name\": \"r\", \"metric\": \"cost\", \"condition\": {\"type\": \"threshold\", \"op\": \">\", \"value\": \"high\"}}|condition.value: must be a number, was 'high'",
            "{\"name\": \"r\", \"metric\": \"cost\", \"enabled\": \"maybe\"}|enabled",
            "{\"name\": \"r\", \"metrics\": \"cost\"}|metrics: is not a field of this request",
            "{\"name\": \"r\", |the request body is not valid JSON",
    })
    void wrongTypesMisspellingsAndBrokenJsonAre400(String body, String detail) {
        Response r = server.post("/api/v1/alert-rules", ADMIN_KEY, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains(detail);
    }

    @Test
    void oversizeBodiesAre413() {
        String huge = "{\"name\": \"" + "a".repeat(1_200_000) + "\"}";
        for (String path : new String[] {"/api/v1/alert-rules", "/api/v1/webhooks"}) {
            Response r = server.post(path, ADMIN_KEY, huge);
            assertThat(r.status()).as(r.toString()).isEqualTo(413);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"url\": \"ftp://example.com/h\"}|url|url must be http or https, was 'ftp:'",
            "{\"url\": \"javascript:alert(1)\"}|url|url must be http or https, was 'javascript:'",
            "{\"url\": \"file:///etc/passwd\"}|url|url must be http or https, was 'file:'",
            "{\"url\": \"/relative/path\"}|url|url must be http or https, was a relative URL",
            "{\"url\": \"http://user:pw@example.com/h\"}|url|url must not carry a user name or password",
            "{\"url\": \"http://exa mple.com/\"}|url|url is not a valid URL",
            "{}|url|url is required",
            "{\"url\": \"https://example.com/h\", \"secret\": \"short\"}|secret|secret must be 16-256 characters",
            "{\"url\": \"https://example.com/h\", \"format\": \"xml\"}|format|format must be one of json, slack, was 'xml'",
    })
    void badWebhooksAre400NamingTheField(String body, String field, String message) {
        refused(server.post("/api/v1/webhooks", ADMIN_KEY, body), field, message);
    }

    @Test
    void listedWebhooksNeverShowTheSecret() {
        JsonNode listed = ok(server.get("/api/v1/webhooks", ADMIN_KEY));
        assertThat(listed.get("items").size()).isGreaterThanOrEqualTo(1);
        assertThat(listed.get("items").get(0).has("secret")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/alerts?status=burning|status|status must be one of firing, acknowledged, resolved, was 'burning'",
            "/api/v1/alerts?page_size=500|page_size|page_size must be a whole number between 1 and 200, was '500'",
            "/api/v1/alerts?page=zero|page|page must be a whole number between 1 and 1000000, was 'zero'",
            "/api/v1/alerts?rule=x|rule|unknown parameter 'rule'; known: page, page_size, rule_id, status",
            "/api/v1/alerts?status=firing&status=resolved|status|status was given 2 times; give it once",
            "/api/v1/alert-rules?verbose=1|verbose|unknown parameter 'verbose'; this endpoint takes none",
            "/api/v1/webhooks/HOOK/deliveries?limit=0|limit|limit must be a whole number between 1 and 200, was '0'",
    })
    void badParametersAre400NamingThem(String path, String parameter, String message) {
        Response r = server.get(path.replace("HOOK", hookId), ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("parameter")).contains(parameter);
        assertThat(r.body()).contains(message);
    }

    @Test
    void alertsArePagedAndFilteredByStatus() {
        JsonNode page = ok(server.get("/api/v1/alerts?status=firing&page_size=1", ADMIN_KEY));
        assertThat(page.get("page_size").asInt()).isEqualTo(1);
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("status").asString()).isEqualTo("firing");
        assertThat(page.has("data_as_of")).isTrue();
        assertThat(ok(server.get("/api/v1/alerts/" + alertId, ADMIN_KEY)).get("source").asString())
                .isEqualTo("test");
        assertThat(server.get("/api/v1/alerts/alert_nope", ADMIN_KEY).status()).isEqualTo(404);
    }

    private static String keyWith(String scope) {
        return created("/api/v1/api-keys", ADMIN_KEY,
                "{\"name\": \"only-" + scope + "\", \"scopes\": [\"" + scope + "\"]}").get("secret").asString();
    }

    @Test
    void missingKeysAre401AndMissingScopes403() {
        String viewer = keyWith("analytics:view");
        String ingestOnly = keyWith("ingest:write");
        String[] reads = {"/api/v1/alert-rules", "/api/v1/alert-rules/" + ruleId, "/api/v1/alerts",
                "/api/v1/alerts/" + alertId, "/api/v1/webhooks/" + hookId + "/deliveries"};
        for (String path : reads) {
            assertThat(server.get(path, null).status()).as(path).isEqualTo(401);
            assertThat(server.get(path, ingestOnly).status()).as(path).isEqualTo(403);
            assertThat(server.get(path, viewer).status()).as(path).isEqualTo(200);
        }
        Response noScope = server.post("/api/v1/alert-rules", viewer, RULE);
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.json().get("required_scope").asString()).isEqualTo("config:write");
        assertThat(put("/api/v1/alert-rules/" + ruleId, viewer, RULE).status()).isEqualTo(403);
        assertThat(server.delete("/api/v1/alert-rules/" + ruleId, viewer).status()).isEqualTo(403);
        assertThat(server.post("/api/v1/webhooks", viewer, "{\"url\": \"https://example.com\"}").status()).isEqualTo(403);
        assertThat(server.get("/api/v1/webhooks", viewer).status()).isEqualTo(403);
        assertThat(server.delete("/api/v1/webhooks/" + hookId, viewer).status()).isEqualTo(403);
        assertThat(server.post("/api/v1/alerts/" + alertId + "/acknowledge", viewer, "").status()).isEqualTo(403);
        assertThat(server.post("/api/v1/alert-rules/" + ruleId + "/test", ingestOnly, "").status()).isEqualTo(403);
        assertThat(server.post("/api/v1/alert-rules", null, RULE).status()).isEqualTo(401);
        assertThat(server.post("/api/v1/webhooks", null, "{}").status()).isEqualTo(401);
    }

    @Test
    void anotherWorkspaceFindsNothingOfThisOne() {
        JsonNode ws = created("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"alerts-other\", \"name\": \"O\"}");
        String other = ws.get("admin_key").get("secret").asString();

        for (String path : new String[] {"/api/v1/alert-rules/" + ruleId, "/api/v1/alerts/" + alertId,
                "/api/v1/webhooks/" + hookId + "/deliveries"}) {
            assertThat(server.get(path, other).status()).as(path).isEqualTo(404);
        }
        assertThat(put("/api/v1/alert-rules/" + ruleId, other, RULE).status()).isEqualTo(404);
        assertThat(server.post("/api/v1/alert-rules/" + ruleId + "/test", other, "").status()).isEqualTo(404);
        assertThat(server.post("/api/v1/alerts/" + alertId + "/acknowledge", other, "").status()).isEqualTo(404);
        assertThat(server.delete("/api/v1/alert-rules/" + ruleId, other).status()).isEqualTo(404);
        assertThat(server.delete("/api/v1/webhooks/" + hookId, other).status()).isEqualTo(404);
        assertThat(ok(server.get("/api/v1/alert-rules", other)).get("items").size()).isZero();
        assertThat(ok(server.get("/api/v1/alerts", other)).get("items").size()).isZero();
        assertThat(ok(server.get("/api/v1/webhooks", other)).get("items").size()).isZero();
        refused(server.post("/api/v1/alert-rules", other, """
                {"name": "r", "metric": "cost", "condition": {"type": "anomaly"}, "webhook_ids": ["%s"]}"""
                .formatted(hookId)), "webhook_ids", "does not exist in this workspace");
        // still there for its own workspace
        assertThat(server.get("/api/v1/alert-rules/" + ruleId, ADMIN_KEY).status()).isEqualTo(200);
        assertThat(ok(server.get("/api/v1/alerts/" + alertId, ADMIN_KEY)).get("status").asString())
                .isEqualTo("firing");
    }

    @Test
    void deletingOrDisablingARuleResolvesItsOpenAlert() {
        dev.sextant.store.SextantStore store = server.bean(dev.sextant.store.SextantStore.class);
        dev.sextant.model.WorkspaceId ws = store.workspaces().findBySlug("default").orElseThrow().id();
        for (String change : new String[] {"delete", "disable"}) {
            String id = created("/api/v1/alert-rules", ADMIN_KEY, RULE).get("id").asString();
            String alert = store.alerts().raise(ws, new dev.sextant.store.AlertSignal(
                    dev.sextant.store.AlertSignal.ruleKey(id), "rule", id, "r", dev.sextant.store.Severity.INFO, 1.0,
                    "{}"), Instant.now()).alert().id();
            Response r = change.equals("delete") ? server.delete("/api/v1/alert-rules/" + id, ADMIN_KEY)
                    : put("/api/v1/alert-rules/" + id, ADMIN_KEY, RULE.replace("{\"name\"", "{\"enabled\": false, \"name\""));
            assertThat(r.status()).as(r.toString()).isIn(200, 204);
            assertThat(ok(server.get("/api/v1/alerts/" + alert, ADMIN_KEY)).get("status").asString()).as(change)
                    .isEqualTo("resolved");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; DROP TABLE alerts; --", "ключ 🔑 \u202Emirror", "<script>alert(1)</script>"})
    void hostileNamesAndFiltersAreStoredExactly(String text) {
        String json = ITAlerts.JSON.writeValueAsString(java.util.Map.of("name", text, "metric", "cost",
                "filter", java.util.Map.of("agent_id", text), "condition", java.util.Map.of("type", "anomaly")));
        JsonNode created = created("/api/v1/alert-rules", ADMIN_KEY, json);
        JsonNode read = ok(server.get("/api/v1/alert-rules/" + created.get("id").asString(), ADMIN_KEY));
        assertThat(read.get("name").asString()).isEqualTo(text);
        assertThat(read.get("filter").get("agent_id").asString()).isEqualTo(text);
        JsonNode test = ok(server.post("/api/v1/alert-rules/" + created.get("id").asString() + "/test",
                ADMIN_KEY, ""));
        assertThat(test.get("evaluation").get("samples").asLong()).isZero();
    }
}
