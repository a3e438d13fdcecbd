package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prediction pages on a small seeded workspace (600 traces through the ingest API with a
 * planted effect: agent "careful" succeeds 92% of the time, "hasty" 10%), so the models are
 * trained deterministically by the test rather than by the demo's background thread: before any
 * training every target is "not trained yet"; "Retrain now" trains interaction_success, which is
 * offered with the API's AUC interval, its calibration chart and ECE; code_accepted (no code
 * generations) shows its insufficient-data reason; "Try a prediction" answers the API's
 * probability, a wrong-typed feature shows the API's error at its field, a refused target its
 * 409 reason; a viewer's retrain shows the API's 403.
 */
@ExtendWith(Dashboard.class)
class ITPredictionsPage {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static FreshWorkspace workspace;

    @BeforeAll
    static void seededWorkspace() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        workspace = FreshWorkspace.create("admin");
        ingestPlanted(workspace, 600, 42);
    }

    @Test
    void untrained_then_retrained_offered_with_calibration_and_a_prediction(Page page) {
        Dashboard.logIn(page, workspace.email(), workspace.password());
        page.navigate("/predictions");
        Locator rows = page.locator("#models-table tbody tr");
        assertThat(rows).hasCount(6);
        assertThat(page.locator("#not-trained-note")).containsText("6 of 6 targets have no model yet");
        assertThat(rows.first().locator(".model-status")).hasText("not trained yet");

        // "Retrain now" on the target's page: disabled while the synchronous training runs, then the new version
        page.locator("#models-table a", new Page.LocatorOptions().setHasText("interaction_success")).click();
        assertThat(page).hasURL(Dashboard.server().url() + "/predictions/interaction_success");
        assertThat(page.locator("#not-trained")).containsText("No model has been trained for this target yet");
        page.locator("#retrain").click();
        page.waitForSelector("#retrained", new Page.WaitForSelectorOptions().setTimeout(120_000));
        JsonNode model = call("GET", "/api/v1/predictions/models/interaction_success", null).body();
        assertThat(model.get("status").asString()).as(model.toString()).isEqualTo("offered");
        assertThat(page.locator("#retrained")).hasText("Trained version 1 (offered).");
        assertThat(page.locator("h1 .model-status")).hasAttribute("data-status", "offered");
        assertThat(page.locator("#model-reason")).hasText(model.get("reason").asString());
        JsonNode q = model.get("quality");
        assertThat(number(page.locator("#quality-auc"))).isEqualTo(q.get("auc").asDouble());
        assertThat(page.locator("#quality-auc-ci")).hasText(interval(q.get("auc_ci95")));
        assertThat(number(page.locator("#quality-brier-skill"))).isEqualTo(q.get("brier_skill").asDouble());
        assertThat(number(page.locator("#calibration-ece"))).isEqualTo(q.get("ece").asDouble());
        assertThat(page.locator("#model-calibration canvas")).isVisible();
        assertThat(page.locator("#reliability-table tbody tr")).hasCount(10);
        int filled = 0;
        for (JsonNode bin : q.get("reliability")) {
            filled += bin.get("n").asInt() > 0 ? 1 : 0;
        }
        assertThat(page.locator("#model-calibration [data-chart=calibration]")).hasAttribute("data-bins", String.valueOf(filled));
        assertThat(page.locator("#model-features canvas")).isVisible();
        assertThat(page.locator("#features-table tbody tr")).hasCount(model.get("top_features").size());
        assertThat(page.locator("#model-train-n")).hasText("480");
        assertThat(page.locator("#model-test-n")).hasText("120");

        // Try a prediction: the API's probability for the same features, with the model version
        page.locator("#feature-agent_id").fill("careful");
        page.locator("#feature-hour_of_day").fill("10");
        page.locator("#feature-weekday").fill("2");
        page.locator("#predict").click();
        JsonNode asked = call("POST", "/api/v1/predictions/interaction_success",
                "{\"features\": {\"agent_id\": \"careful\", \"hour_of_day\": 10, \"weekday\": 2}}").body();
        assertThat(number(page.locator("#prediction-probability"))).isEqualTo(asked.get("probability").asDouble());
        assertThat(asked.get("probability").asDouble()).isGreaterThan(0.7);
        assertThat(page.locator("#prediction-version")).hasText("1");

        // a wrong-typed feature: the API's message at its field, nothing else answered
        page.locator("#feature-hour_of_day").fill("ten");
        page.locator("#predict").click();
        assertThat(page.locator(".field-error[data-feature=hour_of_day]"))
                .hasText("hour_of_day must be a whole number, was the string \"ten\"");
        assertThat(page.locator("#prediction-probability")).hasCount(0);

        // code_accepted: no code generations in this workspace
        JsonNode code = call("POST", "/api/v1/predictions/models/code_accepted/train", "").body();
        assertThat(code.get("status").asString()).isEqualTo("insufficient_data");
        page.navigate("/predictions");
        Locator offered = page.locator("#models-table tbody tr[data-target=interaction_success]");
        assertThat(offered.locator(".model-status")).hasText("offered");
        assertThat(offered.locator("[data-ci=auc]")).hasText(interval(q.get("auc_ci95")));
        assertThat(number(offered.locator("[data-metric=auc]"))).isEqualTo(q.get("auc").asDouble());
        assertThat(offered.locator("[data-metric=sizes]")).hasText("480 / 120");
        Locator refused = page.locator("#models-table tbody tr[data-target=code_accepted]");
        assertThat(refused.locator(".model-status")).hasText("insufficient data");
        assertThat(refused.locator(".reason")).hasText(code.get("reason").asString());
        assertThat(page.locator("#not-trained-note")).containsText("4 of 6 targets have no model yet");

        // asking a model that is not offered: the 409's reason
        refused.locator("a").click();
        assertThat(page.locator("#model-reason")).hasText(code.get("reason").asString());
        page.locator("#predict").click();
        assertThat(page.locator("#prediction-refused")).containsText("the code_accepted model (version 1) is not offered: "
                + code.get("reason").asString());
    }

    @Test
    void a_viewer_sees_the_apis_refusal_to_retrain(Page page) {
        String email = "viewer-predict-" + Long.toString(System.nanoTime(), 36) + "@e2e.sextant.test";
        assertThat(call("POST", "/api/v1/members",
                "{\"email\": \"" + email + "\", \"role\": \"viewer\", \"password\": \"viewer-password-1\"}").status()).isEqualTo(201);
        Dashboard.logIn(page, email, "viewer-password-1");
        page.navigate("/predictions/handoff");
        page.locator("#retrain").click();
        assertThat(page.locator("#retrain-error")).containsText(Pattern.compile("HTTP 403: .+"));
        assertThat(page.locator("#retrain")).isEnabled();
    }

    @Test
    void an_unknown_target_is_not_found(Page page) {
        Dashboard.logIn(page, workspace.email(), workspace.password());
        page.navigate("/predictions/churn");
        assertThat(page.locator("#target-not-found")).containsText("No such prediction target");
    }

    private static String interval(JsonNode ci) {
        return "[" + String.format(java.util.Locale.ROOT, "%.3f", ci.get(0).asDouble()) + ", "
                + String.format(java.util.Locale.ROOT, "%.3f", ci.get(1).asDouble()) + "]";
    }

    static double number(Locator withValue) {
        assertThat(withValue).hasAttribute("data-value", Pattern.compile("."));
        return Double.parseDouble(withValue.getAttribute("data-value"));
    }

    /**
     * {@code count} traces over about four weeks from a Monday five weeks ago: "careful" succeeds
     * 92% of the time and "hasty" 10%; a handoff on 60% of "phone" channel contexts, 5% of "web".
     */
    static void ingestPlanted(FreshWorkspace ws, int count, long seed) {
        Instant start = LocalDate.now(ZoneOffset.UTC).minusDays(35).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        Random random = new Random(seed);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean careful = random.nextBoolean();
            boolean phone = random.nextInt(3) == 0;
            boolean ok = random.nextDouble() < (careful ? 0.92 : 0.10);
            boolean handoff = random.nextDouble() < (phone ? 0.6 : 0.05);
            Instant at = start.plusSeconds(4000L * i);
            items.add("""
                    {"type": "trace", "body": {"id": "e2e-pt-%d", "agent_id": "%s", "name": "answer", "started_at": "%s",
                      "ended_at": "%s", "input": "%s", "status": "%s", "handoff": {"triggered": %s},
                      "context": {"channel": "%s"}}}"""
                    .formatted(i, careful ? "careful" : "hasty", at, at.plusMillis(200 + random.nextInt(2000)),
                            "q".repeat(5 + random.nextInt(50)), ok ? "ok" : "error", handoff, phone ? "phone" : "web"));
            if (items.size() == 200 || i == count - 1) {
                int status = ws.ingest("{\"batch\": [" + String.join(",", items) + "]}");
                assertThat(status).isEqualTo(200);
                items.clear();
            }
        }
    }

    record Answer(int status, JsonNode body) {}

    /** A request with the seeded workspace's own admin key. */
    private static Answer call(String method, String path, String json) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Dashboard.server().url() + path))
                    .header("Authorization", "Bearer " + workspace.key()).header("Content-Type", "application/json");
            b = json == null ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
