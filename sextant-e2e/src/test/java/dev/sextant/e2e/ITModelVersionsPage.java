package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.sextant.e2e.ITHpoPage.json;
import static dev.sextant.e2e.ITHpoPage.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.sextant.testing.RealServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The model-version pages over the demo's support-bot versions: the timeline's numbers and parent
 * links as the API answers them, a version's evaluations, its comparison with its parent (the
 * assessment badge and reason, accuracy and reliability deltas) and its drift; a first version
 * has no parent to compare with; hostile text stays text; another workspace's version is not found.
 */
@ExtendWith(Dashboard.class)
class ITModelVersionsPage {
    private static final String HOSTILE = "<img src=x onerror=window.__xss=1>";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @BeforeAll
    static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Test
    void the_timeline_shows_the_apis_numbers_and_parent_links(Page page) {
        JsonNode timeline = Dashboard.server().get("/api/v1/model-versions/timeline?agent_id=support-bot");
        JsonNode versions = timeline.get("versions");
        assertThat(versions.size()).isEqualTo(3);
        Dashboard.logInAsAdmin(page);
        page.navigate("/models?agent=support-bot");
        assertThat(page.locator("#model-agent")).hasValue("support-bot");
        Locator rows = page.locator("#versions-table tbody tr");
        assertThat(rows).hasCount(3);
        for (int i = 0; i < versions.size(); i++) {
            JsonNode v = versions.get(i);
            Locator row = rows.nth(i);
            assertThat(row).hasAttribute("data-version", v.get("id").asString());
            assertThat(number(row.locator("[data-metric=primary_accuracy]"))).isEqualTo(v.get("primary_accuracy").asDouble());
            if (v.get("improvement").isNull()) {
                assertThat(row.locator("[data-metric=improvement]")).hasAttribute("data-value", "null");
            } else {
                assertThat(number(row.locator("[data-metric=improvement]"))).isEqualTo(v.get("improvement").asDouble());
                assertThat(number(row.locator("[data-metric=rolling_improvement]"))).isEqualTo(v.get("rolling_improvement").asDouble());
            }
            if (!v.get("parent_version_id").isNull()) {
                assertThat(row.locator("[data-parent]")).hasAttribute("href", "/models/" + v.get("parent_version_id").asString());
            }
        }
        assertThat(page.locator("#model-versions canvas")).isVisible();
        rows.nth(1).locator("[data-parent]").click();
        assertThat(page).hasURL(Dashboard.server().url() + "/models/" + versions.get(0).get("id").asString());
        assertThat(page.locator("#version-comparison")).containsText("no parent to compare with");
    }

    @Test
    void a_version_shows_its_evaluations_comparison_with_its_parent_and_drift(Page page) {
        for (String id : new String[] {"support-bot-v2", "support-bot-v3"}) {
            JsonNode comparison = Dashboard.server().get("/api/v1/model-versions/" + id + "/comparison");
            JsonNode evaluations = Dashboard.server().get("/api/v1/model-versions/" + id + "/evaluations").get("evaluations");
            JsonNode drift = Dashboard.server().get("/api/v1/model-versions/" + id + "/drift");
            System.out.println(id + " comparison: " + comparison.get("assessment") + " — " + comparison.get("reason"));
            if (page.url().equals("about:blank")) {
                Dashboard.logInAsAdmin(page);
            }
            page.navigate("/models/" + id);
            Locator assessment = page.locator("#assessment");
            assertThat(assessment).hasAttribute("data-assessment", comparison.get("assessment").asString());
            assertThat(assessment.locator(".badge")).hasAttribute("data-assessment", comparison.get("assessment").asString());
            assertThat(page.locator("#assessment-reason")).hasText(comparison.get("reason").asString());
            assertThat(number(page.locator("#accuracy-delta"))).isEqualTo(comparison.get("accuracy").get("primary_delta").asDouble());
            assertThat(page.locator("#accuracy-table tbody tr")).hasCount(comparison.get("accuracy").get("benchmarks").size());
            JsonNode reliability = comparison.get("reliability");
            if (reliability.get("tested").asBoolean()) {
                assertThat(number(page.locator("#reliability-difference"))).isEqualTo(reliability.get("difference").asDouble());
                assertThat(page.locator("#reliability-interval")).containsText("95% interval");
            }
            assertThat(page.locator("#reliability-reason")).hasText(reliability.get("reason").asString());
            assertThat(page.locator("#evaluations-table tbody tr")).hasCount(evaluations.size());
            assertThat(page.locator("#drift-success-trend"))
                    .hasAttribute("data-direction", drift.get("success_rate_trend").get("direction").asString());
            assertThat(page.locator("#version-drift canvas")).isVisible();
        }
        assertThat(Dashboard.server().get("/api/v1/model-versions/support-bot-v2/comparison").get("assessment").asString())
                .as("the demo's 2.0 improves on 1.0").isIn("improvement", "major_improvement");
        assertThat(Dashboard.server().get("/api/v1/model-versions/support-bot-v3/comparison").get("assessment").asString())
                .as("the demo's 2.1 is a regression or mixed").isIn("regression", "mixed_results");
    }

