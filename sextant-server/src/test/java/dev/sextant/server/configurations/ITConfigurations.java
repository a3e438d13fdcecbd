package dev.sextant.server.configurations;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Configurations through the real server: versions, branches, activation, rollback, ETag, events. */
class ITConfigurations {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    private static final ConfigurationTraffic traffic = new ConfigurationTraffic(server);

    @Test
    void aConfigurationIsCreatedWithVersionOneActive() {
        String key = traffic.workspace("cfg-create");
        JsonNode created = traffic.create(key, "support-prompt", "support-bot", ConfigurationTraffic.CONTENT);
        assertThat(created.get("id").asString()).isEqualTo("support-prompt");
        assertThat(created.get("agent_id").asString()).isEqualTo("support-bot");
        assertThat(created.get("active_version").asInt()).isEqualTo(1);
        assertThat(created.get("active_version_id").asString()).isEqualTo("support-prompt-v1");
        assertThat(created.get("created_by").asString()).startsWith("key ");
        JsonNode v1 = created.get("active");
        assertThat(v1.get("version_id").asString()).isEqualTo("support-prompt-v1");
        assertThat(v1.get("parent_version").isNull()).isTrue();
        assertThat(v1.get("content").get("behaviour").get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(v1.get("min_sdk_version").asString()).isEqualTo("0.1.0");
        assertThat(v1.get("validation").get("valid").asBoolean()).isTrue();
        JsonNode compat = v1.get("validation").get("compatibility");
        assertThat(compat.get("status").asString()).isEqualTo("unknown");
        assertThat(compat.get("reason").asString()).contains("pass sdk_version");

        assertThat(traffic.ok("/api/v1/configurations/support-prompt", key).get("active").get("version").asInt()).isEqualTo(1);
        assertThat(traffic.ok("/api/v1/configurations", key).get("configurations").size()).isEqualTo(1);
        assertThat(traffic.ok("/api/v1/configurations?agent_id=support-bot", key).get("configurations").get(0)
                .get("id").asString()).isEqualTo("support-prompt");
        assertThat(traffic.ok("/api/v1/configurations?agent_id=nobody", key).get("configurations").size()).isZero();
        Response again = server.post("/api/v1/configurations", key, """
                {"id": "support-prompt", "agent_id": "x", "content": {}}""");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
    }

    @Test
    void versionsBranchesActivationAndRollback() {
        String key = traffic.workspace("cfg-versions");
        traffic.create(key, "flow", "bot", ConfigurationTraffic.CONTENT);
        String base = "/api/v1/configurations/flow";
        JsonNode v2 = traffic.post(base + "/versions", key, """
                {"content": {"behaviour": {"model": "gpt-4o", "temperature": 0.25, "max_tokens": 1000, "tone": "formal"}},
                 "message": "longer answers"}""", 201);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("parent_version").asInt()).isEqualTo(1);
        assertThat(v2.get("active").asBoolean()).isFalse();
        JsonNode v3 = traffic.post(base + "/versions", key, """
                {"content": {"workflow": {"steps": [{"id": "route", "type": "decision", "next": ["answer"]},
                 {"id": "answer", "type": "llm"}]}}, "parent_version": 1, "activate": true, "sdk_version": "0.0.9"}""", 201);
        assertThat(v3.get("version_id").asString()).isEqualTo("flow-v3");
        assertThat(v3.get("parent_version_id").asString()).isEqualTo("flow-v1");
        assertThat(v3.get("active").asBoolean()).isTrue();
        assertThat(v3.get("min_sdk_version").asString()).isEqualTo("0.1.0");
        assertThat(v3.get("validation").get("compatibility").get("status").asString()).isEqualTo("incompatible");

        JsonNode versions = traffic.ok(base + "/versions", key).get("versions");
        assertThat(versions.size()).isEqualTo(3);
        List<Boolean> actives = new ArrayList<>();
        versions.forEach(v -> actives.add(v.get("active").asBoolean()));
        assertThat(actives).containsExactly(false, false, true);
        assertThat(traffic.ok(base + "/versions/2", key).get("message").asString()).isEqualTo("longer answers");

        JsonNode activated = traffic.post(base + "/versions/2/activate", key, "", 200);
        assertThat(activated.get("active").asBoolean()).isTrue();
        assertThat(traffic.ok(base, key).get("active_version").asInt()).isEqualTo(2);
        JsonNode rolled = traffic.post(base + "/rollback", key, "{\"version\": 1}", 200);
        assertThat(rolled.get("version_id").asString()).isEqualTo("flow-v1");
        Response forward = server.post(base + "/rollback", key, "{\"version\": 3}");
        assertThat(forward.status()).as(forward.toString()).isEqualTo(409);
        assertThat(forward.json().get("detail").asString()).contains("activate it instead");
        assertThat(traffic.ok(base + "/active", key).get("version_id").asString()).isEqualTo("flow-v1");
    }

