package dev.sextant.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.sdk.internal.ExportSettings;
import dev.sextant.sdk.internal.PromptClient;
import dev.sextant.testing.RealServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code sextant.prompt(id)} against the real server: fetch, server-side rendering, the cache
 * and its ETag revalidation (on a clock the test moves), and spans that count as uses.
 */
class ITPrompt {
    private static RealServer server;
    private static Sextant sextant;

    @BeforeAll
    static void start() {
        server = RealServer.start();
        sextant = Sextant.builder().endpoint(server.base()).apiKey(RealServer.KEY).agentId("prompt-bot")
                .flushInterval(Duration.ofMillis(50)).build();
        RealServer.Answer created = server.post("/api/v1/prompt-templates", """
                {"id": "sdk-greet", "name": "Greeting", "text": "Hello {{name}}!", "variables": [{"name": "name"}]}""");
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        sextant.close();
        server.close();
    }

    @Test
    void fetchesRendersAndMarksTheSpan() {
        Prompt p = sextant.prompt("sdk-greet");
        assertThat(p.ok()).as(p.error()).isTrue();
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.text()).isEqualTo("Hello {{name}}!");
        assertThat(p.variables()).containsExactly("name");
        Prompt.Rendered r = p.render(Map.of("name", "{{#x}}Ann"));
        assertThat(r.text()).isEqualTo("Hello {{#x}}Ann!");
        assertThat(r.version()).isEqualTo(1);
        Prompt.Rendered missing = p.render(Map.of());
        assertThat(missing.ok()).isFalse();
        assertThat(missing.error()).contains("HTTP 400").contains("variable 'name' is required by version 1");

        Instant start = Instant.now().minusSeconds(1);
        sextant.llm("answer").prompt(p).start().end();
        assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
        sextant.trace("whole").prompt(p).start().end(); // a trace-level use: none of its spans names a template
        assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
        JsonNode a = server.get("/api/v1/prompt-templates/sdk-greet/analytics?from=" + start);
        assertThat(a.get("template").get("uses").asLong()).isEqualTo(2);
        assertThat(a.get("template").get("usage_per_version").get(0).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aMissingTemplateIsAnErrorNotAnException() {
        Prompt p = sextant.prompt("never-made");
        assertThat(p.ok()).isFalse();
        assertThat(p.error()).contains("HTTP 404");
        assertThat(p.render(Map.of()).ok()).isFalse();
        assertThat(sextant.prompt(null).ok()).isFalse();
    }

    @Test
    void theCacheAnswersFromMemoryAndRevalidatesWithTheETag() {
        RealServer.Answer created = server.post("/api/v1/prompt-templates", """
                {"id": "sdk-cache", "name": "Cache", "text": "v1"}""");
        assertThat(created.status()).isEqualTo(201);
        AtomicLong nanos = new AtomicLong();
        PromptCache cache = new PromptCache(new PromptClient(new ExportSettings(URI.create(server.url() + "/api/v1/ingest"),
                RealServer.KEY, 10, 10, Duration.ofSeconds(1), Duration.ofSeconds(10), 1, Duration.ofMillis(1),
                Duration.ofMillis(1))), nanos::get);
        Prompt first = cache.get("sdk-cache");
        assertThat(first.text()).isEqualTo("v1");
        server.post("/api/v1/prompt-templates/sdk-cache/versions", "{\"text\": \"v2\"}");
        assertThat(cache.get("sdk-cache")).as("fresh: from memory").isSameAs(first);
        nanos.addAndGet(PromptCache.FRESH.toNanos());
        Prompt second = cache.get("sdk-cache");
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.text()).isEqualTo("v2");
        nanos.addAndGet(PromptCache.FRESH.toNanos());
        assertThat(cache.get("sdk-cache")).as("304: the same copy").isSameAs(second);
    }
}
