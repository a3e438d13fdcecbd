package dev.sextant.server.training;

import dev.sextant.server.support.SextantTestServer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A text/event-stream read line by line on a background thread; events handed over in order. */
final class ProgressStream implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Event END = new Event("<end>", null);

    record Event(String name, JsonNode data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private CompletableFuture<HttpResponse<Stream<String>>> response;

    static ProgressStream open(SextantTestServer server, String path, String key) throws Exception {
        ProgressStream s = new ProgressStream();
        s.response = s.client.sendAsync(SextantTestServer.authorized(server.request(path), key)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> r = s.response.get(10, TimeUnit.SECONDS);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + r.statusCode());
        }
        Thread.ofVirtual().start(() -> {
            String name = null;
            try (Stream<String> lines = r.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ") && name != null) {
                        s.events.add(new Event(name, JSON.readTree(line.substring(6))));
                        name = null;
                    }
                }
            } catch (RuntimeException e) {
                // the stream was closed
            } finally {
                s.events.add(END);
            }
        });
        return s;
    }

    Event next() throws InterruptedException {
        Event e = events.poll(20, TimeUnit.SECONDS);
        if (e == null || e == END) {
            throw new IllegalStateException(e == null ? "no event within 20 seconds" : "the stream ended");
        }
        return e;
    }

    boolean ended() throws InterruptedException {
        return events.poll(20, TimeUnit.SECONDS) == END;
    }

    @Override
    public void close() {
        response.cancel(true);
        client.shutdownNow();
    }
}