    @Test
    void theActiveVersionAnswersAnETagAndNotModified() {
        String key = traffic.workspace("cfg-etag");
        traffic.create(key, "tagged", "bot", ConfigurationTraffic.CONTENT);
        String path = "/api/v1/configurations/tagged/active";
        Response first = server.get(path, key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).contains("\"tagged-v1\"");
        assertThat(first.json().get("content").get("behaviour").get("model").asString()).isEqualTo("gpt-4o");
        assertThat(first.json().get("compatibility").get("status").asString()).isEqualTo("unknown");
        Response same = conditional(path, key, "\"tagged-v1\"");
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.header("ETag")).contains("\"tagged-v1\"");
        assertThat(conditional(path, key, "W/\"other\", \"tagged-v1\"").status()).isEqualTo(304);
        assertThat(conditional(path, key, "*").status()).isEqualTo(304);
        assertThat(conditional(path, key, "\"tagged-v0\"").status()).isEqualTo(200);

        traffic.post("/api/v1/configurations/tagged/versions", key, "{\"content\": {}, \"activate\": true}", 201);
        Response changed = conditional(path, key, "\"tagged-v1\"");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).contains("\"tagged-v2\"");
        JsonNode checked = traffic.ok(path + "?sdk_version=0.1.0-SNAPSHOT", key);
        assertThat(checked.get("compatibility").get("status").asString()).isEqualTo("compatible");
        Response bad = server.get(path + "?sdk_version=latest", key);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"parameter\":\"sdk_version\"");
    }

    @Test
    void anOlderSdkSeenMakesAVersionIncompatible() {
        String key = traffic.workspace("cfg-seen");
        String other = traffic.workspace("cfg-seen-other");
        traffic.create(key, "seen", "bot", ConfigurationTraffic.CONTENT);
        traffic.create(other, "seen", "bot", ConfigurationTraffic.CONTENT);
        String path = "/api/v1/configurations/seen";
        assertThat(traffic.ok(path + "/versions/1", key).get("compatibility").get("status").asString()).isEqualTo("unknown");

        Response hostile = server.send(SextantTestServer.authorized(server.request(path + "/active"), key)
                .header("User-Agent", "sextant-java-sdk/0.0.1 (" + "x".repeat(500) + ")").GET().build());
        assertThat(hostile.status()).isEqualTo(200);
        assertThat(traffic.ok(path + "/versions/1", key).get("compatibility").get("status").asString())
                .as("a value not exactly the SDK's form is ignored").isEqualTo("unknown");

        Response old = server.send(SextantTestServer.authorized(server.request(path + "/active"), key)
                .header("User-Agent", "sextant-java-sdk/0.0.1").GET().build());
        assertThat(old.status()).isEqualTo(200);
        JsonNode compat = traffic.ok(path + "/versions/1", key).get("compatibility");
        assertThat(compat.get("status").asString()).as(compat.toString()).isEqualTo("incompatible");
        assertThat(compat.get("older_sdk_versions").get(0).asString()).isEqualTo("0.0.1");
        assertThat(compat.get("reason").asString()).contains("0.0.1").contains("older than 0.1.0");
        assertThat(traffic.ok(path + "/active", key).get("compatibility").get("status").asString()).isEqualTo("incompatible");
        assertThat(traffic.ok(path, key).get("active").get("compatibility").get("status").asString()).isEqualTo("incompatible");
        JsonNode created = traffic.post(path + "/versions", key, "{\"content\": {}}", 201);
        assertThat(created.get("validation").get("compatibility").get("status").asString()).isEqualTo("incompatible");
        assertThat(traffic.ok(path + "/active?sdk_version=0.1.0", key).get("compatibility").get("status").asString())
                .as("a named sdk_version is checked instead").isEqualTo("compatible");

        assertThat(traffic.ok(path + "/versions/1", other).get("compatibility").get("status").asString())
                .as("another workspace's agents are not this one's").isEqualTo("unknown");
    }

    private static Response conditional(String path, String key, String tags) {
        return server.send(SextantTestServer.authorized(server.request(path), key).header("If-None-Match", tags).GET().build());
    }

    @Test
    void eachChangeIsRecordedPerParameterWithItsImpact() {
        String key = traffic.workspace("cfg-events");
        traffic.create(key, "ev", "bot", """
                {"prompt_templates": {"greeting": "Hi"}, "behaviour": {"model": "gpt-4o", "temperature": 0.2,
                 "max_tokens": 500, "tone": "friendly"}, "interface": {"language": "en"}}""");
        traffic.post("/api/v1/configurations/ev/versions", key, """
                {"content": {"prompt_templates": {"greeting": "Hello"}, "behaviour": {"model": "gpt-4o-mini",
                 "temperature": 0.25, "max_tokens": 1000, "tone": "formal"}, "interface": {"language": "de"},
                 "integrations": {"crm": {"enabled": true}}}, "activate": true}""", 201);
        JsonNode events = traffic.ok("/api/v1/configurations/ev/events", key).get("events");
        List<String> created = new ArrayList<>();
        List<String> version = new ArrayList<>();
        List<String> activate = new ArrayList<>();
        for (JsonNode e : events) {
            String row = e.get("parameter").asString() + "=" + e.get("impact_level").asString();
            switch (e.get("kind").asString()) {
                case "create" -> created.add(row);
                case "version" -> version.add(row);
                case "activate" -> activate.add(row);
                default -> throw new AssertionError(e.toString());
            }
        }
        assertThat(created).containsExactly("behaviour.max_tokens=medium", "behaviour.model=high",
                "behaviour.temperature=medium", "behaviour.tone=medium", "interface.language=low",
                "prompt_templates.greeting=high");
        List<String> expected = List.of("behaviour.max_tokens=medium", "behaviour.model=high",
                "behaviour.temperature=low", "behaviour.tone=medium", "integrations.crm.enabled=high",
                "interface.language=low", "prompt_templates.greeting=high");
        assertThat(version).containsExactlyElementsOf(expected);
        assertThat(activate).containsExactlyElementsOf(expected);
        JsonNode temperature = events.get(6 + 2);
        assertThat(temperature.get("parameter").asString()).isEqualTo("behaviour.temperature");
        assertThat(temperature.get("old_value").asDouble()).isEqualTo(0.2);
        assertThat(temperature.get("new_value").asDouble()).isEqualTo(0.25);
        assertThat(temperature.get("from_version").asString()).isEqualTo("ev-v1");
        assertThat(temperature.get("to_version").asString()).isEqualTo("ev-v2");
        assertThat(temperature.get("validation").get("valid").asBoolean()).isTrue();
        assertThat(temperature.get("created_by").asString()).startsWith("key ");
        long previous = 0;
        for (JsonNode e : events) {
            assertThat(e.get("sequence").asLong()).isEqualTo(previous + 1);
            previous = e.get("sequence").asLong();
        }
        assertThat(events.get(0).get("old_value").isNull()).isTrue();
        assertThat(events.get(0).get("from_version").isNull()).isTrue();
    }

    /** Four wrong things in one content: all four listed with pointers; nothing saved. */
    @Test
    void invalidContentIsRefusedWithEveryErrorListed() {
        String key = traffic.workspace("cfg-invalid");
        Response r = server.post("/api/v1/configurations", key, """
                {"id": "bad", "agent_id": "bot", "content": {"behaviour": {"temperature": 7, "max_tokens": "many"},
                 "workflow": {"steps": [{"id": "a"}]}, "colour": "blue"}}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("type").asString()).isEqualTo("urn:sextant:problem:invalid-request");
        List<String> pointers = new ArrayList<>();
        r.json().get("errors").forEach(e -> {
            assertThat(e.get("field").asString()).isEqualTo("content");
            pointers.add(e.get("pointer").asString());
        });
        assertThat(pointers).contains("/content/behaviour/temperature", "/content/behaviour/max_tokens",
                "/content/workflow/steps/0/type", "/content/colour");
        assertThat(pointers).hasSize(4);
        assertThat(r.json().get("detail").asString()).isEqualTo("4 problems: /content/behaviour/temperature: must have a"
                + " maximum value of 2; /content/behaviour/max_tokens: string found, integer expected;"
                + " /content/workflow/steps/0/type: required property 'type' not found; /content/colour: property"
                + " 'colour' is not defined in the schema and the schema does not allow additional properties");
        assertThat(server.get("/api/v1/configurations/bad", key).status()).isEqualTo(404);

        traffic.create(key, "good", "bot", "{}");
        Response v = server.post("/api/v1/configurations/good/versions", key,
                "{\"content\": {\"integrations\": {\"crm\": {\"endpoint\": \"ftp://x\"}}}, \"parent_version\": 9}");
        assertThat(v.status()).as(v.toString()).isEqualTo(400);
        assertThat(v.body()).contains("\"field\":\"parent_version\"").contains("/content/integrations/crm/enabled")
                .contains("/content/integrations/crm/endpoint");
        assertThat(traffic.ok("/api/v1/configurations/good/versions", key).get("versions").size()).isEqualTo(1);
        assertThat(traffic.ok("/api/v1/configurations/good/events", key).get("events").size()).isEqualTo(1);
    }
}
