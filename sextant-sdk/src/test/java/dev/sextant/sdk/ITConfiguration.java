package dev.sextant.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.sdk.AgentConfiguration.Source;
import dev.sextant.sdk.internal.SdkInfo;
import dev.sextant.testing.RealServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code configuration(id)} against the real server, and traces stamped with the version they ran. */
class ITConfiguration {
    private static RealServer server;
    private static Sextant sextant;

    @BeforeAll
    static void start() {
        server = RealServer.start();
        sextant = Sextant.builder().endpoint(server.base()).apiKey(RealServer.KEY).agentId("support-bot")
                .configurationTtl(Duration.ZERO).build();
    }

    @AfterAll
    static void stop() {
        sextant.close();
        server.close();
    }

    private static void create(String id, String content) {
        RealServer.Answer created = server.post("/api/v1/configurations",
                "{\"id\": \"" + id + "\", \"agent_id\": \"support-bot\", \"content\": " + content + "}");
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    }

    @Test
    void theActiveVersionIsReadRevalidatedAndFollowsActivation() {
        create("sdk-prompt", "{\"prompt_templates\": {\"greeting\": \"Hello {{name}}\"},"
                + " \"behaviour\": {\"model\": \"gpt-4o\", \"temperature\": 0.3, \"max_tokens\": 400}}");
        AgentConfiguration first = sextant.configuration("sdk-prompt");
        assertThat(first.source()).isEqualTo(Source.SERVER);
        assertThat(first.error()).isNull();
        assertThat(first.versionId()).isEqualTo("sdk-prompt-v1");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.number("behaviour.temperature", 1)).isEqualTo(0.3);
        assertThat(first.number("behaviour.max_tokens", 0)).isEqualTo(400);
        assertThat(first.text("behaviour.model", null)).isEqualTo("gpt-4o");
        assertThat(first.promptTemplate("greeting", null)).isEqualTo("Hello {{name}}");
        assertThat(first.number("behaviour.missing", 7)).isEqualTo(7);

        AgentConfiguration again = sextant.configuration("sdk-prompt");
        assertThat(again.source()).as("the server answered 304 to the ETag").isEqualTo(Source.REVALIDATED);
        assertThat(again.versionId()).isEqualTo("sdk-prompt-v1");
        assertThat(again.content()).isEqualTo(first.content());

        assertThat(server.post("/api/v1/configurations/sdk-prompt/versions",
                "{\"content\": {\"behaviour\": {\"temperature\": 0.5}}, \"activate\": true}").status()).isEqualTo(201);
        AgentConfiguration second = sextant.configuration("sdk-prompt");
        assertThat(second.source()).isEqualTo(Source.SERVER);
        assertThat(second.versionId()).isEqualTo("sdk-prompt-v2");
        assertThat(second.number("behaviour.temperature", 0)).isEqualTo(0.5);
    }

    @Test
    void aTraceCarriesTheVersionItRan() {
        create("sdk-stamp", "{\"behaviour\": {\"tone\": \"formal\"}}");
        AgentConfiguration cfg = sextant.configuration("sdk-stamp");
        Trace trace = sextant.trace("answer").configuration(cfg).id("sdk-stamped-trace").start();
        trace.end();
        sextant.trace("answer").configuration(sextant.configuration("no-such-configuration")).id("sdk-unstamped").start().end();
        assertThat(sextant.flush(Duration.ofSeconds(10))).isTrue();
        JsonNode stamped = server.interaction("sdk-stamped-trace");
        assertThat(stamped.get("config_version").asString()).isEqualTo("sdk-stamp-v1");
        JsonNode unstamped = server.interaction("sdk-unstamped").get("config_version");
        assertThat(unstamped == null || unstamped.isNull()).isTrue();
    }

    @Test
    void theVersionsOfTheSdkSeenMakeAVersionCompatible() {
        create("sdk-seen", "{\"behaviour\": {\"temperature\": 0.1}}");
        assertThat(sextant.configuration("sdk-seen").source()).isEqualTo(Source.SERVER);
        sextant.trace("answer").id("sdk-seen-trace").start().end();
        assertThat(sextant.flush(Duration.ofSeconds(10))).isTrue();

        JsonNode compat = server.get("/api/v1/configurations/sdk-seen/versions/1").get("compatibility");
        assertThat(compat.get("status").asString()).as(compat.toString()).isEqualTo("compatible");
        assertThat(compat.get("source").asString()).isEqualTo("seen");
        List<String> seen = new ArrayList<>();
        compat.get("sdk_versions_seen").forEach(v -> seen.add(v.asString()));
        assertThat(seen).contains(SdkInfo.VERSION);
        JsonNode active = server.get("/api/v1/configurations/sdk-seen/active").get("compatibility");
        assertThat(active.get("status").asString()).isEqualTo("compatible");
    }

    @Test
    void anAgentFindsItsConfiguration() {
        create("sdk-by-agent", "{\"behaviour\": {\"temperature\": 0.1}}");
        AgentConfiguration mine;
        try (Sextant other = Sextant.builder().endpoint(server.base()).apiKey(RealServer.KEY).agentId("agent-x").build()) {
            mine = other.configurationForAgent("support-bot");
        }
        assertThat(mine.known()).isTrue();
        assertThat(mine.versionId()).endsWith("-v1").isNotNull();
        AgentConfiguration byDefault = sextant.configurationForAgent(null);
        assertThat(byDefault.configurationId()).isEqualTo(mine.configurationId());
        AgentConfiguration nobody = sextant.configurationForAgent("agent-without-configuration");
        assertThat(nobody.source()).isEqualTo(Source.NONE);
        assertThat(nobody.error()).isEqualTo("agent 'agent-without-configuration' has no configuration");
    }

    @Test
    void anUnknownConfigurationIsEmptyWithTheReasonNeverAnException() {
        AgentConfiguration none = sextant.configuration("no-such-configuration");
        assertThat(none.source()).isEqualTo(Source.NONE);
        assertThat(none.known()).isFalse();
        assertThat(none.content()).isEmpty();
        assertThat(none.error()).contains("HTTP 404");
        AgentConfiguration bad = sextant.configuration("../etc");
        assertThat(bad.source()).isEqualTo(Source.NONE);
        assertThat(bad.error()).contains("a configuration id is");
        assertThat(sextant.configuration(null).known()).isFalse();
    }
}
