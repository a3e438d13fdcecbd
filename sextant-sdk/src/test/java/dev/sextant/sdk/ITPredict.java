package dev.sextant.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testing.RealServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code predict} against the real server: 400 seeded traces where agent "careful" succeeds 92%
 * of the time and "hasty" 10%, the success model trained through the API, then asked for.
 */
class ITPredict {
    private static RealServer server;
    private static Sextant sextant;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        server = RealServer.start();
        sextant = Sextant.builder().endpoint(server.base()).apiKey(RealServer.KEY).agentId("predict-bot").build();
        Random random = new Random(9);
        // a Monday midnight UTC some weeks ago: every run sees the same hours and weekdays
        Instant start = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(28)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean careful = random.nextBoolean();
            boolean ok = random.nextDouble() < (careful ? 0.92 : 0.10);
            Instant at = start.plusSeconds(3600L * i);
            items.add("{\"type\": \"trace\", \"body\": {\"id\": \"sdk-p-%d\", \"agent_id\": \"%s\", \"started_at\": \"%s\","
                    .formatted(i, careful ? "careful" : "hasty", at) + " \"ended_at\": \"%s\", \"status\": \"%s\"}}"
                    .formatted(at.plusSeconds(1), ok ? "ok" : "error"));
        }
        assertThat(post("/api/v1/ingest", "{\"batch\": [" + String.join(",", items) + "]}").statusCode()).isEqualTo(200);
        HttpResponse<String> trained = post("/api/v1/predictions/models/interaction_success/train", "");
        assertThat(trained.statusCode()).as(trained.body()).isEqualTo(200);
        assertThat(trained.body()).contains("\"status\":\"offered\"");
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.base().resolve(path))
                .header("Authorization", "Bearer " + RealServer.KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @AfterAll
    static void stop() {
        sextant.close();
        server.close();
    }

    @Test
    void anOfferedModelAnswersAProbabilityBeforeTheCall() {
        Prediction careful = sextant.predict("interaction_success", Map.of("agent_id", "careful", "input_length", 30))
                .orElseThrow();
        Prediction hasty = sextant.predict("interaction_success", Map.of("agent_id", "hasty")).orElseThrow();

        assertThat(careful.offered()).isTrue();
        assertThat(careful.modelVersion()).isEqualTo(1);
        assertThat(careful.probability()).isGreaterThan(0.7);
        assertThat(hasty.estimate().getAsDouble()).isLessThan(0.35);
        assertThat(careful.value()).isNull();
    }

    @Test
    void aModelThatIsNotOfferedSaysWhy() {
        Prediction p = sextant.predict("rating", Map.of("agent_id", "careful")).orElseThrow();
        assertThat(p.offered()).isFalse();
        assertThat(p.estimate()).isEmpty();
        assertThat(p.reason()).isEqualTo("no rating model has been trained in this workspace yet;"
                + " POST /api/v1/predictions/models/rating/train");
    }

    @Test
    void withoutAnAnswerThereIsNoPredictionAndNothingThrows() {
        assertThat(sextant.predict("interaction_success", Map.of("colour", "red"))).isEmpty();
        assertThat(sextant.predict("churn", Map.of())).isEmpty();
        assertThat(sextant.predict(null, Map.of())).isEmpty();
        try (Sextant wrongKey = Sextant.builder().endpoint(server.base()).apiKey("sk-not-a-key-of-this-server-000")
                .build()) {
            assertThat(wrongKey.predict("interaction_success", Map.of())).isEmpty();
        }
        try (Sextant nobody = Sextant.builder().endpoint(URI.create("http://127.0.0.1:9")).apiKey(RealServer.KEY)
                .requestTimeout(Duration.ofSeconds(2)).build()) {
            assertThat(nobody.predict("interaction_success", Map.of("agent_id", "careful"))).isEmpty();
        }
    }
}
