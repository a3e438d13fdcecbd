package dev.sextant.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sextant.sdk.internal.ExperimentClient;
import dev.sextant.sdk.internal.ExportSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The experiment handle's cache, on a clock this test moves: one fetch per TTL, revalidation by
 * ETag, the copy kept when the server fails, and the documented answers when nothing is known.
 */
class ExperimentCacheTest {
    private static final String RUNNING = """
            {"id": "e1", "status": "running", "winner": null, "extra": {"ignored": [1, 2]},
             "variants": [{"id": "control", "configuration_version": "cfg-v1", "allocation": 50, "control": true},
                          {"id": "b", "configuration_version": "cfg-v2", "allocation": 50, "control": false}]}""";

    private HttpServer server;
    private final List<String> seenEtags = new CopyOnWriteArrayList<>();
    private volatile String body = RUNNING;
    private volatile int status = 200;
    private final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
            seenEtags.add(String.valueOf(inm));
            String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
            if (status == 200 && etag.equals(inm)) {
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            byte[] bytes = (status == 200 ? body : "{\"detail\": \"no\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Experiment experiment(String id) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/ingest");
        ExportSettings settings = new ExportSettings(base, "sk-test", 10, 10, Duration.ofSeconds(1),
                Duration.ofSeconds(5), 1, Duration.ofMillis(1), Duration.ofMillis(1));
        return new Experiment(id, new ExperimentClient(settings), Duration.ofSeconds(60), clock::get);
    }

    @Test
    void oneFetchPerTtlThenARevalidationByETag() {
        Experiment e = experiment("e1");
        ExperimentAssignment a = e.variant("user-1");
        assertThat(a.inExperiment()).isTrue();
        assertThat(a.error()).isNull();
        for (int i = 0; i < 50; i++) {
            e.variant("user-" + i);
        }
        assertThat(seenEtags).containsExactly("null");
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(e.variant("user-1")).isEqualTo(a);
        assertThat(seenEtags).hasSize(2);
        assertThat(seenEtags.get(1)).startsWith("\"");

        body = RUNNING.replace("\"running\"", "\"concluded\"").replace("\"winner\": null", "\"winner\": \"b\"");
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        ExperimentAssignment won = e.variant("user-1");
        assertThat(won.variantId()).isEqualTo("b");
        assertThat(won.configurationVersion()).isEqualTo("cfg-v2");
        assertThat(won.inExperiment()).isFalse();
    }

    @Test
    void aFailingServerKeepsTheCopyReadBefore() {
        Experiment e = experiment("e1");
        ExperimentAssignment a = e.variant("user-9");
        status = 503;
        clock.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(e.variant("user-9")).isEqualTo(a);
        assertThat(seenEtags).hasSize(2);
        assertThat(e.variant("user-9")).isEqualTo(a);
        assertThat(seenEtags).as("the next try waits for the TTL").hasSize(2);
    }

    @Test
    void withoutADefinitionNobodyIsInTheExperiment() {
        status = 404;
        ExperimentAssignment none = experiment("missing").variant("user-1");
        assertThat(none.inExperiment()).isFalse();
        assertThat(none.variantId()).isNull();
        assertThat(none.configurationVersion()).isNull();
        assertThat(none.bucket()).isEqualTo(-1);
        assertThat(none.error()).startsWith("HTTP 404 from http://127.0.0.1:");

        status = 200;
        body = "not json";
        assertThat(experiment("garbled").variant("u").error()).startsWith("the experiment answer is not readable JSON");
        assertThat(experiment("e1").variant(null).error()).isEqualTo("unitId must be 1 to 256 characters, was null");
        assertThat(experiment("e1").variant("").inExperiment()).isFalse();
        assertThat(experiment("e1").variant("u".repeat(257)).error())
                .isEqualTo("unitId must be 1 to 256 characters, was 257 characters");
        assertThat(experiment(null).variant("u").error()).isEqualTo("the experiment id is missing");
    }

    @Test
    void aDraftAnswersTheControlOutsideTheExperiment() {
        body = RUNNING.replace("\"running\"", "\"draft\"").replace("\"control\": true", "\"control\": false")
                .replace("\"allocation\": 50, \"control\": false}]", "\"allocation\": 50, \"control\": true}]");
        ExperimentAssignment a = experiment("e1").variant("user-1");
        assertThat(a.variantId()).isEqualTo("b");
        assertThat(a.control()).isTrue();
        assertThat(a.inExperiment()).isFalse();
        assertThat(a.error()).isNull();
    }
}
