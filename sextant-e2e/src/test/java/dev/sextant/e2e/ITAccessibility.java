package dev.sextant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page, loaded with the demo data, checked by axe-core against WCAG 2 A and AA in light and
 * dark schemes: no serious or critical violation (labels, names, contrast, landmarks, ARIA).
 * Charts are canvases with their numbers also in tables or tooltips; axe cannot look inside them.
 */
@ExtendWith(Dashboard.class)
class ITAccessibility {
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @ParameterizedTest
    @ValueSource(strings = {"/", "/interactions", "/topology", "/agents", "/costs", "/feedback", "/alerts", "/sessions",
        "/settings/keys", "/settings/members", "/settings/prices", "/settings/account", "/configurations", "/prompts", "/configurations/code-assistant?range=30d", "/prompts/support-reply?range=30d",
        "/experiments", "/personalization",
        "/hpo", "/models", "/models/support-bot-v2", "/models/support-bot-v1",
        "/datasets",
        "/training", "/training/sft-support-v4", "/training/sft-support-v4-b64", "/training/sft-support-v5",
        "/settings/masking", "/settings/audit", "/settings/retention",
        "/context?range=30d&agent=support-bot&min_confidence=0.05&min_support=0.005",
        "/predictions", "/predictions/tool_failure", "/predictions/task_duration",
        "/learnings", "/learnings/support-acknowledge-first", "/learnings/code-skip-tests-small-diffs"})
    void a_page_has_no_serious_accessibility_violation_in_light_or_dark(String path, Page page) {
        Dashboard.logInAsAdmin(page);
        for (String scheme : List.of("light", "dark")) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(
                    scheme.equals("dark") ? com.microsoft.playwright.options.ColorScheme.DARK : com.microsoft.playwright.options.ColorScheme.LIGHT));
            page.navigate(path);
            waitUntilLoaded(page);
            assertThat(page.locator("main#main .state.error").allInnerTexts()).as(path + ": blocks that failed to load").isEmpty();
            assertNoSeriousViolations(page, path + " (" + scheme + ")");
        }
    }

    @Test
    void a_configuration_page_with_versions_events_and_its_dialog_has_no_serious_violation(Page page) {
        String id = "e2e-a11y-" + Long.toString(System.nanoTime(), 36);
        ITConfigurationsPage.configuration(id, "e2e-a11y-agent", "Accessible", "{\"behaviour\": {\"temperature\": 0.2}}");
        ITConfigurationsPage.version(id, "{\"behaviour\": {\"temperature\": 0.4}}", 1, true);
        Dashboard.logInAsAdmin(page);
        for (String scheme : List.of("light", "dark")) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(
                    scheme.equals("dark") ? com.microsoft.playwright.options.ColorScheme.DARK : com.microsoft.playwright.options.ColorScheme.LIGHT));
            page.navigate("/configurations/" + id);
            waitUntilLoaded(page);
            page.waitForFunction("() => !document.querySelector('main#main .state.loading')");
            assertThat(page.locator("main#main .state.error").allInnerTexts()).as("blocks that failed to load").isEmpty();
            assertNoSeriousViolations(page, "/configurations/<id> (" + scheme + ")");
        }
        page.getByLabel("New version from v1").click();
        page.waitForSelector("dialog[open]");
        assertNoSeriousViolations(page, "/configurations/<id>, new version dialog");
    }

    @Test
    void a_prompt_template_page_with_its_render_preview_has_no_serious_violation(Page page) {
        String id = ITPromptsPage.template("e2e-a11y-" + Long.toString(System.nanoTime(), 36), "Accessible",
                "Hello {{name}}.", "[{\"name\": \"name\"}]");
        ITPromptsPage.version(id, "Hi {{name}}!", "[{\"name\": \"name\"}]");
        ITPromptsPage.uses(id, 2, 3);
        Dashboard.logInAsAdmin(page);
        for (String scheme : List.of("light", "dark")) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(
                    scheme.equals("dark") ? com.microsoft.playwright.options.ColorScheme.DARK : com.microsoft.playwright.options.ColorScheme.LIGHT));
            page.navigate("/prompts/" + id);
            waitUntilLoaded(page);
            page.waitForFunction("() => !document.querySelector('main#main .state.loading')");
            assertThat(page.locator("main#main .state.error").allInnerTexts()).as("blocks that failed to load").isEmpty();
            assertNoSeriousViolations(page, "/prompts/<id> (" + scheme + ")");
        }
        page.locator("#prompt-render form button[type=submit]").click();
        page.waitForSelector("#prompt-render .field-error");
        assertNoSeriousViolations(page, "/prompts/<id>, render errors");
    }

    @Test
    void an_hpo_study_page_with_its_suggestion_has_no_serious_violation(Page page) {
        String id = ITHpoPage.demoStudy("bayesian");
        Dashboard.logInAsAdmin(page);
        for (String scheme : List.of("light", "dark")) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(
                    scheme.equals("dark") ? com.microsoft.playwright.options.ColorScheme.DARK : com.microsoft.playwright.options.ColorScheme.LIGHT));
            page.navigate("/hpo/" + id);
            waitUntilLoaded(page);
            page.waitForFunction("() => !document.querySelector('main#main .state.loading')");
            assertThat(page.locator("main#main .state.error").allInnerTexts()).as("blocks that failed to load").isEmpty();
            page.locator("#suggest").click();
            page.waitForSelector("#suggestion-reason");
            assertNoSeriousViolations(page, "/hpo/<id> (" + scheme + ")");
        }
    }

    @Test
    void a_dataset_report_and_the_upload_dialog_have_no_serious_violation(Page page) {
        tools.jackson.databind.JsonNode datasets = Dashboard.server().get("/api/v1/datasets").get("datasets");
        String messy = datasets.valueStream().filter(d -> d.get("name").asString().equals("ticket-intents export (raw)"))
                .findFirst().orElseThrow().get("id").asString();
        Dashboard.logInAsAdmin(page);
        for (String scheme : List.of("light", "dark")) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(
                    scheme.equals("dark") ? com.microsoft.playwright.options.ColorScheme.DARK : com.microsoft.playwright.options.ColorScheme.LIGHT));
            page.navigate("/datasets/" + messy);
            page.waitForSelector("#dataset-malformed");
            waitUntilLoaded(page);
            assertThat(page.locator("main#main .state.error").allInnerTexts()).as("blocks that failed to load").isEmpty();
            assertNoSeriousViolations(page, "/datasets/<messy demo dataset> (" + scheme + ")");
        }
        page.navigate("/datasets");
        page.locator("#upload-dataset").click();
        page.waitForSelector("dialog[open]");
        assertNoSeriousViolations(page, "/datasets, upload dialog");
    }

    @Test
    void the_login_page_has_no_serious_accessibility_violation(Page page) {
        page.navigate("/login");
        page.waitForSelector("form.login-form");
        assertNoSeriousViolations(page, "/login");
    }

    static void waitUntilLoaded(Page page) {
        page.waitForFunction("() => { const m = document.querySelector('main#main');"
                + " return m && m.children.length > 0 && !m.querySelector('.state.loading'); }");
    }

    static void assertNoSeriousViolations(Page page, String where) {
        AxeResults results = new AxeBuilder(page).withTags(TAGS).analyze();
        List<Rule> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        assertThat(serious).as(() -> where + ":\n" + serious.stream().map(v -> v.getId() + " (" + v.getImpact() + "): "
                + v.getHelp() + "\n    " + v.getNodes().stream().limit(5).map(n -> String.join(" ", n.getTarget().toString())
                        + " — " + n.getFailureSummary()).collect(Collectors.joining("\n    "))).collect(Collectors.joining("\n"))).isEmpty();
    }
}
