package dev.sextant.server.prompts;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Prompt templates through the real server: versions, the production label, rendering, and bad input. */
class ITPromptTemplates {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    private static final PromptTraffic traffic = new PromptTraffic(server);
    private static final String BASE = "/api/v1/prompt-templates";

    static final String GREET = """
            {"id": "greet", "name": "Greeting", "description": "first words", "agent_id": "support-bot",
             "tags": ["support", "eu"], "text": "Hello {{name}}{{#tone}}, {{tone}}{{/tone}}.", "message": "first",
             "variables": [{"name": "name", "description": "who"}, {"name": "tone", "required": false, "default": "friend"},
                           {"name": "extra", "required": false}]}""";

    @Test
    void versionsLabelAndRendering() {
        String key = traffic.workspace("pt-main");
        JsonNode created = traffic.create(key, GREET);
        assertThat(created.get("id").asString()).isEqualTo("greet");
        assertThat(created.get("tags").toString()).isEqualTo("[\"support\",\"eu\"]");
        assertThat(created.get("latest_version").asInt()).isEqualTo(1);
        assertThat(created.get("labels").get("production").asInt()).isEqualTo(1);
        assertThat(created.get("production_pinned").asBoolean()).isFalse();
        assertThat(created.get("warnings").toString())
                .isEqualTo("[\"variable 'extra' is declared but the text does not use it\"]");
        JsonNode v1 = created.get("version");
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("created_by").asString()).startsWith("key admin (");
        assertThat(v1.get("variables").get(0).toString())
                .isEqualTo("{\"name\":\"name\",\"description\":\"who\",\"required\":true,\"default\":null}");
        assertThat(v1.get("variables").get(1).get("default").asString()).isEqualTo("friend");

