package dev.sextant.server.configurations;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configuration endpoints against bad credentials, other workspaces and bad or hostile input. */
class ITConfigurationRequests {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    private static final ConfigurationTraffic traffic = new ConfigurationTraffic(server);

    private static List<String> reads(String id) {
        String base = "/api/v1/configurations/" + id;
        return List.of(base, base + "/versions", base + "/versions/1", base + "/active", base + "/events");
    }

    @Test
    void anotherWorkspacesConfigurationIsNotFound() {
        String mine = traffic.workspace("cfg-mine");
        String other = traffic.workspace("cfg-other");
        traffic.create(mine, "secret", "bot", ConfigurationTraffic.CONTENT);
        for (String path : reads("secret")) {
            Response r = server.get(path, other);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().get("detail").asString()).isEqualTo("configuration 'secret' does not exist in this workspace");
            assertThat(server.get(path.replace("secret", "never"), other).json().get("detail").asString())
                    .isEqualTo("configuration 'never' does not exist in this workspace");
        }
        String base = "/api/v1/configurations/secret";
        assertThat(server.post(base + "/versions", other, "{\"content\": {}}").status()).isEqualTo(404);
        assertThat(server.post(base + "/versions/1/activate", other, "").status()).isEqualTo(404);
        assertThat(server.post(base + "/rollback", other, "{\"version\": 1}").status()).isEqualTo(404);
        assertThat(traffic.ok("/api/v1/configurations?agent_id=bot", other).get("configurations").size()).isZero();
        assertThat(traffic.create(other, "secret", "bot", "{}").get("active_version_id").asString()).isEqualTo("secret-v1");
        assertThat(traffic.ok(base + "/versions", mine).get("versions").size()).isEqualTo(1);
    }

    @Test
    void unknownVersionsAre404() {
        traffic.create(ADMIN_KEY, "known", "bot", "{}");
        String base = "/api/v1/configurations/known";
        Response r = server.get(base + "/versions/7", ADMIN_KEY);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asString()).isEqualTo("version 7 of configuration 'known' does not exist in this workspace");
        assertThat(server.post(base + "/versions/7/activate", ADMIN_KEY, "").status()).isEqualTo(404);
        assertThat(server.post(base + "/rollback", ADMIN_KEY, "{\"version\": 7}").status()).isEqualTo(404);
        Response word = server.get(base + "/versions/two", ADMIN_KEY);
        assertThat(word.status()).isEqualTo(400);
        assertThat(word.body()).contains("\"parameter\":\"version\"");
    }

    @Test
    void keysNeedTheirScopes() {
        String admin = traffic.workspace("cfg-scopes");
        String viewer = traffic.key(admin, "viewer", "analytics:view");
        String ingest = traffic.key(admin, "agent", "ingest:write");
        String config = traffic.key(admin, "config", "config:write");
        JsonBodies.created(server, config, "scoped");
        String base = "/api/v1/configurations/scoped";
        for (String[] write : new String[][] {{"/api/v1/configurations", "{\"id\": \"x\", \"agent_id\": \"a\", \"content\": {}}"},
                {base + "/versions", "{\"content\": {}}"}, {base + "/versions/1/activate", ""}, {base + "/rollback", "{\"version\": 1}"}}) {
            for (String key : List.of(viewer, ingest)) {
                Response r = server.post(write[0], key, write[1]);
                assertThat(r.status()).as(write[0]).isEqualTo(403);
                assertThat(r.json().get("required_scope").asString()).isEqualTo("config:write");
            }
            assertThat(server.send(server.request(write[0]).POST(java.net.http.HttpRequest.BodyPublishers.ofString(write[1]))
                    .header("Content-Type", "application/json").build()).status()).isEqualTo(401);
        }
        for (String path : reads("scoped")) {
            assertThat(server.get(path, viewer).status()).as(path).isEqualTo(200);
            assertThat(server.get(path, config).status()).as(path).isEqualTo(403);
            assertThat(server.send(server.request(path).GET().build()).status()).isEqualTo(401);
        }
        assertThat(server.get(base + "/active", ingest).status()).as("agents fetch their configuration").isEqualTo(200);
        assertThat(server.get("/api/v1/configurations?agent_id=bot", ingest).status()).isEqualTo(200);
        assertThat(server.get(base, ingest).status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"agent_id\": \"a\", \"content\": {}}|id",
            "{\"id\": \"a/b\", \"agent_id\": \"a\", \"content\": {}}|id",
            "{\"id\": \"..\", \"agent_id\": \"a\", \"content\": {}}|id",
            "{\"id\": \"Upper\", \"agent_id\": \"a\", \"content\": {}}|id",
            "{\"id\": \"ok\", \"content\": {}}|agent_id",
            "{\"id\": \"ok\", \"agent_id\": \"a\"}|content",
            "{\"id\": \"ok\", \"agent_id\": \"a\", \"content\": [1]}|content",
            "{\"id\": \"ok\", \"agent_id\": \"a\", \"content\": \"text\"}|content",
            "{\"id\": 5, \"agent_id\": \"a\", \"content\": {}}|id",
            "{\"id\": \"ok\", \"agent_id\": \"a\", \"content\": {}, \"colour\": 1}|colour",
            "{\"id\": \"ok\", \"agent_id\": \"a\", \"content\": {}, \"sdk_version\": \"new\"}|sdk_version",
            "{\"id\": \"ok\", \"agent_id\": \"a\\u0000\", \"content\": {}}|agent_id"})
    void badCreateBodiesAre400NamingTheField(String body, String field) {
        Response r = server.post("/api/v1/configurations", ADMIN_KEY, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
        assertThat(server.get("/api/v1/configurations/ok", ADMIN_KEY).status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"content\": {}, \"parent_version\": \"one\"}|parent_version",
            "{\"content\": {}, \"parent_version\": 0}|parent_version",
            "{\"content\": {}, \"activate\": \"yes\"}|activate",
            "{\"content\": {}, \"message\": 7}|message",
            "{\"content\": {\"behaviour\": {\"temperature\": \"hot\"}}}|content"})
    void badVersionBodiesAre400NamingTheField(String body, String field) {
        JsonBodies.created(server, ADMIN_KEY, "target");
        Response r = server.post("/api/v1/configurations/target/versions", ADMIN_KEY, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
        assertThat(traffic.ok("/api/v1/configurations/target", ADMIN_KEY).get("latest_version").asInt()).isEqualTo(1);
    }

    @Test
    void malformedOversizeAndHostileInput() {
        assertThat(server.post("/api/v1/configurations", ADMIN_KEY, "{\"id\": ").status()).isEqualTo(400);
        assertThat(server.post("/api/v1/configurations", ADMIN_KEY, "[1]").status()).isEqualTo(400);
        String huge = "{\"id\": \"big\", \"agent_id\": \"a\", \"content\": {\"interface\": {\"x\": \""
                + "x".repeat(1_100_000) + "\"}}}";
        Response big = server.post("/api/v1/configurations", ADMIN_KEY, huge);
        assertThat(big.status()).isEqualTo(413);
        for (String wrong : List.of("{\"version\": [1]}", "{\"version\": \"one\"}", "{\"version\": {\"n\": 1}}")) {
            Response rollback = server.post("/api/v1/configurations/any/rollback", ADMIN_KEY, wrong);
            assertThat(rollback.status()).as(wrong).isEqualTo(400);
            assertThat(rollback.body()).contains("\"field\":\"version\"");
        }
        assertThat(server.post("/api/v1/configurations/any/rollback", ADMIN_KEY, "{}").status()).isEqualTo(400);

        String hostile = "Robert'); DROP TABLE configurations;-- <script>alert(1)</script> \\\" ü 🚀";
        Response created = server.post("/api/v1/configurations", ADMIN_KEY, """
                {"id": "hostile", "agent_id": "%s", "name": "%s", "content": {"prompt_templates": {"t": "%s"}}}"""
                .formatted(hostile, hostile, hostile));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String stored = "Robert'); DROP TABLE configurations;-- <script>alert(1)</script> \" ü 🚀";
        assertThat(created.json().get("agent_id").asString()).isEqualTo(stored);
        assertThat(traffic.ok("/api/v1/configurations/hostile/active", ADMIN_KEY).get("content").get("prompt_templates")
                .get("t").asString()).isEqualTo(stored);
        assertThat(server.post("/api/v1/configurations", ADMIN_KEY, """
                {"id": "nul", "agent_id": "a", "content": {"prompt_templates": {"t": "a\\u0000b"}}}""").status())
                .as("a NUL inside JSON content is stored escaped").isEqualTo(201);

        for (String id : List.of("a%2Fb", "..", "%2E%2E", "x".repeat(300), "a%00b", "UPPER")) {
            Response r = server.get("/api/v1/configurations/" + id, ADMIN_KEY);
            assertThat(r.status()).as(id + ": " + r).isIn(400, 404);
        }
        assertThat(server.get("/api/v1/configurations?agentid=a", ADMIN_KEY).body()).contains("\"parameter\":\"agentid\"");
        assertThat(server.get("/api/v1/configurations/hostile/events?kind=x", ADMIN_KEY).status()).isEqualTo(400);
    }
}
