package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import dev.sextant.testing.RealServer;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The experiment pages: an experiment created through the dialog (refused first, with the API's
 * errors under the variant fields), started, and its results shown as the API computes them for
 * a planted winner; the power calculator gives the API's numbers; a viewer gets no write control;
 * hostile names stay text; another workspace's experiment is not found; axe-core finds nothing
 * serious on an experiment's page. Every test creates its own experiments with unique ids.
 */
@ExtendWith(Dashboard.class)
class ITExperimentsPage {
    private static final String HOSTILE = "<img src=x onerror=window.__xss=1>";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @BeforeAll
    static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Test
    void an_experiment_is_refused_with_inline_errors_then_created_started_and_its_results_shown(Page page) {
        String id = unique("e2e-exp");
        String control = configurationVersion("control");
        String treatment = configurationVersion("treatment");
        String name = HOSTILE + " " + id;
        Dashboard.logInAsAdmin(page);
        page.navigate("/experiments");
        page.locator("#new-experiment").click();
        Locator dialog = page.locator("dialog.modal");
        dialog.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(name);
        dialog.getByLabel("Id", new Locator.GetByLabelOptions().setExact(true)).fill(id);
        dialog.getByLabel("Agent", new Locator.GetByLabelOptions().setExact(true)).fill("e2e-exp-bot");
        dialog.getByLabel("Variant 1 configuration version").fill(control);
        dialog.getByLabel("Variant 2 configuration version").fill(treatment);
        dialog.getByLabel("Minimum sample size").fill("100");
        dialog.getByLabel("Minimum detectable effect (MDE)").fill("0.1");
        dialog.getByLabel("Baseline", new Locator.GetByLabelOptions().setExact(true)).fill("0.5");

        // the allocations do not sum to 100: the hint says so while typing, the API refuses under the variants
        dialog.getByLabel("Variant 1 allocation").fill("60");
        dialog.getByLabel("Variant 2 allocation").fill("30");
        assertThat(dialog.locator("#allocation-sum")).hasText("Allocations sum to 90 (they must sum to 100).");
        create(dialog);
        assertThat(dialog.locator("[data-field=\"variants\"] > .field-error"))
                .hasText("the allocations must sum to 100, they sum to 90");
        assertThat(dialog).isVisible();
        assertThat(Dashboard.server().fetch("/api/v1/experiments/" + id).status()).isEqualTo(404);

        // a third variant added and removed again; then a wrong type in one allocation: its error sits under that input
        dialog.locator("#add-variant").click();
        assertThat(dialog.getByLabel("Variant 3 allocation")).isVisible();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove variant 3")).click();
        assertThat(dialog.getByLabel("Variant 3 allocation")).hasCount(0);
        dialog.getByLabel("Variant 1 allocation").fill("50");
        dialog.getByLabel("Variant 2 allocation").fill("half");
        create(dialog);
        Locator allocationError = dialog.locator("[data-field=\"variants[1].allocation\"] .field-error");
        assertThat(allocationError).hasCount(1);
        assertThat(dialog.getByLabel("Variant 2 allocation")).hasAttribute("aria-invalid", "true");
        assertThat(Dashboard.server().fetch("/api/v1/experiments/" + id).status()).isEqualTo(404);

        dialog.getByLabel("Variant 2 allocation").fill("50");
        assertThat(dialog.locator("#allocation-sum")).hasText("Allocations sum to 100.");
        create(dialog);
        assertThat(dialog).hasCount(0);
        assertThat(page).hasURL(Dashboard.server().url() + "/experiments/" + id);
        assertThat(page.locator("h1 .experiment-name")).hasText(name);
        assertThat(page.locator("main img")).hasCount(0);
        assertThat(page.locator("#experiment-results")).containsText("start the experiment to see results");
        JsonNode draft = Dashboard.server().get("/api/v1/experiments/" + id);
        assertThat(draft.get("status").asString()).isEqualTo("draft");
        assertThat(draft.get("variants").get(1).get("configuration_version").asString()).isEqualTo(treatment);
        assertThat(page.locator("#required-per-variant"))
                .hasText(NumberFormat.getIntegerInstance(Locale.US).format(draft.get("required_sample_size").get("per_variant").asLong()));

        page.locator("#experiment-start").click();
        page.locator("dialog.modal").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start")).click();
        assertThat(page.locator("h1 .badge[data-status=running]")).isVisible();
        assertThat(page.locator("#experiment-edit")).hasCount(0);
        assertThat(page.locator("#experiment-stop")).isVisible();
        JsonNode running = Dashboard.server().get("/api/v1/experiments/" + id);
        assertThat(running.get("status").asString()).isEqualTo("running");

        // the list shows it, the hostile name as text
        page.navigate("/experiments");
        Locator row = page.locator("#experiments tbody tr").filter(new Locator.FilterOptions().setHasText(id));
        assertThat(row).hasCount(1);
        assertThat(row.locator(".experiment-name")).hasText(name);
        assertThat(row.locator(".badge")).hasText("running");
        assertThat(row.locator("img")).hasCount(0);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);

