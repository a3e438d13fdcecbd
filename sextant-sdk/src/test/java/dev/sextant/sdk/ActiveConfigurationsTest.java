package dev.sextant.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sextant.sdk.AgentConfiguration.Source;
import dev.sextant.sdk.internal.ConfigurationClient;
import dev.sextant.sdk.internal.ExportSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache's rules on a scripted server and a hand-moved clock: within the TTL no request;
 * after it a request with the ETag; a failure serves the last good value and waits a TTL.
 */
class ActiveConfigurationsTest {
    private static final String ACTIVE = "{\"configuration_id\":\"cfg\",\"version\":2,\"version_id\":\"cfg-v2\","
            + "\"content\":{\"behaviour\":{\"temperature\":0.4,\"max_tokens\":300,\"model\":\"m\"},"
            + "\"workflow\":{\"steps\":[{\"id\":\"a\",\"type\":\"llm\"}]}},\"min_sdk_version\":\"0.1.0\"}";

    private record Scripted(int status, String body, String etag) {}

    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<String> ifNoneMatch = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong nanos = new AtomicLong();
    private HttpServer http;
    private ActiveConfigurations configurations;

    @BeforeEach
    void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::answer);
        http.start();
        URI ingest = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/api/v1/ingest");
        ExportSettings settings = new ExportSettings(ingest, "sk-test", 10, 10, Duration.ofSeconds(1),
                Duration.ofSeconds(5), 1, Duration.ofMillis(10), Duration.ofMillis(10));
        configurations = new ActiveConfigurations(new ConfigurationClient(settings), Duration.ofSeconds(30), nanos::get);
    }

    @AfterEach
    void stop() {
        http.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        ifNoneMatch.add(String.valueOf(exchange.getRequestHeaders().getFirst("If-None-Match")));
        Scripted next = script.poll();
        if (next == null) {
            next = new Scripted(500, "{}", null);
        }
        byte[] bytes = next.body().getBytes(StandardCharsets.UTF_8);
        if (next.etag() != null) {
            exchange.getResponseHeaders().add("ETag", next.etag());
        }
        exchange.sendResponseHeaders(next.status(), next.status() == 304 ? -1 : bytes.length);
        if (next.status() != 304) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private void after(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void cachedThenRevalidatedThenLastGoodWhenTheServerFails() {
        script.add(new Scripted(200, ACTIVE, "\"cfg-v2\""));
        AgentConfiguration read = configurations.get("cfg");
        assertThat(read.source()).isEqualTo(Source.SERVER);
        assertThat(read.versionId()).isEqualTo("cfg-v2");
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.number("behaviour.temperature", 0)).isEqualTo(0.4);
        assertThat(read.value("behaviour.max_tokens")).isEqualTo(300);
        assertThat(read.value("workflow.steps")).isInstanceOf(List.class);

        after(Duration.ofSeconds(29));
        assertThat(configurations.get("cfg").source()).isEqualTo(Source.CACHE);
        assertThat(ifNoneMatch).hasSize(1);

        after(Duration.ofSeconds(2));
        script.add(new Scripted(304, "", "\"cfg-v2\""));
        AgentConfiguration revalidated = configurations.get("cfg");
        assertThat(revalidated.source()).isEqualTo(Source.REVALIDATED);
        assertThat(revalidated.content()).isEqualTo(read.content());
        assertThat(ifNoneMatch).containsExactly("null", "\"cfg-v2\"");

        after(Duration.ofSeconds(31));
        script.add(new Scripted(503, "{\"title\":\"down\"}", null));
        AgentConfiguration lastGood = configurations.get("cfg");
        assertThat(lastGood.source()).isEqualTo(Source.LAST_GOOD);
        assertThat(lastGood.error()).contains("HTTP 503");
        assertThat(lastGood.versionId()).isEqualTo("cfg-v2");
        after(Duration.ofSeconds(5));
        assertThat(configurations.get("cfg").source()).as("no new request within the TTL").isEqualTo(Source.LAST_GOOD);
        assertThat(ifNoneMatch).hasSize(3);
    }

    @Test
    void anAgentsConfigurationIsFoundOnceAndAMissingOneIsAskedForAgainAfterTheTtl() {
        script.add(new Scripted(200, "{\"configurations\": [{\"id\": \"cfg\", \"agent_id\": \"bot\"},"
                + " {\"id\": \"later\"}]}", null));
        script.add(new Scripted(200, ACTIVE, "\"cfg-v2\""));
        assertThat(configurations.forAgent("bot").versionId()).isEqualTo("cfg-v2");
        assertThat(configurations.forAgent("bot").source()).isEqualTo(Source.CACHE);
        assertThat(ifNoneMatch).hasSize(2);

        script.add(new Scripted(200, "{\"configurations\": []}", null));
        AgentConfiguration none = configurations.forAgent("lonely");
        assertThat(none.error()).isEqualTo("agent 'lonely' has no configuration");
        assertThat(configurations.forAgent("lonely").error()).isEqualTo("agent 'lonely' has no configuration");
        assertThat(ifNoneMatch).as("the empty answer is kept for the TTL").hasSize(3);
        after(Duration.ofSeconds(31));
        script.add(new Scripted(200, "{\"configurations\": [{\"id\": \"cfg\"}]}", null));
        script.add(new Scripted(304, "", "\"cfg-v2\""));
        AgentConfiguration found = configurations.forAgent("lonely");
        assertThat(found.source()).as("cfg was read before: revalidated by its ETag").isEqualTo(Source.REVALIDATED);
        assertThat(found.versionId()).isEqualTo("cfg-v2");
        assertThat(configurations.forAgent(null).error()).contains("an agent id is");
    }

    @Test
    void beforeAnyGoodAnswerTheConfigurationIsEmpty() {
        script.add(new Scripted(200, "[1, 2]", null));
        AgentConfiguration none = configurations.get("cfg");
        assertThat(none.source()).isEqualTo(Source.NONE);
        assertThat(none.error()).contains("not a JSON object");
        assertThat(none.content()).isEmpty();
        assertThat(none.number("behaviour.temperature", 0.7)).isEqualTo(0.7);
        after(Duration.ofSeconds(31));
        script.add(new Scripted(200, "{\"version_id\": \"cfg-v1\"}", null));
        assertThat(configurations.get("cfg").error()).contains("no version_id or content");
        assertThat(configurations.get("Not/An/Id").error()).contains("a configuration id is");
        assertThat(ifNoneMatch).hasSize(2);
    }
}
