package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
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
 * The HPO pages over the demo's studies: the list and a study show the API's numbers (best score,
 * improvement, trials, importance), the trials table sorts, failed and pruned trials are marked,
 * "Suggest next trial" shows the API's suggestion (also for a viewer: suggesting stores nothing),
 * hostile names stay text, and another workspace's study is not found.
 */
@ExtendWith(Dashboard.class)
class ITHpoPage {
    private static final String HOSTILE = "<img src=x onerror=window.__xss=1>";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @BeforeAll
    static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    /** The id of the demo study with this method. */
    static String demoStudy(String method) {
        for (JsonNode s : Dashboard.server().get("/api/v1/hpo/studies").get("studies")) {
            if (s.get("method").asString().equals(method) && s.get("agent_id").asString().equals("support-bot")) {
                return s.get("id").asString();
            }
        }
        throw new AssertionError("the demo has no " + method + " study");
    }

    @Test
    void the_list_and_a_study_show_the_apis_numbers_and_the_trials_sort(Page page) {
        String id = demoStudy("bayesian");
        JsonNode study = Dashboard.server().get("/api/v1/hpo/studies/" + id);
        JsonNode trials = Dashboard.server().get("/api/v1/hpo/studies/" + id + "/trials").get("trials");
        JsonNode summary = study.get("summary");
        assertThat(summary.get("trials").asInt()).isEqualTo(30);
        Dashboard.logInAsAdmin(page);
        page.navigate("/hpo");
        Locator row = page.locator("#studies-table tbody tr[data-study=\"" + id + "\"]");
        assertThat(row.locator("[data-metric=trials]")).hasText(String.valueOf(summary.get("trials").asInt()));
        assertThat(number(row.locator("[data-metric=best]"))).isEqualTo(summary.get("best_trial").get("score").asDouble());
        assertThat(number(row.locator("[data-metric=improvement]"))).isEqualTo(summary.get("improvement").get("absolute").asDouble());
        assertThat(row.locator("[data-metric=improvement]")).hasClass(java.util.regex.Pattern.compile("good"));

        row.locator("a").click();
        assertThat(page).hasURL(Dashboard.server().url() + "/hpo/" + id);
        assertThat(page.locator("h1 .study-name")).hasText(study.get("name").asString());
        assertThat(number(page.locator("#best-score"))).isEqualTo(summary.get("best_trial").get("score").asDouble());
        assertThat(number(page.locator("#best-improvement [data-value]"))).isEqualTo(summary.get("improvement").get("absolute").asDouble());
        JsonNode bestHp = summary.get("best_trial").get("hyperparameters");
        assertThat(page.locator("#best-hyperparameters dd[data-param=eval_batch_size]"))
                .containsText(bestHp.get("eval_batch_size").asString());
        assertThat(page.locator("#trial-counts")).containsText(summary.get("failed").asInt() + " failed");

        // importance: the API's ranking, learning rate first
        JsonNode importance = study.get("importance").get("parameters");
        assertThat(importance.get(0).get("parameter").asString()).isEqualTo("learning_rate");
        Locator rows = page.locator("#importance-table tbody tr");
        assertThat(rows).hasCount(importance.size());
        for (int i = 0; i < importance.size(); i++) {
            assertThat(rows.nth(i)).hasAttribute("data-param", importance.get(i).get("parameter").asString());
            assertThat(number(rows.nth(i).locator("[data-value]"))).isEqualTo(importance.get(i).get("importance").asDouble());
        }
        assertThat(page.locator("#study-importance canvas")).isVisible();
        assertThat(page.locator("#study-progress canvas")).isVisible();
        assertThat(page.locator("#study-sensitivity .sensitivity")).hasCount(study.get("sensitivity").size());

        // trials: one row each, failed and pruned marked; sorting by the score puts the best first, then last
        Locator trialRows = page.locator("#trials-table tbody tr");
        assertThat(trialRows).hasCount(trials.size());
        assertThat(page.locator("#trials-table tbody tr.trial-failed")).hasCount(summary.get("failed").asInt());
        assertThat(page.locator("#trials-table tbody tr.trial-pruned")).hasCount(summary.get("pruned").asInt());
        assertThat(summary.get("failed").asInt() + summary.get("pruned").asInt()).as("the demo has failed or pruned trials").isPositive();
        Locator scoreHeader = page.locator("#trials-table th").filter(new Locator.FilterOptions().setHasText("validation_loss"));
        scoreHeader.locator("button").click();
        assertThat(scoreHeader).hasAttribute("aria-sort", "ascending");
        assertThat(trialRows.first()).hasAttribute("data-trial", summary.get("best_trial").get("number").asString());
        scoreHeader.locator("button").click();
        assertThat(scoreHeader).hasAttribute("aria-sort", "descending");
        assertThat(trialRows.first()).not().hasAttribute("data-trial", summary.get("best_trial").get("number").asString());
        assertThat(trialRows.last()).not().hasAttribute("data-status", "completed");

        // the suggestion is the API's (the same study with the same trials always answers the same)
        RealServer.Answer suggestion = Dashboard.server().post("/api/v1/hpo/studies/" + id + "/suggest", "");
        assertThat(suggestion.status()).isEqualTo(200);
        page.locator("#suggest").click();
        assertThat(page.locator("#suggestion-reason")).hasText(suggestion.body().get("reason").asString());
        assertThat(number(page.locator("#suggestion-ei"))).isEqualTo(suggestion.body().get("expected_improvement").asDouble());
        assertThat(number(page.locator("#suggestion-hyperparameters dd[data-param=learning_rate]")))
                .isEqualTo(suggestion.body().get("hyperparameters").get("learning_rate").asDouble());
        assertThat(Dashboard.server().get("/api/v1/hpo/studies/" + id).get("trial_count").asInt()).as("suggesting stores nothing").isEqualTo(30);
    }

