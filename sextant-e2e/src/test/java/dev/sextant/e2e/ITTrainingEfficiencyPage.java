package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.sextant.e2e.ITHpoPage.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.testing.RealServer;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The efficiency block of /training and the transfer-learning block of /models (issue 7 items 6
 * and 7): the figures shown are the APIs' (compared with their JSON), the demo's over-trained run
 * is listed and opens its page, a failing efficiency request breaks only its block and retries,
 * an agent without finished runs gets the empty state, and the transfer block shows the API's
 * savings and gains or its insufficient-data reason.
 */
@ExtendWith(Dashboard.class)
class ITTrainingEfficiencyPage {
    private static final String AGENT = "support-bot"; // the demo's agent of sft-support-v3, v4 and v4-b64

    @BeforeAll
    static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Test
    void the_efficiency_block_shows_the_apis_figures_and_links_the_overtrained_demo_run(Page page) {
        // the page asks for the last 90 days: the demo's runs are all within the last month
        String from = Instant.now().minus(Duration.ofDays(90)).toString();
        JsonNode e = Dashboard.server().get("/api/v1/training/efficiency?agent_id=" + AGENT + "&from="
                + URLEncoder.encode(from, StandardCharsets.UTF_8));
        System.out.println("efficiency of " + AGENT + ": " + e);
        assertThat(e.get("run_count").asInt()).as("finished demo runs of %s", AGENT).isGreaterThan(0);

        Dashboard.logInAsAdmin(page);
        page.navigate("/training?agent_id=" + AGENT);
        Locator block = page.locator("#training-efficiency");
        assertThat(block.locator(".efficiency")).hasAttribute("data-run-count", e.get("run_count").asString());
        for (String key : new String[] {"gpu_hours", "cost_usd", "tokens_processed"}) {
            same(block.locator("[data-kpi=" + key + "] [data-value]"), e.get("totals").get(key));
        }
        same(block.locator("[data-kpi=improvement_per_gpu_hour] [data-value]"), e.get("compute_efficiency").get("improvement_per_gpu_hour"));
        same(block.locator("[data-kpi=tokens_per_gpu_hour] [data-value]"), e.get("compute_efficiency").get("tokens_per_gpu_hour"));
        same(block.locator("[data-kpi=improvement_per_dollar] [data-value]"), e.get("cost_efficiency").get("improvement_per_dollar"));

        JsonNode overtrained = e.get("overtrained_runs");
        Locator rows = block.locator("#overtrained-table tbody tr");
        assertThat(rows).hasCount(overtrained.size());
        boolean demoListed = false;
        for (JsonNode r : overtrained) {
            String id = r.get("run_id").asString();
            demoListed |= id.equals("sft-support-v4");
            Locator row = block.locator("#overtrained-table tbody tr[data-id='" + id + "']");
            for (String key : new String[] {"best_epoch", "last_epoch", "wasted_epochs", "wasted_gpu_hours", "wasted_cost_usd"}) {
                same(row.locator("[data-col=" + key + "] [data-value]"), r.get(key));
            }
        }
        assertThat(demoListed).as("the demo's over-trained run among %s", overtrained).isTrue();

        JsonNode savings = e.get("potential_savings");
        same(block.locator("#potential-savings [data-figure=gpu_hours] [data-value]"), savings.get("gpu_hours"));
        same(block.locator("#potential-savings [data-figure=cost_usd] [data-value]"), savings.get("cost_usd"));

        groups(block.locator("#batch-sizes"), e.get("batch_sizes"));
        groups(block.locator("#epoch-groups"), e.get("epochs"));

        // the runs table below still works, and the over-trained run opens its page
        assertThat(page.locator("#runs-table tbody tr[data-id=sft-support-v4]")).hasCount(1);
        block.locator("#overtrained-table tbody tr[data-id=sft-support-v4] a").click();
        assertThat(page).hasURL(Dashboard.server().url() + "/training/sft-support-v4");
    }

