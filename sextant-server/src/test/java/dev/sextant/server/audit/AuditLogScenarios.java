package dev.sextant.server.audit;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log through the real server, the same scenarios on each store: admin actions by a key
 * and by a login session recorded with actor, address, target and details; failures not recorded;
 * admin scope only; filters, paging, export; another workspace sees nothing; hostile text is data.
 */
abstract class AuditLogScenarios {
    static final String HOSTILE = "x'); DROP TABLE audit_log; -- \"<script>alert(1)</script>\",\n\u00e9\u202e";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "0:0:0:0:0:0:0:1");

    abstract SextantTestServer server();

    private String workspace(String slug) {
        Response created = server().post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    private JsonNode key(String admin, String name, String... scopes) {
        String list = String.join(", ", List.of(scopes).stream().map(s -> "\"" + s + "\"").toList());
        Response created = server().post("/api/v1/api-keys", admin, "{\"name\": " + quoted(name) + ", \"scopes\": [" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private JsonNode log(String key, String query) {
        Response r = server().get("/api/v1/audit-log" + query, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> out = new ArrayList<>();
        page.get("items").forEach(out::add);
        return out;
    }

    private static JsonNode only(List<JsonNode> items, String action) {
        List<JsonNode> found = items.stream().filter(i -> i.get("action").asString().equals(action)).toList();
        assertThat(found).as(action + " in " + items).hasSize(1);
        return found.get(0);
    }

    @Test
    void adminActionsByAKeyAreRecordedWithActorAddressTargetAndDetails() {
        String admin = workspace("audit-k-" + suffix());
        assertThat(items(log(admin, ""))).isEmpty();
        JsonNode viewer = key(admin, "viewer", "analytics:view");
        JsonNode doomed = key(admin, "doomed", "ingest:write");
        assertThat(server().delete("/api/v1/api-keys/" + doomed.get("id").asString(), admin).status()).isEqualTo(204);
        Response badKey = server().post("/api/v1/api-keys", admin, "{\"name\": \"\", \"scopes\": []}");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(server().delete("/api/v1/api-keys/no-such-key", admin).status()).isEqualTo(404);
        String email = "audit-" + suffix() + "@example.com";
        Response member = server().post("/api/v1/members", admin, "{\"email\": \"" + email + "\", \"role\": \"viewer\","
                + " \"password\": \"audit-password-1\"}");
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        String userId = member.json().get("user_id") != null ? member.json().get("user_id").asString()
                : member.json().get("id").asString();
        Response role = server().send(SextantTestServer.authorized(server().request("/api/v1/members/" + userId), admin)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"role\": \"admin\"}"))
                .build());
        assertThat(role.status()).as(role.toString()).isEqualTo(200);
        Response price = server().post("/api/v1/prices", admin, "{\"model\": \"audit-model\", \"input\": 1.5, \"output\": 2}");
        assertThat(price.status()).as(price.toString()).isEqualTo(201);
        Response retention = server().send(SextantTestServer.authorized(server().request("/api/v1/governance/retention"), admin)
                .header("Content-Type", "application/json").header("X-Request-Id", "req-retention-1")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"traces\": 365}")).build());
        assertThat(retention.status()).as(retention.toString()).isEqualTo(200);
        assertThat(retention.header("X-Request-Id")).contains("req-retention-1");
        Response config = server().post("/api/v1/configurations", admin, "{\"id\": \"audit-cfg\", \"agent_id\": \"bot\","
                + " \"content\": {\"behaviour\": {\"temperature\": 0.2}}}");
        assertThat(config.status()).as(config.toString()).isEqualTo(201);
        Response viewerWrite = server().post("/api/v1/prices", viewer.get("secret").asString(),
                "{\"model\": \"nope\", \"input\": 1, \"output\": 1}");
        assertThat(viewerWrite.status()).isEqualTo(403);

        List<JsonNode> items = items(log(admin, "?page_size=200"));
        assertThat(items.stream().map(i -> i.get("action").asString()).toList()).containsExactly("configuration.create",
                "retention.update", "price.set", "member.role_change", "member.add", "api_key.revoke", "api_key.create",
                "api_key.create");
        String adminKeyId = items.get(0).get("actor").get("id").asString();
        for (JsonNode i : items) {
            assertThat(i.get("actor").get("kind").asString()).isEqualTo("api_key");
            assertThat(i.get("actor").get("id").asString()).isEqualTo(adminKeyId);
            assertThat(i.get("actor").get("name").asString()).isEqualTo("admin");
            assertThat(i.get("source_ip").asString()).isIn(LOOPBACK);
            assertThat(i.get("user_agent").isNull()).isFalse();
            assertThat(i.get("request_id").asString()).isNotBlank();
            assertThat(i.get("at").asString()).endsWith("Z");
            assertThat(i.toString()).doesNotContain("sk-");
        }
        JsonNode revoke = only(items, "api_key.revoke");
        assertThat(revoke.get("target").get("type").asString()).isEqualTo("api_key");
        assertThat(revoke.get("target").get("id").asString()).isEqualTo(doomed.get("id").asString());
        JsonNode roleChange = only(items, "member.role_change");
        assertThat(roleChange.get("target").get("id").asString()).isEqualTo(userId);
        assertThat(roleChange.get("details").get("before").asString()).isEqualTo("viewer");
        assertThat(roleChange.get("details").get("after").asString()).isEqualTo("admin");
        assertThat(only(items, "member.add").get("details").get("email").asString()).isEqualTo(email);
        assertThat(only(items, "member.add").get("details").toString()).doesNotContain("audit-password-1");
        assertThat(only(items, "retention.update").get("request_id").asString()).isEqualTo("req-retention-1");
        assertThat(only(items, "price.set").get("details").get("price").get("model").asString()).isEqualTo("audit-model");
        assertThat(only(items, "configuration.create").get("target").get("id").asString()).isEqualTo("audit-cfg");

        // the instance admin's own log has the workspace's creation
        List<JsonNode> root = items(log(ADMIN_KEY, "?action=workspace.create&page_size=200"));
        assertThat(root).isNotEmpty();
        assertThat(root.get(0).get("target").get("type").asString()).isEqualTo("workspace");
    }

    @Test
    void aLoginSessionIsRecordedAsTheUser() {
        String admin = workspace("audit-s-" + suffix());
        String email = "audit-s-" + suffix() + "@example.com";
        Response member = server().post("/api/v1/members", admin, "{\"email\": \"" + email + "\", \"role\": \"admin\","
                + " \"password\": \"audit-password-2\"}");
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        Response login = server().send(server().request("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + email + "\", \"password\": \"audit-password-2\"}"))
                .build());
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String setCookie = login.header("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        Response created = server().send(server().request("/api/v1/api-keys").header("Cookie", cookie)
                .header("X-Sextant-Request", "1").header("Content-Type", "application/json").header("User-Agent", "audit-browser/1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"from-session\", \"scopes\": [\"ingest:write\"]}")).build());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode entry = items(log(admin, "?action=api_key.create")).get(0);
        assertThat(entry.get("actor").get("kind").asString()).isEqualTo("user_session");
        assertThat(entry.get("actor").get("name").asString()).isEqualTo(email);
        assertThat(entry.get("user_agent").asString()).isEqualTo("audit-browser/1");
        assertThat(entry.get("source_ip").asString()).isIn(LOOPBACK);
        assertThat(entry.get("details").get("name").asString()).isEqualTo("from-session");
        assertThat(entry.toString()).doesNotContain(created.json().get("secret").asString());
        Response bySession = server().send(server().request("/api/v1/audit-log").header("Cookie", cookie).GET().build());
        assertThat(bySession.status()).as(bySession.toString()).isEqualTo(200);
    }

    @Test
    void onlyAdminsReadItAndItIsReadOnly() {
        String admin = workspace("audit-r-" + suffix());
        for (String scope : List.of("analytics:view", "config:write", "ingest:write")) {
            String other = key(admin, "k-" + scope, scope).get("secret").asString();
            Response list = server().get("/api/v1/audit-log", other);
            assertThat(list.status()).as(scope).isEqualTo(403);
            assertThat(list.json().get("required_scope").asString()).isEqualTo("admin");
            assertThat(server().get("/api/v1/audit-log/export?format=csv", other).status()).isEqualTo(403);
        }
        assertThat(server().get("/api/v1/audit-log", null).status()).isEqualTo(401);
        assertThat(server().get("/api/v1/audit-log", "sk-not-a-key").status()).isEqualTo(401);
        assertThat(server().post("/api/v1/audit-log", admin, "{}").status()).isEqualTo(405);
        assertThat(server().delete("/api/v1/audit-log", admin).status()).isEqualTo(405);
        assertThat(server().send(SextantTestServer.authorized(server().request("/api/v1/audit-log"), admin)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build()).status()).isEqualTo(405);
    }

    @Test
    void filtersPagingAndBadParameters() {
        String admin = workspace("audit-f-" + suffix());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(key(admin, "f" + i, "ingest:write").get("id").asString());
        }
        server().post("/api/v1/prices", admin, "{\"model\": \"f-model\", \"input\": 1, \"output\": 1}");
        assertThat(items(log(admin, "?action=api_key."))).hasSize(5);
        assertThat(items(log(admin, "?action=api_key"))).isEmpty();
        assertThat(items(log(admin, "?action=price.set"))).hasSize(1);
        assertThat(items(log(admin, "?target_type=api_key&target_id=" + ids.get(2)))).hasSize(1);
        assertThat(items(log(admin, "?actor=admin"))).hasSize(6);
        assertThat(items(log(admin, "?actor=nobody"))).isEmpty();
        assertThat(items(log(admin, "?from=2100-01-01T00:00:00Z"))).isEmpty();
        assertThat(items(log(admin, "?to=2000-01-01T00:00:00Z"))).isEmpty();
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = log(admin, "?action=api_key.&page_size=2" + (cursor == null ? "" : "&cursor=" + cursor));
            items(page).forEach(i -> paged.add(i.get("target").get("id").asString()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).isEqualTo(ids.reversed());

        Response bad = server().get("/api/v1/audit-log?page_size=0&from=yesterday&colour=red", admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("page_size must be between 1 and 200, was '0'")
                .contains("from must be an RFC 3339 UTC time").contains("unknown parameter 'colour'");
        Response cursorBad = server().get("/api/v1/audit-log?cursor=%00notacursor", admin);
        assertThat(cursorBad.status()).isEqualTo(400);
        assertThat(cursorBad.body()).contains("cursor is not one this server issued");
        Response long_ = server().get("/api/v1/audit-log?action=" + "a".repeat(300), admin);
        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.body()).contains("action is 300 characters, over the limit of 256");
        Response order = server().get("/api/v1/audit-log?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", admin);
        assertThat(order.status()).isEqualTo(400);
        assertThat(server().get("/api/v1/audit-log/export?format=xml", admin).status()).isEqualTo(400);
        assertThat(items(log(admin, "?actor=" + URLEncoder.encode("\u0000'", StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void exportsParseHostileValuesStayDataAndAnotherWorkspaceSeesNone() throws IOException {
        String admin = workspace("audit-e-" + suffix());
        JsonNode hostile = key(admin, HOSTILE, "ingest:write");
        Response csv = server().get("/api/v1/audit-log/export?format=csv&action=api_key.", admin);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("action")).isEqualTo("api_key.create");
        assertThat(rows.get(0).get("target_id")).isEqualTo(hostile.get("id").asString());
        JsonNode details = JsonMapper.builder().build().readTree(rows.get(0).get("details"));
        assertThat(details.get("name").asString()).isEqualTo(HOSTILE);
        Response jsonl = server().get("/api/v1/audit-log/export?format=jsonl", admin);
        assertThat(jsonl.status()).isEqualTo(200);
        String[] lines = jsonl.body().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(lines[0]);
        assertThat(line.get("details").get("name").asString()).isEqualTo(HOSTILE);
        assertThat(items(log(admin, "")).get(0).get("details").get("name").asString()).isEqualTo(HOSTILE);

        String other = workspace("audit-o-" + suffix());
        assertThat(items(log(other, ""))).isEmpty();
        assertThat(items(log(other, "?target_id=" + hostile.get("id").asString()))).isEmpty();
        Response otherCsv = server().get("/api/v1/audit-log/export?format=csv", other);
        assertThat(otherCsv.body().strip().split("\n")).hasSize(1); // the header only
    }

    @Test
    void configurationExperimentBudgetWebhookMaskingAndModelActionsAreRecorded() {
        String admin = workspace("audit-c-" + suffix());
        created(server().post("/api/v1/configurations", admin, "{\"id\": \"support-prompt\", \"agent_id\": \"support-bot\","
                + " \"content\": {\"behaviour\": {\"temperature\": 0.2}}}"));
        created(server().post("/api/v1/configurations/support-prompt/versions", admin,
                "{\"content\": {\"behaviour\": {\"temperature\": 0.3}}}"));
        ok(server().post("/api/v1/configurations/support-prompt/versions/1/activate", admin, ""));
        created(server().post("/api/v1/experiments", admin, """
                {"id": "audit-exp", "name": "Shorter prompt", "agent_id": "support-bot",
                 "variants": [
                   {"id": "control", "name": "Current", "configuration_version": "support-prompt-v1", "allocation": 50},
                   {"id": "short", "name": "Short", "configuration_version": "support-prompt-v2", "allocation": 50}],
                 "success_metrics": ["success_rate"], "minimum_sample_size": 1000,
                 "minimum_detectable_effect": 0.02, "baseline": 0.1,
                 "starts_at": "2026-11-01T00:00:00Z", "ends_at": "2026-12-01T00:00:00Z"}"""));
        ok(server().post("/api/v1/experiments/audit-exp/start", admin, ""));
        assertThat(server().post("/api/v1/experiments/audit-exp/start", admin, "").status()).isEqualTo(409);
        ok(server().post("/api/v1/experiments/audit-exp/stop", admin, ""));
        String budget = created(server().post("/api/v1/budgets", admin, "{\"name\": \"monthly\", \"scope\": \"agent:bot-a\","
                + " \"amount_usd\": 10, \"period\": \"month\"}")).get("id").asString();
        assertThat(server().delete("/api/v1/budgets/" + budget, admin).status()).isEqualTo(204);
        String hook = created(server().post("/api/v1/webhooks", admin,
                "{\"url\": \"https://hooks.example.invalid/services/T000/B000/secret-token-123\"}")).get("id").asString();
        assertThat(server().delete("/api/v1/webhooks/" + hook, admin).status()).isEqualTo(204);
        Response masking = server().send(SextantTestServer.authorized(server().request("/api/v1/governance/masking"), admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"hash_user_ids\": true}")).build());
        assertThat(masking.status()).as(masking.toString()).isEqualTo(200);
        created(server().post("/api/v1/model-versions", admin, "{\"id\": \"mv-1\", \"agent_id\": \"bot\","
                + " \"version_label\": \"v1\", \"model_id\": \"m\"}"));

        List<JsonNode> items = items(log(admin, "?page_size=200"));
        assertThat(items.stream().map(i -> i.get("action").asString()).toList()).containsExactly("model_version.create",
                "masking.update", "webhook.delete", "webhook.create", "budget.delete", "budget.create", "experiment.stop",
                "experiment.start", "experiment.create", "configuration.activate", "configuration.version",
                "configuration.create");
        assertThat(only(items, "configuration.activate").get("details").get("version").asInt()).isEqualTo(1);
        assertThat(only(items, "experiment.stop").get("details").get("after").asString()).isEqualTo("stopped");
        assertThat(only(items, "experiment.start").get("target").get("id").asString()).isEqualTo("audit-exp");
        JsonNode hookEntry = only(items, "webhook.create");
        assertThat(hookEntry.get("details").get("host").asString()).isEqualTo("hooks.example.invalid");
        assertThat(hookEntry.toString()).doesNotContain("secret-token-123");
        assertThat(only(items, "masking.update").get("details").get("after").get("hash_user_ids").asBoolean()).isTrue();
        assertThat(only(items, "budget.delete").get("target").get("id").asString()).isEqualTo(budget);
    }

    private static JsonNode created(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String quoted(String text) {
        return JsonMapper.builder().build().writeValueAsString(text);
    }
}