    @Test
    void a_viewer_can_ask_for_the_next_grid_point(Page page) {
        String id = demoStudy("grid");
        String email = "viewer-hpo-" + unique() + "@e2e.sextant.test";
        assertThat(Dashboard.server().post("/api/v1/members",
                "{\"email\": \"" + email + "\", \"role\": \"viewer\", \"password\": \"viewer-password-1\"}").status()).isEqualTo(201);
        Dashboard.logIn(page, email, "viewer-password-1");
        page.navigate("/hpo/" + id);
        page.locator("#suggest").click();
        JsonNode suggestion = Dashboard.server().post("/api/v1/hpo/studies/" + id + "/suggest", "").body();
        assertThat(page.locator("#suggestion-reason")).hasText(suggestion.get("reason").asString());
        assertThat(page.locator("#suggestion-ei")).hasText("not modelled yet");
        assertThat(number(page.locator("#suggestion-hyperparameters dd[data-param=examples]")))
                .isEqualTo(suggestion.get("hyperparameters").get("examples").asDouble());
    }

    @Test
    void failing_trials_fail_their_own_blocks_only(Page page) {
        String id = demoStudy("grid");
        page.route(url -> url.endsWith("/api/v1/hpo/studies/" + id + "/trials"), route -> route.fulfill(
                new com.microsoft.playwright.Route.FulfillOptions().setStatus(500)
                        .setContentType("application/problem+json").setBody("{\"status\": 500, \"detail\": \"planted failure\"}")));
        Dashboard.logInAsAdmin(page);
        page.navigate("/hpo/" + id);
        for (String block : new String[] {"#study-progress", "#study-sensitivity", "#study-trials"}) {
            assertThat(page.locator(block + " .state.error")).containsText("HTTP 500: planted failure");
            assertThat(page.locator(block + " .state.error button")).hasText("Retry");
        }
        assertThat(page.locator("#best-score")).isVisible();
        assertThat(page.locator("#importance-table tbody tr")).hasCount(2);
        page.locator("#suggest").click();
        assertThat(page.locator("#suggestion-reason")).not().isEmpty();
    }

    @Test
    void hostile_names_stay_text(Page page) {
        String name = HOSTILE + " study " + unique();
        RealServer.Answer created = Dashboard.server().post("/api/v1/hpo/studies", """
                {"name": %s, "agent_id": %s, "method": "random",
                 "objective": {"metric": "loss", "direction": "minimize"},
                 "search_space": {"x": {"type": "categorical", "values": [%s, "plain"]}}}"""
                .formatted(json(name), json(HOSTILE), json(HOSTILE)));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(Dashboard.server().post("/api/v1/hpo/studies/" + id + "/trials",
                "{\"hyperparameters\": {\"x\": " + json(HOSTILE) + "}, \"score\": 1.5, \"run_id\": " + json(HOSTILE) + "}").status())
                .isEqualTo(201);
        Dashboard.logInAsAdmin(page);
        page.navigate("/hpo");
        Locator row = page.locator("#studies-table tbody tr[data-study=\"" + id + "\"]");
        assertThat(row.locator(".study-name")).hasText(name);
        page.navigate("/hpo/" + id);
        assertThat(page.locator("h1 .study-name")).hasText(name);
        assertThat(page.locator("#best-hyperparameters dd[data-param=x]")).hasText(HOSTILE);
        assertThat(page.locator("#trials-table tbody tr")).hasCount(1);
        assertThat(page.locator("#trials-table tbody tr").first()).containsText(HOSTILE);
        page.locator("#suggest").click();
        assertThat(page.locator("#suggestion-reason")).not().isEmpty();
        assertThat(page.locator("main img")).hasCount(0);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void another_workspaces_study_is_not_found(Page page) {
        String id = demoStudy("bayesian");
        FreshWorkspace fresh = FreshWorkspace.create("admin");
        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/hpo/" + id);
        assertThat(page.locator("#study-not-found")).containsText("Study not found in this workspace");
        assertThat(page.locator("#study-best")).hasCount(0);
        page.navigate("/hpo");
        assertThat(page.locator("#hpo-studies")).containsText("No studies yet");
    }

    static double number(Locator withValue) {
        assertThat(withValue).hasAttribute("data-value", java.util.regex.Pattern.compile("."));
        return Double.parseDouble(withValue.getAttribute("data-value"));
    }

    static String json(String s) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(s);
    }

    private static String unique() {
        return Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
    }
}