        Response added = server.post(BASE + "/greet/versions", key,
                "{\"text\": \"Hi {{name}}!\", \"variables\": [{\"name\": \"name\"}], \"message\": \"shorter\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("version").asInt()).isEqualTo(2);
        assertThat(added.json().get("labels").toString()).isEqualTo("[\"production\"]");
        assertThat(added.json().get("warnings").size()).isZero();

        JsonNode detail = traffic.ok(BASE + "/greet", key);
        assertThat(detail.get("labels").get("production").asInt()).isEqualTo(2);
        assertThat(detail.get("production").get("text").asString()).isEqualTo("Hi {{name}}!");
        assertThat(detail.get("versions").size()).isEqualTo(2);
        assertThat(detail.get("versions").get(0).get("message").asString()).isEqualTo("first");

        assertThat(render(key, "greet", "{\"variables\": {\"name\": \"Ann\"}}").get("text").asString()).isEqualTo("Hi Ann!");
        Response pinned = traffic.put(BASE + "/greet/labels/production", key, "{\"version\": 1}");
        assertThat(pinned.status()).as(pinned.toString()).isEqualTo(200);
        assertThat(pinned.json().get("production_pinned").asBoolean()).isTrue();
        JsonNode r = render(key, "greet", "{\"variables\": {\"name\": \"Ann\"}}");
        assertThat(r.toString()).isEqualTo("{\"template_id\":\"greet\",\"version\":1,\"text\":\"Hello Ann, friend.\"}");
        assertThat(render(key, "greet", "{\"variables\": {\"name\": \"Ann\", \"tone\": \"\"}}").get("text").asString())
                .isEqualTo("Hello Ann.");
        assertThat(render(key, "greet", "{\"version\": 2, \"variables\": {\"name\": 42}}").get("text").asString())
                .isEqualTo("Hi 42!");

        server.post(BASE + "/greet/versions", key, "{\"text\": \"Yo {{name}}\", \"variables\": [{\"name\": \"name\"}]}");
        assertThat(traffic.ok(BASE + "/greet", key).get("labels").get("production").asInt())
                .as("a pinned label stays").isEqualTo(1);
        JsonNode unpinned = traffic.put(BASE + "/greet/labels/production", key, "{\"version\": null}").json();
        assertThat(unpinned.get("labels").get("production").asInt()).isEqualTo(3);
        assertThat(traffic.put(BASE + "/greet/labels/production", key, "{\"version\": 4}").status()).isEqualTo(400);

        Response tagged = server.get(BASE + "/greet", key);
        String etag = tagged.header("ETag").orElseThrow();
        Response same = server.send(SextantTestServer.authorized(server.request(BASE + "/greet"), key)
                .header("If-None-Match", etag).GET().build());
        assertThat(same.status()).as("unchanged: 304").isEqualTo(304);
        traffic.put(BASE + "/greet/labels/production", key, "{\"version\": 2}");
        Response moved = server.send(SextantTestServer.authorized(server.request(BASE + "/greet"), key)
                .header("If-None-Match", etag).GET().build());
        assertThat(moved.status()).as("the label moved: 200 with a new ETag").isEqualTo(200);
        assertThat(moved.header("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(traffic.ok(BASE + "/greet/versions", key).get("versions").size()).isEqualTo(3);
        assertThat(traffic.ok(BASE + "/greet/versions/2", key).get("text").asString()).isEqualTo("Hi {{name}}!");
        for (String missing : List.of("/greet/versions/9", "/greet/versions/abc", "/greet/versions/0", "/nope")) {
            Response nf = server.get(BASE + missing, key);
            assertThat(nf.status()).as(missing).isEqualTo(404);
            assertThat(nf.contentType()).startsWith("application/problem+json");
        }
        assertThat(traffic.ok(BASE, key).get("templates").size()).isEqualTo(1);
        assertThat(server.post(BASE, key, GREET).status()).as("the id is taken").isEqualTo(409);
    }

    @Test
    void renderRefusesMissingAndUnknownVariablesAndKeepsHostileValuesLiteral() {
        String key = traffic.workspace("pt-render");
        traffic.create(key, GREET);
        Response missing = server.post(BASE + "/greet/render", key, "{\"variables\": {}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString())
                .isEqualTo("variable 'name' is required by version 1 and was not given");
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("variables.name");

        Response unknown = server.post(BASE + "/greet/render", key,
                "{\"variables\": {\"name\": \"a\", \"nmae\": \"b\", \"zz\": \"c\"}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("2 problems: variable 'nmae' is not declared by"
                + " version 1; declared: name, tone, extra; variable 'zz' is not declared by version 1; declared: name, tone, extra");

        Response both = server.post(BASE + "/greet/render", key, "{\"variables\": {\"x\": \"1\"}}");
        assertThat(both.json().get("errors").size()).isEqualTo(2);
        Response object = server.post(BASE + "/greet/render", key, "{\"variables\": {\"name\": {\"a\": 1}}}");
        assertThat(object.status()).isEqualTo(400);
        assertThat(object.json().get("detail").asString())
                .isEqualTo("variable 'name' must be a string, a number or a boolean, was object");
        Response noVersion = server.post(BASE + "/greet/render", key, "{\"version\": 7, \"variables\": {\"name\": \"a\"}}");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().get("detail").asString()).isEqualTo("prompt template 'greet' has versions 1 to 1, not 7");

        String hostile = "{{#x}}boom{{/x}} {{> /etc/passwd}} {{=<% %>=}} <script>'; DROP TABLE prompt_templates;--";
        JsonNode literal = render(key, "greet", "{\"variables\": {\"name\": " + quoted(hostile) + ", \"tone\": \"{{name}}\"}}");
        assertThat(literal.get("text").asString()).isEqualTo("Hello " + hostile + ", {{name}}.");
        assertThat(server.post(BASE + "/greet/render", key, "{\"variables\": {\"name\": \"a\\u0000b\"}}").status())
                .isEqualTo(400);
        StringBuilder many = new StringBuilder("{\"variables\": {\"name\": \"a\"");
        for (int i = 0; i < 5000; i++) {
            many.append(", \"v").append(i).append("\": 1");
        }
        Response flood = server.post(BASE + "/greet/render", key, many.append("}}").toString());
        assertThat(flood.status()).isEqualTo(400);
        assertThat(flood.json().get("detail").asString()).isEqualTo("at most 100 variables, were 5001");
    }

    @Test
    void undeclaredVariablesAreRefusedEachNamedAndNothingIsSaved() {
        String key = traffic.workspace("pt-undeclared");
        Response r = server.post(BASE, key, """
                {"id": "half", "name": "Half", "text": "{{a}} {{#b}}{{c}}{{/b}} {{a}}", "variables": [{"name": "a"}]}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).isEqualTo("2 problems: text uses variable 'b', which is not declared"
                + " in variables; text uses variable 'c', which is not declared in variables");
        assertThat(server.get(BASE + "/half", key).status()).isEqualTo(404);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append("{{u").append(i).append("}}");
        }
        Response flood = server.post(BASE, key, "{\"id\": \"flood\", \"name\": \"F\", \"text\": \"" + text + "\"}");
        assertThat(flood.status()).isEqualTo(400);
        assertThat(flood.json().get("errors").size()).isEqualTo(21);
        assertThat(flood.json().get("errors").get(20).get("message").asString())
                .isEqualTo("text uses 480 more undeclared variables");
        assertThat(traffic.ok(BASE, key).get("templates").size()).isZero();

        traffic.create(key, GREET);
        Response v = server.post(BASE + "/greet/versions", key, "{\"text\": \"{{who}}\", \"variables\": []}");
        assertThat(v.status()).isEqualTo(400);
        assertThat(v.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
        assertThat(traffic.ok(BASE + "/greet", key).get("latest_version").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"id\": \"a/b\", \"name\": \"x\", \"text\": \"t\"}|id",
            "{\"id\": \"..\", \"name\": \"x\", \"text\": \"t\"}|id",
            "{\"id\": \"../etc\", \"name\": \"x\", \"text\": \"t\"}|id",
            "{\"id\": \"Upper\", \"name\": \"x\", \"text\": \"t\"}|id",
            "{\"id\": \"\", \"name\": \"x\", \"text\": \"t\"}|id",
            "{\"name\": \"x\", \"text\": \"t\"}|id",
            "{\"id\": \"ok\", \"text\": \"t\"}|name",
            "{\"id\": \"ok\", \"name\": \"x\"}|text",
            "{\"id\": \"ok\", \"name\": \"x\", \"text\": 5}|text",
            "{\"id\": \"ok\", \"name\": \"x\", \"text\": \"t\", \"tags\": \"a\"}|tags",
            "{\"id\": \"ok\", \"name\": \"x\", \"text\": \"t\", \"variables\": {\"name\": \"a\"}}|variables",
            "{\"id\": \"ok\", \"name\": \"x\", \"text\": \"{{a}}\", \"variables\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}|variables[1].name",
            "{\"id\": \"ok\", \"name\": \"x\", \"text\": \"{{a b}}\", \"variables\": [{\"name\": \"a b\"}]}|variables[0].name",
            "{\"id\": \"ok\", \"name\": \"x\", \"text\": \"{{a}}\", \"variables\": [{\"name\": \"a\", \"default\": \"d\"}]}|variables[0].default",
            "{\"id\": \"ok\", \"name\": \"x\", \"text\": \"{{> other}}\"}|text",
            "{\"id\": \"ok\", \"name\": \"x\", \"text\": \"{{#open}}\", \"variables\": [{\"name\": \"open\"}]}|text",
            "{\"id\": \"ok\", \"name\": \"x\", \"text\": \"t\", \"version\": 2}|version",
            "{\"id\": \"ok\", \"name\": \"a\\u0000b\", \"text\": \"t\"}|name"})
    void badBodiesAre400NamingTheField(String body, String field) {
        Response r = server.post(BASE, ADMIN_KEY, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"field\":\"" + field + "\"");
        assertThat(server.get(BASE + "/ok", ADMIN_KEY).status()).isEqualTo(404);
    }

    @Test
    void malformedAndOversizeBodies() {
        assertThat(server.post(BASE, ADMIN_KEY, "{\"id\": ").status()).isEqualTo(400);
        assertThat(server.post(BASE, ADMIN_KEY, "[1, 2]").status()).isEqualTo(400);
        String huge = "{\"id\": \"big\", \"name\": \"x\", \"text\": \"" + "x".repeat(1_100_000) + "\"}";
        assertThat(server.post(BASE, ADMIN_KEY, huge).status()).isEqualTo(413);
        Response longText = server.post(BASE, ADMIN_KEY, "{\"id\": \"big\", \"name\": \"x\", \"text\": \""
                + "x".repeat(DraftCheck.MAX_TEXT + 1) + "\"}");
        assertThat(longText.status()).isEqualTo(400);
        assertThat(longText.json().get("detail").asString()).isEqualTo("text is 100001 characters, over the limit of 100000");
        traffic.create(ADMIN_KEY, "{\"id\": \"big-render\", \"name\": \"x\", \"text\": \"{{q}}{{q}}\", \"variables\": [{\"name\": \"q\"}]}");
        Response tooLong = server.post(BASE + "/big-render/render", ADMIN_KEY,
                "{\"variables\": {\"q\": \"" + "y".repeat(600_000) + "\"}}");
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString())
                .isEqualTo("the rendered text would be over 1000000 characters; shorten the values");
        assertThat(server.post(BASE + "/big-render/render", ADMIN_KEY, "{\"variables\": ").status()).isEqualTo(400);
        assertThat(traffic.put(BASE + "/big-render/labels/production", ADMIN_KEY, "{\"version\": \"one\"}").status())
                .isEqualTo(400);
    }

    @Test
    void hostileIdsInPathsAreNotFound() {
        String key = traffic.workspace("pt-paths");
        traffic.create(key, GREET);
        for (String path : List.of("/..%2Fgreet", "/greet%2F..", "/%2e%2e", "/greet%00")) {
            Response r = server.get(BASE + path, key);
            assertThat(r.status()).as(path + " " + r).isBetween(400, 404);
        }
        String longId = "x".repeat(5000);
        Response r = server.get(BASE + "/" + longId, key);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asString()).hasSizeLessThan(200);
    }

    @Test
    void keysNeedTheirScopes() {
        String admin = traffic.workspace("pt-scopes");
        String viewer = traffic.key(admin, "viewer", "analytics:view")[0];
        String ingest = traffic.key(admin, "agent", "ingest:write")[0];
        String[] config = traffic.key(admin, "editor", "config:write");
        JsonNode created = traffic.create(config[0], GREET);
        assertThat(created.get("version").get("created_by").asString()).isEqualTo("key editor (" + config[1] + ")");

        Response viewerPost = server.post(BASE, viewer, GREET);
        assertThat(viewerPost.status()).isEqualTo(403);
        assertThat(viewerPost.json().get("required_scope").asString()).isEqualTo("config:write");
        assertThat(server.post(BASE + "/greet/versions", viewer, "{\"text\": \"x\"}").status()).isEqualTo(403);
        assertThat(traffic.put(BASE + "/greet/labels/production", viewer, "{\"version\": 1}").status()).isEqualTo(403);
        for (String path : List.of(BASE, BASE + "/greet/versions", BASE + "/greet/analytics", "/api/v1/analytics/prompt-templates")) {
            assertThat(server.get(path, viewer).status()).as(path).isEqualTo(200);
            Response denied = server.get(path, config[0]);
            assertThat(denied.status()).as(path).isEqualTo(403);
            assertThat(server.get(path, ingest).status()).as(path).isEqualTo(403);
            assertThat(server.send(server.request(path).GET().build()).status()).isEqualTo(401);
        }
        // what an agent needs: its ingest key reads one template and renders
        assertThat(server.get(BASE + "/greet", ingest).status()).isEqualTo(200);
        assertThat(server.get(BASE + "/greet/versions/1", ingest).status()).isEqualTo(200);
        assertThat(server.post(BASE + "/greet/render", ingest, "{\"variables\": {\"name\": \"a\"}}").status()).isEqualTo(200);
        assertThat(server.post(BASE + "/greet/render", config[0], "{\"variables\": {\"name\": \"a\"}}").status()).isEqualTo(403);
    }

    @Test
    void anotherWorkspaceNeverSeesOrChangesThisOne() {
        String mine = traffic.workspace("pt-mine");
        String other = traffic.workspace("pt-other");
        traffic.create(mine, GREET);
        Response missing = server.get(BASE + "/nothing-here", other);
        for (String path : List.of("/greet", "/greet/versions", "/greet/versions/1", "/greet/analytics")) {
            Response r = server.get(BASE + path, other);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().get("type").asString()).isEqualTo(missing.json().get("type").asString());
        }
        assertThat(server.get(BASE + "/greet", other).json().get("detail").asString())
                .isEqualTo("prompt template 'greet' does not exist in this workspace");
        assertThat(server.post(BASE + "/greet/render", other, "{\"variables\": {\"name\": \"a\"}}").status()).isEqualTo(404);
        assertThat(server.post(BASE + "/greet/versions", other, "{\"text\": \"x\"}").status()).isEqualTo(404);
        assertThat(traffic.put(BASE + "/greet/labels/production", other, "{\"version\": 1}").status()).isEqualTo(404);
        assertThat(traffic.ok(BASE, other).get("templates").size()).isZero();
        assertThat(traffic.ok("/api/v1/analytics/prompt-templates", other).get("templates").size()).isZero();
        traffic.create(other, GREET); // the same id is free in another workspace
        assertThat(traffic.ok(BASE + "/greet", mine).get("latest_version").asInt()).isEqualTo(1);
    }

    private static JsonNode render(String key, String id, String body) {
        Response r = server.post(BASE + "/" + id + "/render", key, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
