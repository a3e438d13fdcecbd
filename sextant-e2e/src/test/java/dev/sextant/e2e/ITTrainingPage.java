package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.sextant.testing.RealServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The training pages: the list's filters live in the URL; a run's charts and quality cards show
 * the API's numbers (the demo's overfitting run, with its marks placed at the steps the exact
 * endpoint gives); a running run's progress moves when the test logs metrics through the API and
 * the page turns into the finished run; a failed run shows its error; hostile names stay text; a
 * viewer reads the same pages; another workspace's run is not found. Runs the tests create have
 * unique ids and agents.
 */
@ExtendWith(Dashboard.class)
class ITTrainingPage {
    private static final String HOSTILE = "<img src=x onerror=window.__xss=1>";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @BeforeAll
    static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Test
    void the_list_filters_by_agent_status_and_type_in_the_url(Page page) {
        String agent = unique("e2e-train-agent");
        String running = createRun(unique("run"), agent, "fine_tuning", "running one", 1000);
        String fewShot = createRun(unique("run"), agent, "few_shot", "few shot one", 100);
        logSteps(fewShot, 1, 20, Instant.now().minusSeconds(60));
        finish(fewShot, "{\"status\": \"completed\"}");
        String failed = createRun(unique("run"), agent, "fine_tuning", "failed one", 100);
        finish(failed, "{\"status\": \"failed\", \"error\": {\"type\": \"OOM\", \"message\": \"out of memory\"}}");

        Dashboard.logInAsAdmin(page);
        page.navigate("/training?agent_id=" + agent);
        Locator rows = page.locator("#runs-table tbody tr");
        assertThat(rows).hasCount(3);
        assertThat(rows.first()).hasAttribute("data-id", failed); // newest first

        page.getByLabel("Status").selectOption("failed");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page).hasURL(Pattern.compile("/training\\?agent_id=" + agent + "&status=failed$"));
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-id", failed);
        assertThat(rows.first().locator(".badge[data-status=failed]")).isVisible();

        page.navigate("/training?agent_id=" + agent + "&training_type=few_shot");
        assertThat(page.getByLabel("Type")).hasValue("few_shot");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-id", fewShot);
        assertThat(rows.first().locator("[data-col=steps]")).hasText("20 / 100");
        JsonNode best = Dashboard.server().get("/api/v1/training/runs/" + fewShot + "/metrics?name=val_loss&downsample=1");
        assertThat(rows.first().locator("[data-col=best] span")).hasAttribute("data-value",
                best.get("series").get(0).get("buckets").get(0).get("min").asString());

