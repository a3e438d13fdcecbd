package dev.sextant.server.live;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live event stream through the real server: a hello on connect, a data event after an ingest
 * into the caller's workspace and none for another workspace's, the scope, and the cap on
 * connections.
 */
class ITLiveEvents {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer().with("--sextant.live.max-connections=2")
            .with("--sextant.live.heartbeat=300ms").with("--sextant.live.min-gap=50ms");

    private final HttpClient http = HttpClient.newHttpClient();

    /** An open stream over a plain socket (closing it really closes the connection); a thread collects its lines. */
    private static final class Stream implements AutoCloseable {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final Socket socket;

        Stream(String key) throws IOException {
            URI uri = server.uri("/api/v1/events");
            socket = new Socket(uri.getHost(), uri.getPort());
            socket.getOutputStream().write(("GET /api/v1/events HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: Bearer "
                    + key + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Thread.ofVirtual().start(() -> {
                try {
                    for (String line; (line = reader.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            });
        }

        long count(String line) {
            return lines.stream().filter(line::equals).count();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static void ingest(String key, String traceId) {
        Response r = server.post("/api/v1/ingest", key, """
                {"batch": [{"type": "trace", "body": {"id": "%s", "agent_id": "live-bot", "started_at": "2026-11-01T10:00:00Z"}}]}"""
                .formatted(traceId));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void helloThenADataEventAfterAnIngestIntoTheWorkspaceButNotAnothers() throws Exception {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"live-other\", \"name\": \"Other\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String otherKey = created.json().get("admin_key").get("secret").asString();
        try (Stream stream = new Stream(ADMIN_KEY)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.count("event: hello") == 1);
            assertThat(stream.lines.getFirst()).isEqualTo("HTTP/1.1 200 ");
            assertThat(stream.lines).anySatisfy(l -> assertThat(l).startsWithIgnoringCase("Content-Type: text/event-stream"));

            ingest(otherKey, "live-other-1");
            // heartbeats prove the stream is flowing; no data event came for the other workspace
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.count(": keep-alive") >= 2);
            assertThat(stream.count("event: data")).isZero();

            ingest(ADMIN_KEY, "live-1");
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.count("event: data") == 1);
            assertThat(stream.lines).anySatisfy(l -> assertThat(l).startsWith("data: {\"version\":"));
        }
    }

    @Test
    void aKeyWithoutAnalyticsViewIsRefusedAndNoKeyIsUnauthenticated() throws Exception {
        Response key = server.post("/api/v1/api-keys", ADMIN_KEY, "{\"name\": \"live-ingest\", \"scopes\": [\"ingest:write\"]}");
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        Response refused = server.get("/api/v1/events", key.json().get("secret").asString());
        assertThat(refused.status()).isEqualTo(403);
        HttpResponse<String> anonymous = http.send(server.request("/api/v1/events").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void beyondTheMaximumOfConnectionsTheAnswerIs503WithRetryAfter() throws Exception {
        // another test's stream may still be closing (the server notices on its next write)
        await().atMost(Duration.ofSeconds(10)).until(() -> server.bean(LiveEvents.class).openConnections() == 0);
        try (Stream first = new Stream(ADMIN_KEY); Stream second = new Stream(ADMIN_KEY)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> first.count("event: hello") == 1 && second.count("event: hello") == 1);
            Response third = server.get("/api/v1/events", ADMIN_KEY);
            assertThat(third.status()).as(third.toString()).isEqualTo(503);
            assertThat(third.header("Retry-After")).contains("30");
            assertThat(third.json().get("detail").asString()).contains("sextant.live.max-connections");
        }
        // closing frees the places (the server notices on its next write, within a heartbeat)
        await().atMost(Duration.ofSeconds(10)).until(() -> server.bean(LiveEvents.class).openConnections() == 0);
        try (Stream again = new Stream(ADMIN_KEY)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> again.count("event: hello") == 1);
        }
    }
}