        // results of a planted winner: the treatment succeeds far more often
        plantWinner(id, running.get("started_at").asString(), control, treatment);
        JsonNode results = Dashboard.server().get("/api/v1/experiments/" + id + "/results");
        assertThat(results.get("verdict").get("kind").asString()).as("verdict of the planted data: %s", results.get("verdict")).isEqualTo("winner");
        assertThat(results.get("verdict").get("winner").asString()).isEqualTo("treatment");
        page.navigate("/experiments/" + id);
        Locator verdict = page.locator("#verdict");
        assertThat(verdict).hasAttribute("data-kind", results.get("verdict").get("kind").asString());
        assertThat(verdict.locator("#recommendation")).hasText(results.get("verdict").get("recommendation").asString());
        assertThat(page.locator("#results-variants tbody tr")).hasCount(2);
        assertThat(page.locator("#results-variants tbody tr").nth(1).locator("[data-units]"))
                .hasAttribute("data-units", results.get("variants").get(1).get("units").asString());
        assertThat(page.locator("#comparisons .comparison")).hasCount(results.get("comparisons").size());
        assertThat(page.locator("#comparisons .comparison[data-metric=success_rate] .interval-chart canvas")).isVisible();
        assertThat(page.locator("#srm-warning")).hasCount(results.get("sample_ratio").get("mismatch").asBoolean() ? 1 : 0);
        assertThat(page.locator("#sample-progress .progress-row")).hasCount(2);
    }

    @Test
    void the_power_calculator_gives_the_apis_numbers_and_shows_its_errors_under_the_fields(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/experiments");
        Locator form = page.locator("#power-form");
        form.getByLabel("Baseline rate").fill("0.1");
        form.getByLabel("Minimum detectable effect").fill("0.02");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Calculate")).click();
        JsonNode absolute = Dashboard.server().get("/api/v1/experiments/power?baseline=0.1&mde=0.02");
        assertThat(page.locator("#power-per-variant")).hasText(integer(absolute.get("per_variant").asLong()));
        assertThat(page.locator("#power-total")).hasText(integer(absolute.get("total").asLong()));

        form.getByLabel("Effect is").selectOption("relative");
        form.getByLabel("Minimum detectable effect").fill("0.2");
        form.getByLabel("Variants").fill("3");
        form.getByLabel("Power").fill("0.9");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Calculate")).click();
        JsonNode relative = Dashboard.server().get("/api/v1/experiments/power?baseline=0.1&mde=0.2&kind=relative&variants=3&power=0.9&alpha=0.05");
        assertThat(page.locator("#power-per-variant")).hasText(integer(relative.get("per_variant").asLong()));
        assertThat(page.locator("#power-total")).hasText(integer(relative.get("total").asLong()));

        form.getByLabel("Baseline rate").fill("1.5");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Calculate")).click();
        RealServer.Answer refused = Dashboard.server().fetch("/api/v1/experiments/power?baseline=1.5&mde=0.2&kind=relative&variants=3&power=0.9");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(form.locator("[data-field=baseline] .field-error")).hasText(refused.body().get("errors").get(0).get("message").asString());
        assertThat(form.getByLabel("Baseline rate")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#power-per-variant")).hasCount(0);
    }

    @Test
    void a_viewer_sees_experiments_but_no_control_to_change_them(Page page) {
        String id = createExperiment(false);
        String email = "viewer-" + unique("x") + "@e2e.sextant.test";
        RealServer.Answer member = Dashboard.server().post("/api/v1/members",
                "{\"email\": \"" + email + "\", \"role\": \"viewer\", \"password\": \"viewer-password-1\"}");
        assertThat(member.status()).isEqualTo(201);
        Dashboard.logIn(page, email, "viewer-password-1");
        page.navigate("/experiments");
        assertThat(page.locator("#experiments tbody tr").filter(new Locator.FilterOptions().setHasText(id))).hasCount(1);
        assertThat(page.locator("#read-only-note")).isVisible();
        assertThat(page.locator("#new-experiment")).hasCount(0);
        page.navigate("/experiments/" + id);
        assertThat(page.locator("#experiment-definition")).containsText(id);
        for (String button : List.of("#experiment-edit", "#experiment-start", "#experiment-delete", "#experiment-stop", "#experiment-conclude")) {
            assertThat(page.locator(button)).hasCount(0);
        }
        assertThat(page.locator("#experiment-results")).containsText("start the experiment to see results");
    }

    @Test
    void a_draft_is_edited_and_deleted_by_a_writer(Page page) {
        String id = createExperiment(false);
        Dashboard.logInAsAdmin(page);
        page.navigate("/experiments/" + id);
        page.locator("#experiment-edit").click();
        Locator dialog = page.locator("dialog.modal");
        assertThat(dialog.getByLabel("Id", new Locator.GetByLabelOptions().setExact(true))).hasValue(id);
        dialog.getByLabel("Variant 1 allocation").fill("30");
        dialog.getByLabel("Variant 2 allocation").fill("70");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(dialog).hasCount(0);
        assertThat(page.locator("#experiment-definition tbody tr").nth(1)).containsText("70%");
        assertThat(Dashboard.server().get("/api/v1/experiments/" + id).get("variants").get(1).get("allocation").asInt()).isEqualTo(70);

        page.locator("#experiment-delete").click();
        page.locator("dialog.modal").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(page).hasURL(Dashboard.server().url() + "/experiments");
        assertThat(Dashboard.server().fetch("/api/v1/experiments/" + id).status()).isEqualTo(404);
    }

    @Test
    void another_workspaces_experiment_is_not_found(Page page) {
        String id = createExperiment(true);
        FreshWorkspace fresh = FreshWorkspace.create("admin");
        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/experiments/" + id);
        assertThat(page.locator("#experiment-not-found")).containsText("Experiment not found in this workspace");
        assertThat(page.locator("#experiment-definition")).hasCount(0);
        page.navigate("/experiments");
        assertThat(page.locator("#experiments")).containsText("No experiments yet");
        assertThat(page.locator("#experiments")).not().containsText(id);
    }

    @Test
    void an_experiments_page_has_no_serious_accessibility_violation_in_light_or_dark(Page page) {
        String draft = createExperiment(false);
        String running = createExperiment(true);
        Dashboard.logInAsAdmin(page);
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            for (String id : List.of(draft, running)) {
                page.navigate("/experiments/" + id);
                assertThat(page.locator("#experiment-definition")).isVisible();
                ITAccessibility.waitUntilLoaded(page);
                page.waitForFunction("() => !document.querySelector('main#main .state.loading')");
                ITAccessibility.assertNoSeriousViolations(page, "/experiments/" + id + " (" + scheme + ")");
            }
            page.navigate("/experiments");
            page.locator("#new-experiment").click();
            assertThat(page.locator("dialog.modal")).isVisible();
            ITAccessibility.assertNoSeriousViolations(page, "the new experiment dialog (" + scheme + ")");
        }
    }

    @Test
    void the_results_put_the_verdict_first_warn_of_a_sample_ratio_mismatch_and_mark_a_violated_guardrail(Page page) {
        String id = createExperiment(true);
        page.route(url -> url.endsWith("/api/v1/experiments/" + id + "/results"), route -> route.fulfill(
                new com.microsoft.playwright.Route.FulfillOptions().setStatus(200).setContentType("application/json")
                        .setBody(documentedResults(id))));
        Dashboard.logInAsAdmin(page);
        page.navigate("/experiments/" + id);
        Locator verdict = page.locator("#verdict");
        assertThat(verdict).hasAttribute("data-kind", "winner");
        assertThat(verdict.locator("#recommendation")).hasText(RECOMMENDATION);
        assertThat(page.locator("#srm-warning")).containsText("Sample ratio mismatch");
        assertThat(page.locator("#srm-warning")).containsText("p = 0.0004 < 0.001");
        assertThat(page.locator("[data-note=units_without_id]")).hasText("Without a unit id (left out): 1");
        assertThat(page.locator("#sample-progress .progress-row").nth(1)).containsText("80 of 100 (80%)");

        Locator primary = page.locator(".comparison[data-metric=success_rate]");
        assertThat(primary.locator(".badge")).hasText("significant");
        assertThat(primary.locator(".difference")).hasText("+30.00 pp (+60.0%)");
        assertThat(primary.locator(".p-corrected")).hasText("4.6e-5 (holm)");
        assertThat(primary.locator(".interval-chart canvas")).isVisible();
        assertThat(primary.locator(".interval-chart")).hasAttribute("aria-label",
                "success rate, treatment minus control: +30.00 pp, always-valid interval +12.00 pp to +48.00 pp; zero is no difference");
        Locator guardrail = page.locator(".comparison[data-metric=response_time]");
        assertThat(guardrail.locator(".badge")).hasText("guardrail violated");
        assertThat(guardrail.locator(".p-corrected")).hasText("not corrected (guardrail)");
        guardrail.getByText("Fixed-horizon test, effect size and CUPED").click();
        assertThat(guardrail.locator(".cuped")).hasText("not applied: too few units with a pre-period value");

        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            ITAccessibility.assertNoSeriousViolations(page, "results of " + id + " (" + scheme + ")");
        }
    }

    @Test
    void failing_results_say_what_failed_and_retry_while_the_definition_stays(Page page) {
        String id = createExperiment(true);
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        page.route(url -> url.endsWith("/api/v1/experiments/" + id + "/results"), route -> route.fulfill(failing.get()
                ? new com.microsoft.playwright.Route.FulfillOptions().setStatus(503).setContentType("application/problem+json")
                        .setBody("{\"type\":\"urn:sextant:problem:unavailable\",\"title\":\"Unavailable\",\"status\":503,"
                                + "\"detail\":\"the database failed; nothing was changed, retry\"}")
                : new com.microsoft.playwright.Route.FulfillOptions().setStatus(200).setContentType("application/json")
                        .setBody(documentedResults(id))));
        Dashboard.logInAsAdmin(page);
        page.navigate("/experiments/" + id);
        Locator error = page.locator("#experiment-results .state.error");
        assertThat(error).containsText("Could not load: GET /api/v1/experiments/" + id + "/results");
        assertThat(error).containsText("HTTP 503: the database failed; nothing was changed, retry");
        assertThat(page.locator("#experiment-definition")).containsText(id);

        failing.set(false);
        error.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();
        assertThat(page.locator("#verdict")).hasAttribute("data-kind", "winner");
        assertThat(error).hasCount(0);
    }

    @Test
    void a_running_experiment_is_concluded_after_a_confirmation_with_the_chosen_winner_and_a_note(Page page) {
        String id = createExperiment(true);
        Dashboard.logInAsAdmin(page);
        page.navigate("/experiments/" + id);
        page.locator("#experiment-conclude").click();
        Locator dialog = page.locator("dialog.modal");
        assertThat(dialog.locator("#conclude-verdict")).containsText("The results say:");
        dialog.getByLabel("Winner").selectOption("treatment");
        dialog.getByLabel("Note").fill("<b>shipped</b> after review");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Conclude")).click();
        assertThat(dialog).hasCount(0);
        assertThat(page.locator("h1 .badge[data-status=concluded]")).isVisible();
        assertThat(page.locator("#experiment-conclusion")).containsText("Winner: treatment");
        assertThat(page.locator("#experiment-conclusion")).containsText("<b>shipped</b> after review");
        assertThat(page.locator("#experiment-conclusion b")).hasCount(0);
        assertThat(page.locator("#experiment-conclude")).hasCount(0);
        assertThat(page.locator("#experiment-stop")).hasCount(0);
        JsonNode concluded = Dashboard.server().get("/api/v1/experiments/" + id);
        assertThat(concluded.get("status").asString()).isEqualTo("concluded");
        assertThat(concluded.get("winner").asString()).isEqualTo("treatment");
        assertThat(concluded.get("conclusion").asString()).startsWith("<b>shipped</b> after review");
    }

    @Test
    void the_demos_experiments_are_listed_and_a_concluded_one_shows_its_conclusion_and_results(Page page) {
        JsonNode experiments = Dashboard.server().get("/api/v1/experiments?agent_id=support-bot").get("experiments");
        JsonNode concluded = java.util.stream.StreamSupport.stream(experiments.spliterator(), false)
                .filter(x -> x.get("status").asString().equals("concluded")).findFirst().orElseThrow();
        String id = concluded.get("id").asString();
        JsonNode results = Dashboard.server().get("/api/v1/experiments/" + id + "/results");

        Dashboard.logInAsAdmin(page);
        page.navigate("/experiments");
        Locator row = page.locator("#experiments tbody tr").filter(new Locator.FilterOptions().setHasText(concluded.get("name").asString()));
        assertThat(row.locator(".badge")).hasText("concluded");
        assertThat(row.locator("td").last()).hasText(concluded.get("winner").isNull() ? "no difference" : concluded.get("winner").asString());
        row.locator("a").click();
        assertThat(page).hasURL(Dashboard.server().url() + "/experiments/" + id);
        assertThat(page.locator("#experiment-conclusion")).containsText(concluded.get("conclusion").asString());
        assertThat(page.locator("#verdict")).hasAttribute("data-kind", results.get("verdict").get("kind").asString());
        assertThat(page.locator("#recommendation")).hasText(results.get("verdict").get("recommendation").asString());
        assertThat(page.locator("#comparisons .comparison")).hasCount(results.get("comparisons").size());
        assertThat(page.locator("#experiment-results .state.error")).hasCount(0);
    }

    // ---- data through the API ----------------------------------------------------------------

    private static void create(Locator dialog) {
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create")).click();
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
    }

    private static String integer(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /** A configuration of its own (version 1), so the version exists whether or not experiments check. */
    private static String configurationVersion(String what) {
        String id = unique("e2e-cfg-" + what);
        RealServer.Answer created = Dashboard.server().post("/api/v1/configurations",
                "{\"id\": \"" + id + "\", \"agent_id\": \"e2e-exp-bot\", \"content\": {\"behaviour\": {\"temperature\": 0.5}}}");
        assertThat(created.status()).as("creating configuration %s: %s", id, created.body()).isEqualTo(201);
        return id + "-v1";
    }

    /** An experiment with a hostile name through the API; started when asked. */
    private static String createExperiment(boolean start) {
        String id = unique("e2e-exp");
        String body = """
                {"id": "%s", "name": "%s %s", "agent_id": "e2e-exp-bot", "hypothesis": "the treatment is better",
                 "variants": [{"id": "control", "configuration_version": "%s", "allocation": 50, "control": true},
                              {"id": "treatment", "configuration_version": "%s", "allocation": 50}],
                 "minimum_sample_size": 100, "minimum_detectable_effect": 0.1, "baseline": 0.5, "start": %s}"""
                .formatted(id, HOSTILE, id, configurationVersion("control"), configurationVersion("treatment"), start);
        RealServer.Answer created = Dashboard.server().post("/api/v1/experiments", body);
        assertThat(created.status()).as("creating experiment: %s", created.body()).isEqualTo(201);
        return id;
    }

    /**
     * 150 users per variant, one trace each from the experiment's start: the control succeeds for
     * half of its users, the treatment for 95%.
     */
    private static void plantWinner(String id, String startedAt, String controlVersion, String treatmentVersion) {
        Instant at = Instant.parse(startedAt).plusMillis(1);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            boolean treated = i % 2 == 1;
            int n = i / 2;
            boolean ok = treated ? n % 20 != 0 : n % 2 == 0;
            items.add("""
                    {"type": "trace", "body": {"id": "%1$s-t%2$d", "agent_id": "e2e-exp-bot", "user_id": "%1$s-u%2$d",
                     "experiment_id": "%1$s", "variant_id": "%3$s", "config_version": "%4$s", "status": "%5$s",
                     "started_at": "%6$s", "ended_at": "%7$s"}}""".formatted(id, i, treated ? "treatment" : "control",
                    treated ? treatmentVersion : controlVersion, ok ? "ok" : "error", at, at.plusMillis(800)));
        }
        RealServer.Answer ingested = Dashboard.server().post("/api/v1/ingest", "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(ingested.status()).as("ingest: %s", ingested.body()).isEqualTo(200);
    }

    private static final String RECOMMENDATION = "Roll out treatment: success rate 0.8000 against 0.5000 for the control (+60.0%).";

    /** The example answer of docs/API.md "Experiment results" for this experiment, with a sample ratio mismatch. */
    private static String documentedResults(String id) {
        return """
                {"experiment_id": "%s", "unit": "user_id", "start": "2026-10-01T00:00:00Z", "until": "2026-10-04T00:00:00Z",
                 "days": 3, "control_id": "control", "alpha": 0.05, "correction": "holm", "minimum_sample_per_variant": 100,
                 "minimum_detectable_effect": 0.1,
                 "variants": [
                  {"variant_id": "control", "allocation_percent": 50, "units": 120, "traces": 120, "success_rate": 0.5,
                   "satisfaction": 4.0, "response_time_ms": 859.5, "error_rate": 0.5, "handoff_rate": 0.0, "cost_per_unit": 0.0},
                  {"variant_id": "treatment", "allocation_percent": 50, "units": 80, "traces": 120, "success_rate": 0.8,
                   "satisfaction": 4.0, "response_time_ms": 990.1, "error_rate": 0.2, "handoff_rate": 0.0, "cost_per_unit": 0.0}],
                 "comparisons": [
                  {"treatment_id": "treatment", "control_id": "control", "metric": "success_rate", "role": "primary",
                   "higher_is_better": true, "control_units": 120, "treatment_units": 80, "control": 0.5, "treatment": 0.8,
                   "difference": 0.3, "relative_difference": 0.6,
                   "fixed_horizon": {"test": "delta_method_z", "p_value": 1.1e-7, "lower": 0.186, "upper": 0.414, "confidence": 0.95},
                   "effect_size": {"kind": "cohens_h", "value": 0.6435}, "achieved_power": 0.9998,
                   "sequential": {"looks": 3, "p_value": 2.3e-5, "lower": 0.12, "upper": 0.48, "tau": 0.05, "reason": "different"},
                   "p_value_corrected": 4.6e-5, "correction": "holm", "significant": true, "guardrail_violated": null,
                   "cuped": {"applied": true, "units_with_pre_period": 200, "units": 200, "raw_difference": 0.3, "difference": 0.301,
                             "lower": 0.19, "upper": 0.41, "p_value": 1.0e-7, "variance_ratio": 0.97, "reason": "applied"}},
                  {"treatment_id": "treatment", "control_id": "control", "metric": "response_time", "role": "guardrail",
                   "higher_is_better": false, "control_units": 120, "treatment_units": 80, "control": 859.5, "treatment": 990.1,
                   "difference": 130.6, "relative_difference": 0.152,
                   "fixed_horizon": {"test": "delta_method_z", "p_value": 0.01, "lower": 40, "upper": 220, "confidence": 0.95},
                   "effect_size": {"kind": "cohens_d", "value": 0.3}, "achieved_power": 0.7,
                   "sequential": {"looks": 3, "p_value": 0.03, "lower": 12, "upper": 250, "tau": 50, "reason": "worse"},
                   "p_value_corrected": null, "correction": null, "significant": false, "guardrail_violated": true,
                   "cuped": {"applied": false, "units_with_pre_period": 0, "units": 200, "raw_difference": 130.6, "difference": null,
                             "lower": null, "upper": null, "p_value": null, "variance_ratio": null,
                             "reason": "too few units with a pre-period value"}}],
                 "sample_ratio": {"chi_square": 8.0, "degrees_of_freedom": 1, "p_value": 0.0004, "mismatch": true,
                  "reason": "split does not fit the allocation: chi-square = 8.0000 with 1 degrees of freedom, p = 0.0004 < 0.001"},
                 "units_without_id": 1, "traces_without_variant": 0, "units_in_unknown_variants": 0, "units_in_several_variants": 0,
                 "verdict": {"kind": "winner", "winner": "treatment", "missing": [], "recommendation": "%s"}}"""
                .formatted(id, RECOMMENDATION);
    }
}