    @Test
    void a_failing_efficiency_request_breaks_only_its_block_and_retries(Page page) {
        Dashboard.logInAsAdmin(page);
        AtomicBoolean failing = new AtomicBoolean(true);
        page.route(url -> url.contains("/api/v1/training/efficiency?"), route -> {
            if (failing.get()) {
                route.fulfill(new Route.FulfillOptions().setStatus(503).setContentType("application/problem+json")
                        .setBody("{\"type\":\"urn:sextant:problem:unavailable\",\"title\":\"Unavailable\",\"status\":503,"
                                + "\"detail\":\"planted failure\"}"));
            } else {
                route.resume();
            }
        });
        page.navigate("/training?agent_id=" + AGENT);
        Locator error = page.locator("#training-efficiency .state.error");
        assertThat(error).containsText("Could not load: GET /api/v1/training/efficiency");
        assertThat(error).containsText("HTTP 503: planted failure");
        assertThat(page.locator("#runs-table tbody tr[data-id=sft-support-v4]")).hasCount(1);
        assertThat(page.locator("#training-runs .state.error")).hasCount(0);

        failing.set(false);
        error.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();
        assertThat(page.locator("#overtrained-table tbody tr[data-id=sft-support-v4]")).hasCount(1);
        assertThat(error).hasCount(0);
    }

    @Test
    void an_agent_without_finished_runs_gets_the_empty_state(Page page) {
        String agent = ITTrainingPage.unique("e2e-eff-agent");
        ITTrainingPage.createRun(ITTrainingPage.unique("run"), agent, "fine_tuning", "still running", 100);
        Dashboard.logInAsAdmin(page);
        page.navigate("/training?agent_id=" + agent);
        assertThat(page.locator("#training-efficiency .state.empty")).containsText("No finished run of agent “" + agent + "”");
        assertThat(page.locator("#runs-table tbody tr")).hasCount(1);
    }

    @Test
    void the_transfer_block_shows_the_apis_savings_or_its_reason(Page page) {
        Dashboard.logInAsAdmin(page);
        for (String agent : new String[] {"support-bot", "code-assistant"}) {
            JsonNode t = Dashboard.server().get("/api/v1/model-versions/transfer?agent_id=" + agent);
            System.out.println("transfer of " + agent + ": " + t);
            if (Dashboard.server().get("/api/v1/model-versions?agent_id=" + agent).get("versions").isEmpty()) {
                continue; // the page only offers agents with versions
            }
            page.navigate("/models?agent=" + agent);
            assertThat(page.locator("#model-agent")).hasValue(agent);
            Locator block = page.locator("#model-transfer");
            assertThat(block.locator("[data-status]").first()).hasAttribute("data-status", t.get("status").asString());
            if (!t.get("status").asString().equals("measured")) {
                assertThat(block.locator(".state.empty")).containsText(t.get("reason").asString());
                continue;
            }
            Locator rows = block.locator("#transfer-table tbody tr");
            assertThat(rows).hasCount(t.get("versions").size());
            for (JsonNode v : t.get("versions")) {
                Locator row = block.locator("#transfer-table tbody tr[data-version='" + v.get("version_id").asString() + "']");
                for (String key : new String[] {"hours", "gpu_hours", "cost_usd", "time_saved_hours", "gpu_hours_saved",
                    "cost_saved_usd", "accuracy", "accuracy_gain"}) {
                    same(row.locator("[data-metric=" + key + "] [data-value]"), v.get(key));
                }
            }
            for (String key : new String[] {"mean_time_saved_hours", "mean_gpu_hours_saved", "mean_cost_saved_usd", "mean_accuracy_gain"}) {
                same(block.locator("[data-kpi=" + key + "] [data-value]"), t.get(key));
            }
        }
    }