    @Test
    void a_failing_comparison_says_what_failed_the_other_blocks_load_and_retry_brings_it(Page page) {
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        page.route(url -> url.endsWith("/api/v1/model-versions/support-bot-v2/comparison"), route -> {
            if (failing.get()) {
                route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(503)
                        .setContentType("application/problem+json").setBody("{\"status\": 503, \"detail\": \"planted outage\"}"));
            } else {
                route.resume();
            }
        });
        Dashboard.logInAsAdmin(page);
        page.navigate("/models/support-bot-v2");
        Locator error = page.locator("#version-comparison .state.error");
        assertThat(error).containsText("GET /api/v1/model-versions/support-bot-v2/comparison");
        assertThat(error).containsText("HTTP 503: planted outage");
        assertThat(page.locator("#evaluations-table tbody tr")).hasCount(2);
        assertThat(page.locator("#version-drift canvas")).isVisible();
        failing.set(false);
        error.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Retry")).click();
        assertThat(page.locator("#assessment")).hasAttribute("data-assessment",
                Dashboard.server().get("/api/v1/model-versions/support-bot-v2/comparison").get("assessment").asString());
    }

    @Test
    void hostile_text_stays_text(Page page) {
        String agent = "e2e-mv-" + unique();
        String id = "e2e-mv-" + unique();
        RealServer.Answer created = Dashboard.server().post("/api/v1/model-versions", """
                {"id": %s, "agent_id": %s, "version_label": %s, "model_id": %s, "notes": %s, "tags": [%s]}"""
                .formatted(json(id), json(agent), json(HOSTILE), json(HOSTILE), json(HOSTILE), json(HOSTILE)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(Dashboard.server().post("/api/v1/model-versions/" + id + "/evaluations",
                "{\"benchmark\": " + json(HOSTILE) + ", \"metrics\": {\"accuracy\": 0.5}, \"dataset\": " + json(HOSTILE) + "}").status())
                .isEqualTo(201);
        Dashboard.logInAsAdmin(page);
        page.navigate("/models?agent=" + agent);
        assertThat(page.locator("#versions-table tbody tr")).hasCount(1);
        assertThat(page.locator("#versions-table .version-label")).hasText(HOSTILE);
        page.navigate("/models/" + id);
        assertThat(page.locator("h1 .version-label")).hasText(HOSTILE);
        assertThat(page.locator("#evaluations-table tbody tr")).hasCount(1);
        assertThat(page.locator("#evaluations-table tbody tr").first()).containsText(HOSTILE);
        assertThat(page.locator("#version-drift")).containsText("Not deployed");
        assertThat(page.locator("main img")).hasCount(0);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void another_workspaces_version_is_not_found(Page page) {
        FreshWorkspace fresh = FreshWorkspace.create("admin");
        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/models/support-bot-v2");
        assertThat(page.locator("#version-not-found")).containsText("Model version not found in this workspace");
        assertThat(page.locator("#version-comparison")).hasCount(0);
        page.navigate("/models?agent=support-bot");
        assertThat(page.locator("#model-versions")).containsText("No model versions yet");
    }

    private static String unique() {
        return Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
    }
}