        page.navigate("/training?agent_id=" + agent + "&status=running");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).hasAttribute("data-id", running);
        assertThat(rows.first().locator("[role=progressbar]")).isVisible();
        // live: metrics logged to the running run move its steps without a reload
        logSteps(running, 1, 40, Instant.now().minusSeconds(100));
        assertThat(rows.first().locator("[data-col=steps]")).containsText("40 / 1,000");

        // the headers sort: by type, ascending then descending
        page.navigate("/training?agent_id=" + agent);
        Locator type = page.locator("#runs-table th", new Page.LocatorOptions().setHasText("Type"));
        type.locator("button").click();
        assertThat(type).hasAttribute("aria-sort", "ascending");
        assertThat(rows.first()).hasAttribute("data-id", fewShot);
        type.locator("button").press("Enter");
        assertThat(type).hasAttribute("aria-sort", "descending");
        assertThat(rows.last()).hasAttribute("data-id", fewShot);

        // the demo's runs without a filter, and a row opens its run
        page.navigate("/training");
        assertThat(page.locator("#runs-table tbody tr[data-id=sft-support-v3]")).hasCount(1);
        page.locator("#runs-table tbody tr[data-id=sft-support-v3] a").click();
        assertThat(page).hasURL(Dashboard.server().url() + "/training/sft-support-v3");
        assertThat(page.locator("#run-title .badge[data-status=completed]")).isVisible();
    }

    @Test
    void a_runs_charts_and_quality_cards_show_the_apis_numbers(Page page) {
        String id = "sft-support-v4"; // the demo's run that overfits
        JsonNode run = Dashboard.server().get("/api/v1/training/runs/" + id);
        JsonNode quality = run.get("quality");
        JsonNode valLoss = Dashboard.server().get("/api/v1/training/runs/" + id + "/metrics?name=val_loss&exact=true&limit=10000");
        assertThat(quality.get("overfitting").get("overfitting").asBoolean()).as("the demo's overfitting run: %s", quality).isTrue();
        long onsetStep = valLoss.get("points").get(quality.get("overfitting").get("onset_index").asInt()).get("step").asLong();

        Dashboard.logInAsAdmin(page);
        page.navigate("/training/" + id);
        Locator chart = page.locator("#loss-chart");
        assertThat(chart.locator("canvas")).isVisible();
        assertThat(chart).hasAttribute("data-best-step", quality.get("summary").get("best_step").asString());
        assertThat(chart).hasAttribute("data-best-loss", quality.get("summary").get("best_validation_loss").asString());
        assertThat(chart).hasAttribute("data-onset-step", Long.toString(onsetStep));
        JsonNode stop = quality.get("early_stopping").get("stop_index");
        assertThat(chart).hasAttribute("data-stop-step", stop.isNull() ? ""
                : valLoss.get("points").get(stop.asInt()).get("step").asString());
        JsonNode prediction = run.get("prediction");
        assertThat(chart).hasAttribute("data-predicted", prediction.get("predicted_final_loss").isNull() ? ""
                : prediction.get("predicted_final_loss").asString());
        assertThat(chart).hasAttribute("data-target-step", prediction.get("predicted_final_loss").isNull() ? ""
                : prediction.get("target_step").asString());
        assertThat(page.locator("#loss-marks [data-mark=onset]")).hasText(
                "Overfitting from step " + onsetStep + ": validation loss rises while training loss falls");

        JsonNode downsampled = Dashboard.server().get("/api/v1/training/runs/" + id + "/metrics?downsample=1000");
        assertThat(chart).hasAttribute("data-train-points", Integer.toString(buckets(downsampled, "train_loss")));
        assertThat(page.locator("#lr-chart")).hasAttribute("data-points", Integer.toString(buckets(downsampled, "learning_rate")));
        assertThat(page.locator("#grad-chart")).hasAttribute("data-points", Integer.toString(buckets(downsampled, "grad_norm")));
        assertThat(page.locator("#custom-metric option")).hasText(new String[] {"eval_accuracy", "tokens_per_second"});
        page.locator("#custom-metric").selectOption("tokens_per_second");
        assertThat(page.locator("#custom-chart")).hasAttribute("data-metric", "tokens_per_second");
        assertThat(page).hasURL(Pattern.compile("metric=tokens_per_second"));

        assertThat(page.locator("#quality .quality-card")).hasCount(5);
        assertThat(page.locator("#quality-overfitting")).hasAttribute("data-verdict", "overfitting");
        assertThat(page.locator("#quality-overfitting .verdict-text")).containsText("from step " + String.format("%,d", onsetStep));
        assertThat(page.locator("#quality-early-stopping")).hasAttribute("data-verdict",
                quality.get("early_stopping").get("should_have_stopped").asBoolean() ? "should_have_stopped"
                        : quality.get("early_stopping").get("stopped_early").asBoolean() ? "stopped_early" : "not_needed");
        assertThat(page.locator("#quality-convergence")).hasAttribute("data-verdict",
                quality.get("convergence").get("diverging").asBoolean() ? "diverging"
                        : quality.get("convergence").get("converged").asBoolean() ? "converged" : "improving");
        assertThat(page.locator("#quality-overtraining")).hasAttribute("data-verdict",
                quality.get("overtraining").get("overtrained").asBoolean() ? "overtrained" : "none");
        assertThat(page.locator("[data-kpi=status] .badge")).hasAttribute("data-status", quality.get("summary").get("status").asString());
        assertThat(page.locator("#hyperparameters")).containsText("learning_rate");
        assertThat(page.locator("#dataset")).containsText("support-escalations");
        assertThat(page.locator("#resources")).containsText(
                new java.text.DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US))
                        .format(run.get("resources").get("gpu_hours").asDouble()) + " h");

        // the exact points, paged through the exact endpoint
        page.locator("#exact-metric").selectOption("val_loss");
        Locator exactRows = page.locator("#exact-table tbody tr");
        assertThat(exactRows).hasCount(Math.min(100, valLoss.get("points").size()));
        assertThat(exactRows.first().locator("td").first()).hasText(String.format("%,d", valLoss.get("points").get(0).get("step").asLong()));
        if (valLoss.get("points").size() > 100) {
            page.locator("#exact-next").click();
            assertThat(page.locator("#exact-page")).containsText("page 2");
            assertThat(exactRows.first().locator("td").first()).hasText(String.format("%,d", valLoss.get("points").get(100).get("step").asLong()));
        }
    }

    @Test
    void a_running_runs_progress_updates_live_when_metrics_are_logged_and_the_page_follows_it_to_its_end(Page page) {
        String id = createRun(unique("run-live"), unique("e2e-train-live"), "fine_tuning", "live run", 1000);
        Instant start = Instant.now().minusSeconds(600);
        logSteps(id, 1, 100, start);
        Dashboard.logInAsAdmin(page);
        page.navigate("/training/" + id);
        assertThat(page.locator("#progress-steps")).hasText("Step 100 of 1,000 (10.0%)");
        assertThat(page.locator("#progress-eta")).containsText("ETA");

        logSteps(id, 101, 300, start);
        assertThat(page.locator("#progress-steps")).hasText("Step 300 of 1,000 (30.0%)");
        JsonNode progress = Dashboard.server().get("/api/v1/training/runs/" + id + "/progress");
        assertThat(page.locator("#run-progress .progress-body")).hasAttribute("data-predicted",
                progress.get("predicted_final_loss").isNull() ? "" : progress.get("predicted_final_loss").asString());
        // the charts follow too (at most every 5 s)
        assertThat(page.locator("#loss-chart")).hasAttribute("data-train-points", "300");

        finish(id, "{\"status\": \"completed\"}");
        assertThat(page.locator("#run-title .badge[data-status=completed]")).isVisible();
        assertThat(page.locator("#run-progress")).hasCount(0);
    }

    @Test
    void a_failed_run_shows_its_error_and_hostile_text_stays_text(Page page) {
        String agent = unique("e2e-train-fail");
        String id = createRun(unique("run-fail"), agent, "transfer_learning", HOSTILE + " failing", 500);
        logSteps(id, 1, 50, Instant.now().minusSeconds(300));
        finish(id, """
                {"status": "failed", "error": {"type": "torch.cuda.OutOfMemoryError",
                 "message": "CUDA out of memory <b>bold</b>", "traceback": "Traceback (most recent call last):\\n  File \\"train.py\\""}}""");
        Dashboard.logInAsAdmin(page);
        page.navigate("/training/" + id);
        assertThat(page.locator("#run-title .run-title")).hasText(HOSTILE + " failing");
        Locator error = page.locator("#run-error");
        assertThat(error.locator(".error-type")).hasText("torch.cuda.OutOfMemoryError");
        assertThat(error.locator(".error-message")).hasText("CUDA out of memory <b>bold</b>");
        error.getByText("Traceback", new Locator.GetByTextOptions().setExact(true)).click();
        assertThat(error.locator("pre.traceback")).containsText("File \"train.py\"");
        assertThat(page.locator("main img")).hasCount(0);
        assertThat(page.locator("main b")).hasCount(0);

        page.navigate("/training?agent_id=" + agent);
        assertThat(page.locator("#runs-table tbody tr .run-title")).hasText(HOSTILE + " failing");
        assertThat(page.locator("main img")).hasCount(0);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void a_viewer_reads_the_runs_and_gets_no_write_control(Page page) {
        String id = createRun(unique("run-view"), unique("e2e-train-view"), "reinforcement", "viewed run", 100);
        logSteps(id, 1, 30, Instant.now().minusSeconds(100));
        String email = "viewer-" + unique("t") + "@e2e.sextant.test";
        RealServer.Answer member = Dashboard.server().post("/api/v1/members",
                "{\"email\": \"" + email + "\", \"role\": \"viewer\", \"password\": \"viewer-password-1\"}");
        assertThat(member.status()).isEqualTo(201);
        Dashboard.logIn(page, email, "viewer-password-1");
        page.navigate("/training");
        assertThat(page.locator("#runs-table tbody tr[data-id=\"" + id + "\"]")).hasCount(1);
        page.navigate("/training/" + id);
        assertThat(page.locator("#progress-steps")).hasText("Step 30 of 100 (30.0%)");
        assertThat(page.locator("#exact-table")).isVisible();
        // only reading controls: the exact points' pager
        assertThat(page.locator("main button:not([id^=exact-])")).hasCount(0);
    }

    @Test
    void another_workspaces_run_is_not_found(Page page) {
        FreshWorkspace fresh = FreshWorkspace.create("admin");
        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/training/sft-support-v3");
        assertThat(page.locator("#run-not-found")).containsText("Training run not found in this workspace");
        assertThat(page.locator("#loss-chart")).hasCount(0);
        page.navigate("/training");
        assertThat(page.locator("#training-empty")).containsText("No training runs yet.");
        assertThat(page.locator("#training-runs")).not().containsText("sft-support");
    }

    // ---- data through the API ----------------------------------------------------------------

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
    }

    private static int buckets(JsonNode downsampled, String name) {
        for (JsonNode s : downsampled.get("series")) {
            if (s.get("name").asString().equals(name)) {
                int n = 0;
                for (JsonNode b : s.get("buckets")) {
                    if (!b.get("mean").isNull()) {
                        n++;
                    }
                }
                return n;
            }
        }
        return 0;
    }

    static String createRun(String id, String agent, String type, String name, long totalSteps) {
        RealServer.Answer created = Dashboard.server().post("/api/v1/training/runs", """
                {"id": "%s", "agent_id": "%s", "training_type": "%s", "name": %s, "total_steps": %d,
                 "hyperparameters": {"learning_rate": 0.0001, "batch_size": 8}}"""
                .formatted(id, agent, type, json(name), totalSteps));
        assertThat(created.status()).as("creating run %s: %s", id, created.body()).isEqualTo(201);
        return id;
    }

    /** Steps from..to, one a second from {@code start}: a falling train_loss every step, val_loss every 10. */
    static void logSteps(String id, int from, int to, Instant start) {
        List<String> points = new ArrayList<>();
        for (int step = from; step <= to; step++) {
            double train = 0.5 + 2.0 / Math.sqrt(step);
            String metrics = "\"train_loss\": " + train + ", \"learning_rate\": 0.0001, \"grad_norm\": " + (1 + 1.0 / step)
                    + (step % 10 == 0 ? ", \"val_loss\": " + (train + 0.1) : "");
            points.add("{\"step\": %d, \"epoch\": %s, \"timestamp\": \"%s\", \"metrics\": {%s}}".formatted(step, step / 100.0,
                    start.plusSeconds(step), metrics));
        }
        RealServer.Answer logged = Dashboard.server().post("/api/v1/training/runs/" + id + "/metrics",
                "{\"points\": [" + String.join(",", points) + "]}");
        assertThat(logged.status()).as("logging to %s: %s", id, logged.body()).isEqualTo(200);
    }

    static void finish(String id, String body) {
        RealServer.Answer finished = Dashboard.server().post("/api/v1/training/runs/" + id + "/finish", body);
        assertThat(finished.status()).as("finishing %s: %s", id, finished.body()).isEqualTo(200);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