    /** A transfer-learned version of a fresh agent against a from-scratch run: the measured branch. */
    @Test
    void a_transfer_learned_version_shows_what_it_saved_against_the_from_scratch_run(Page page) {
        String agent = ITTrainingPage.unique("e2e-tl-agent");
        String scratch = ITTrainingPage.createRun(ITTrainingPage.unique("scratch"), agent, "fine_tuning", "from scratch", 100);
        ITTrainingPage.logSteps(scratch, 1, 20, Instant.now().minusSeconds(3600));
        resources(scratch, 10, 30);
        ITTrainingPage.finish(scratch, "{\"status\": \"completed\"}");
        String transfer = ITTrainingPage.createRun(ITTrainingPage.unique("tl"), agent, "transfer_learning", "transfer", 100);
        ITTrainingPage.logSteps(transfer, 1, 20, Instant.now().minusSeconds(600));
        resources(transfer, 2, 6);
        ITTrainingPage.finish(transfer, "{\"status\": \"completed\"}");
        String base = ITTrainingPage.unique("v-base");
        String tl = ITTrainingPage.unique("v-tl");
        post("/api/v1/model-versions", "{\"id\": \"%s\", \"agent_id\": \"%s\", \"version_label\": \"1.0\", \"model_id\": \"m-%s\", \"run_id\": \"%s\"}"
                .formatted(base, agent, base, scratch));
        post("/api/v1/model-versions", "{\"id\": \"%s\", \"agent_id\": \"%s\", \"version_label\": \"2.0\", \"model_id\": \"m-%s\", \"run_id\": \"%s\"}"
                .formatted(tl, agent, tl, transfer));
        post("/api/v1/model-versions/" + base + "/evaluations", "{\"benchmark\": \"qa\", \"metrics\": {\"accuracy\": 0.70}}");
        post("/api/v1/model-versions/" + tl + "/evaluations", "{\"benchmark\": \"qa\", \"metrics\": {\"accuracy\": 0.78}}");
        JsonNode t = Dashboard.server().get("/api/v1/model-versions/transfer?agent_id=" + agent);
        System.out.println("transfer of " + agent + ": " + t);
        assertThat(t.get("status").asString()).as("%s", t).isEqualTo("measured");

        Dashboard.logInAsAdmin(page);
        page.navigate("/models?agent=" + agent);
        Locator block = page.locator("#model-transfer");
        Locator row = block.locator("#transfer-table tbody tr[data-version='" + tl + "']");
        JsonNode v = t.get("versions").get(0);
        for (String key : new String[] {"hours", "gpu_hours", "cost_usd", "time_saved_hours", "gpu_hours_saved", "cost_saved_usd",
            "accuracy", "accuracy_gain"}) {
            same(row.locator("[data-metric=" + key + "] [data-value]"), v.get(key));
        }
        assertThat(row.locator("[data-compared='" + base + "']")).hasAttribute("href", "/models/" + base);
        assertThat(block.locator("#transfer-baseline [data-baseline-run='" + scratch + "']")).hasAttribute("href", "/training/" + scratch);
        same(block.locator("[data-kpi=mean_gpu_hours_saved] [data-value]"), t.get("mean_gpu_hours_saved"));
    }

    /** PUT of a run's resources with the admin key (RealServer has no PUT). */
    private static void resources(String run, double gpuHours, double costUsd) {
        HttpRequest put = HttpRequest.newBuilder(Dashboard.server().base().resolve("/api/v1/training/runs/" + run + "/resources"))
                .header("Authorization", "Bearer " + RealServer.KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"gpu_hours\": %s, \"cost_usd\": %s}".formatted(gpuHours, costUsd))).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(put, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("PUT resources of %s: %s", run, answer.body()).isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void post(String path, String body) {
        var answer = Dashboard.server().post(path, body);
        assertThat(answer.status()).as("POST %s: %s", path, answer.body()).isBetween(200, 201);
    }

    private static void groups(Locator section, JsonNode comparison) {
        assertThat(section).hasAttribute("data-status", comparison.get("status").asString());
        if (!comparison.get("status").asString().equals("compared")) {
            assertThat(section).containsText(comparison.get("reason").asString());
            return;
        }
        Locator rows = section.locator("tbody tr");
        assertThat(rows).hasCount(comparison.get("groups").size());
        for (JsonNode g : comparison.get("groups")) {
            Locator row = section.locator("tbody tr[data-id='" + g.get("value").asString() + "']");
            String mark = g.get("best").asBoolean() ? "best" : g.get("wasted").asBoolean() ? "wasted" : "ok";
            assertThat(row.locator("[data-mark]")).hasAttribute("data-mark", mark);
            for (String key : new String[] {"gpu_hours", "improvement", "excess_gpu_hours", "excess_cost_usd"}) {
                same(row.locator("[data-col=" + key + "] [data-value]"), g.get(key));
            }
        }
    }

    /** The shown figure's raw value equals the API's number (or both are missing). */
    private static void same(Locator withValue, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            assertThat(withValue).hasAttribute("data-value", "");
        } else {
            assertThat(number(withValue)).as("%s", withValue).isCloseTo(expected.asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
