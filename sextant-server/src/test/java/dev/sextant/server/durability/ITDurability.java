package dev.sextant.server.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 200 means committed: two clients load the server, the process is killed with SIGKILL in the
 * middle of the load, and after a restart on the same data directory every trace and span that
 * was acknowledged is there, once.
 */
class ITDurability {
    private static final String KEY = "sk-durability-test-0123456789";
    private static final int SPANS_PER_TRACE = 20;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAcknowledgedItemSurvivesAKilledProcess() throws Exception {
        Path dataDir = Files.createTempDirectory("sextant-durability-");
        Path log = dataDir.resolve("server.log");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();

        ServerProcess first = ServerProcess.start(dataDir.resolve("data"), KEY, log);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            int client = c;
            clients.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String traceId = "dur-" + client + "-" + i;
                    sent.incrementAndGet();
                    try {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(first.uri("/api/v1/ingest"))
                                .header("Authorization", "Bearer " + KEY)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(batch(traceId))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 200
                                && json.readTree(answer.body()).path("accepted").asInt() == SPANS_PER_TRACE + 1) {
                            acknowledged.add(traceId);
                        }
                    } catch (IOException e) {
                        return; // the server is gone: what it acknowledged before is what counts
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 150);
        first.kill();
        stop.set(true);
        for (Thread t : clients) {
            t.join();
        }
        Set<String> acked = Set.copyOf(acknowledged);
        assertThat(acked).hasSizeGreaterThanOrEqualTo(150);

        try (ServerProcess second = ServerProcess.start(dataDir.resolve("data"), KEY, log)) {
            for (String traceId : acked) {
                HttpResponse<String> detail = http.send(HttpRequest.newBuilder(second.uri("/api/v1/interactions/" + traceId))
                        .header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(detail.statusCode()).as("trace %s was acknowledged", traceId).isEqualTo(200);
                JsonNode spans = json.readTree(detail.body()).path("spans");
                assertThat(spans.size()).as("spans of %s", traceId).isEqualTo(SPANS_PER_TRACE);
            }
            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(second.uri("/api/v1/interactions/stats"))
                    .header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.ofString());
            long stored = json.readTree(stats.body()).path("interactions").asLong();
            // Nothing doubled, and nothing appears that was never sent.
            assertThat(stored).isBetween((long) acked.size(), (long) sent.get());
        }
    }

    private static String batch(String traceId) {
        StringBuilder sb = new StringBuilder("{\"batch\":[{\"type\":\"trace\",\"body\":{\"id\":\"").append(traceId)
                .append("\",\"agent_id\":\"durability\",\"started_at\":\"2026-11-01T10:00:00Z\",\"ended_at\":\"2026-11-01T10:00:02Z\"}}");
        for (int s = 0; s < SPANS_PER_TRACE; s++) {
            sb.append(",{\"type\":\"span\",\"body\":{\"id\":\"").append(traceId).append("-s").append(s)
                    .append("\",\"trace_id\":\"").append(traceId)
                    .append("\",\"kind\":\"llm\",\"name\":\"call\",\"model\":\"gpt-4o-mini\",")
                    .append("\"usage\":{\"input_tokens\":100,\"output_tokens\":20},")
                    .append("\"started_at\":\"2026-11-01T10:00:00Z\",\"ended_at\":\"2026-11-01T10:00:01Z\"}}");
        }
        return sb.append("]}").toString();
    }
}
