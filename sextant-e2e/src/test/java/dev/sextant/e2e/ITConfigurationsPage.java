package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import dev.sextant.testing.RealServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The configurations pages against the shared server, each test with configurations (and agents)
 * of its own: creation through the dialog with the server's errors inline, versions as a tree,
 * the diff, activate, branch and rollback, the events, performance per version equal to the API,
 * a viewer without write buttons, hostile names as text, another workspace's id not found.
 */
@ExtendWith(Dashboard.class)
class ITConfigurationsPage {
    private static final String HOSTILE = "<img src=x onerror=window.__xss=1>";

    @BeforeAll
    static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    /** Creates a configuration through the API with the admin key; its id. */
    static String configuration(String id, String agent, String name, String content) {
        RealServer.Answer created = Dashboard.server().post("/api/v1/configurations",
                "{\"id\": \"" + id + "\", \"agent_id\": \"" + agent + "\", \"name\": " + json(name) + ", \"content\": " + content + "}");
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return id;
    }

    static void version(String id, String content, Integer parent, boolean activate) {
        RealServer.Answer created = Dashboard.server().post("/api/v1/configurations/" + id + "/versions",
                "{\"content\": " + content + (parent == null ? "" : ", \"parent_version\": " + parent)
                        + ", \"activate\": " + activate + "}");
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void a_configuration_is_refused_with_every_server_error_inline_then_created_and_its_hostile_name_stays_text(Page page) {
        String id = unique("e2e-new");
        Dashboard.logInAsAdmin(page);
        page.navigate("/configurations");
        assertThat(page.locator("nav.side a[aria-current=page]")).hasText("Configurations");
        page.locator("#new-configuration").click();
        Locator dialog = page.locator("dialog[data-testid=new-configuration]");
        dialog.getByLabel("Id").fill(id);
        dialog.getByLabel("Agent").fill("e2e-config-agent");
        dialog.getByLabel("Name").fill(HOSTILE);

        // not JSON: said under the content, nothing sent
        dialog.getByLabel("Content (JSON)").fill("{\"behaviour\": ");
        button(dialog, "Create").click();
        assertThat(dialog.locator("[data-field=content] .field-error")).containsText("content is not valid JSON");

        // four schema violations: each of the server's errors under the content field
        String bad = "{\"behaviour\": {\"temperature\": 7, \"max_tokens\": \"many\"}, \"workflow\": {\"steps\": [{\"id\": \"a\"}]}, \"colour\": \"blue\"}";
        dialog.getByLabel("Content (JSON)").fill(bad);
        button(dialog, "Create").click();
        Locator errors = dialog.locator("[data-field=content] .field-error");
        assertThat(errors).hasCount(4);
        assertThat(errors.nth(0)).hasText("/content/behaviour/temperature: must have a maximum value of 2");
        assertThat(dialog).containsText("/content/colour");
        assertThat(dialog).containsText("/content/workflow/steps/0/type");
        assertThat(dialog.locator(".form-error")).containsText("Fix the 4 marked fields.");
        assertThat(Dashboard.server().fetch("/api/v1/configurations/" + id).status()).isEqualTo(404);

        // a bad id: under the id
        dialog.getByLabel("Content (JSON)").fill("{\"behaviour\": {\"temperature\": 0.3}}");
        dialog.getByLabel("Id").fill("Bad Id!");
        button(dialog, "Create").click();
        assertThat(dialog.locator("[data-field=id] .field-error")).isVisible();
        assertThat(dialog.locator("[data-field=content] .field-error")).hasCount(0);

        dialog.getByLabel("Id").fill(id);
        button(dialog, "Create").click();
        assertThat(dialog).hasCount(0);
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/configurations/" + id + "$"));
        assertThat(page.locator("#config-title")).hasText(HOSTILE);
        assertThat(page.locator("#config-active-version")).hasText(id + "-v1");
        assertThat(page.locator("#active-content")).containsText("\"temperature\": 0.3");
        assertThat(page.locator("main img")).hasCount(0);

        page.navigate("/configurations");
        Locator row = page.locator("#configurations tbody tr").filter(new Locator.FilterOptions().setHasText(id));
        assertThat(row).containsText(HOSTILE);
        assertThat(row).containsText("e2e-config-agent");
        assertThat(row).containsText(id + "-v1");
        assertThat(row.locator("img")).hasCount(0);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void versions_branch_diff_activate_and_rollback_through_the_page_with_their_events(Page page) {
        String id = configuration(unique("e2e-versions"), "e2e-versions-agent", "Versions",
                "{\"behaviour\": {\"model\": \"m-1\", \"temperature\": 0.2}, \"interface\": {\"language\": \"en\"}}");
        Dashboard.logInAsAdmin(page);
        page.navigate("/configurations/" + id);
        assertThat(page.locator("#config-versions tbody tr")).hasCount(1);
        assertThat(page.locator("#config-diff")).containsText("Only one version so far");

        // v2 from v1, not activated
        page.getByLabel("New version from v1").click();
        Locator dialog = page.locator("dialog[data-testid=new-version]");
        assertThat(dialog.getByLabel("Content (JSON)")).hasValue(java.util.regex.Pattern.compile("\"temperature\": 0.2"));
        dialog.getByLabel("Content (JSON)").fill("{\"behaviour\": {\"model\": \"m-1\", \"temperature\": \"hot\"}}");
        button(dialog, "Create version").click();
        assertThat(dialog.locator("[data-field=content] .field-error")).containsText("/content/behaviour/temperature");
        dialog.getByLabel("Content (JSON)").fill("{\"behaviour\": {\"model\": \"m-1\", \"temperature\": 0.5}, \"interface\": {\"language\": \"en\"}}");
        dialog.getByLabel("Message").fill("warmer");
        button(dialog, "Create version").click();
        assertThat(dialog).hasCount(0);
        assertThat(page.locator("#config-versions tbody tr")).hasCount(2);
        assertThat(page.locator("#config-active-version")).hasText(id + "-v1");

        // activate v2
        page.getByLabel("Activate v2").click();
        assertThat(page.locator("#config-active-version")).hasText(id + "-v2");
        assertThat(page.locator("#active-content")).containsText("\"temperature\": 0.5");

        // a branch from v1, activated at once: v3 under v1
        page.getByLabel("New version from v1").click();
        dialog.getByLabel("Content (JSON)").fill("{\"behaviour\": {\"model\": \"m-2\", \"temperature\": 0.2}}");
        dialog.getByLabel("Activate it now").check();
        button(dialog, "Create version").click();
        assertThat(dialog).hasCount(0);
        assertThat(page.locator("#config-active-version")).hasText(id + "-v3");
        assertThat(page.locator("#config-versions tbody tr")).hasCount(3);
        // tree order: v1, then its children v2 and v3
        assertThat(page.locator("#config-versions tbody tr td:first-child code"))
                .hasText(new String[] {id + "-v1", id + "-v2", id + "-v3"});
        Locator v3 = page.locator("#config-versions tbody tr").nth(2);
        assertThat(v3).containsText(id + "-v1");
        assertThat(v3.locator(".badge")).hasText("active");

        // the diff between any two versions, flattened
        page.locator("#diff-from").selectOption("2");
        page.locator("#diff-to").selectOption("3");
        Locator diff = page.locator("#diff-result tbody tr");
        assertThat(diff).hasCount(3);
        assertThat(diff.filter(new Locator.FilterOptions().setHasText("behaviour.model"))).containsText("\"m-1\"");
        assertThat(diff.filter(new Locator.FilterOptions().setHasText("behaviour.model"))).containsText("\"m-2\"");
        assertThat(diff.filter(new Locator.FilterOptions().setHasText("behaviour.temperature"))).containsText("0.5");
        assertThat(diff.filter(new Locator.FilterOptions().setHasText("interface.language"))).containsText("removed");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("diff_from=2&diff_to=3"));

        // roll back to v1, asked first; cancelling changes nothing
        page.getByLabel("Roll back to v1").click();
        button(page.locator("dialog[open]"), "Cancel").click();
        assertThat(page.locator("#config-active-version")).hasText(id + "-v3");
        page.getByLabel("Roll back to v1").click();
        assertThat(page.locator("dialog[open]")).containsText("Roll back to " + id + "-v1?");
        button(page.locator("dialog[open]"), "Roll back").click();
        assertThat(page.locator("#config-active-version")).hasText(id + "-v1");
        assertThat(Dashboard.server().get("/api/v1/configurations/" + id).get("active_version").asInt()).isEqualTo(1);

        // the events, newest first, as the API lists them
        JsonNode events = Dashboard.server().get("/api/v1/configurations/" + id + "/events").get("events");
        Locator rows = page.locator("#config-events tbody tr");
        assertThat(rows).hasCount(events.size());
        assertThat(rows.first()).containsText("rollback");
        Locator temperature = page.locator("#config-events tbody tr:has([data-kind=version])").filter(
                new Locator.FilterOptions().setHasText("behaviour.temperature")).first();
        assertThat(temperature).containsText("0.2 → 0.5");
        assertThat(temperature.locator(".badge").first()).hasText("medium");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("behaviour.model")).first().locator(".badge").first()).hasText("high");
        assertThat(temperature).containsText("user " + Dashboard.ADMIN_EMAIL);
        assertThat(temperature).containsText("valid");
    }

    @Test
    void performance_per_version_shows_the_api_figures_and_the_comparisons(Page page) {
        String agent = unique("e2e-perf-agent");
        String id = configuration(unique("e2e-perf"), agent, "Perf", "{\"behaviour\": {\"temperature\": 0.2}}");
        version(id, "{\"behaviour\": {\"temperature\": 0.4}}", 1, true);
        StringJoiner batch = new StringJoiner(",", "{\"batch\": [", "]}");
        Instant start = Instant.now().minusSeconds(3600);
        for (int i = 0; i < 24; i++) {
            String version = id + (i % 2 == 0 ? "-v1" : "-v2");
            String status = i % 2 == 0 && i % 4 == 0 ? "error" : "ok";
            Instant at = start.plusSeconds(i * 30L);
            batch.add("{\"type\": \"trace\", \"body\": {\"id\": \"" + id + "-t" + i + "\", \"agent_id\": \"" + agent
                    + "\", \"config_version\": \"" + version + "\", \"status\": \"" + status + "\", \"started_at\": \"" + at
                    + "\", \"ended_at\": \"" + at.plusMillis(500 + i * 10L) + "\"}}");
        }
        assertThat(Dashboard.server().post("/api/v1/ingest", batch.toString()).status()).isEqualTo(200);

        Dashboard.logInAsAdmin(page);
        page.navigate("/configurations/" + id);
        Locator rows = page.locator("#config-performance tbody tr");
        assertThat(rows).hasCount(2);
        JsonNode figures = Dashboard.server().get("/api/v1/analytics/config-versions?agent_id=" + URLEncoder.encode(agent, StandardCharsets.UTF_8));
        for (JsonNode v : figures.get("versions")) {
            Locator row = page.locator("#config-performance tbody tr:has([data-version='" + v.get("config_version").asString() + "'])");
            assertThat(row.locator("[data-metric=executions]"))
                    .hasText(NumberFormat.getIntegerInstance(Locale.US).format(v.get("executions").asLong()));
            assertThat(row.locator("[data-metric=success_rate]"))
                    .hasText(String.format(Locale.US, "%.1f%%", v.get("success_rate").asDouble() * 100));
        }
        Locator v2 = page.locator("#config-performance tbody tr:has([data-version='" + id + "-v2'])");
        JsonNode compare = Dashboard.server().get("/api/v1/analytics/config-versions/compare?a=" + id + "-v2&b=" + id + "-v1&agent_id=" + agent);
        assertThat(v2.locator("[data-verdict]").first()).hasAttribute("data-verdict", compare.get("verdict").asString());
        assertThat(v2).containsText("1 parameter changed");
        assertThat(page.locator("#config-performance tbody tr:has([data-version='" + id + "-v1'])")).containsText("is the default");
    }

    @Test
    void a_viewer_sees_the_configuration_but_no_write_buttons_and_the_api_refuses_writes(Page page) {
        String id = configuration(unique("e2e-viewer"), "e2e-viewer-agent", "Viewer sees", "{\"behaviour\": {\"temperature\": 0.2}}");
        version(id, "{\"behaviour\": {\"temperature\": 0.3}}", 1, true);
        String email = ITSettings.newUser("viewer", "viewer-password-1");
        Dashboard.logIn(page, email, "viewer-password-1");
        page.navigate("/configurations");
        assertThat(page.locator("#configurations tbody tr").filter(new Locator.FilterOptions().setHasText(id))).hasCount(1);
        assertThat(page.locator("#new-configuration")).hasCount(0);
        assertThat(page.locator("#read-only-note")).isVisible();
        page.navigate("/configurations/" + id);
        assertThat(page.locator("#config-versions tbody tr")).hasCount(2);
        assertThat(page.locator("#config-versions button")).hasCount(0);
        // reading controls only (Apply of the business impact): nothing that writes
        assertThat(page.locator("main button", new Page.LocatorOptions().setHasText(
                java.util.regex.Pattern.compile("New version|Activate|Roll back|New configuration")))).hasCount(0);
        assertThat(page.locator("#config-business-impact button")).hasText("Apply");
        assertThat(page.locator("#config-events tbody tr").first()).isVisible();
        assertThat(page.request().post("/api/v1/configurations/" + id + "/rollback",
                RequestOptions.create().setHeader("X-Sextant-Request", "1").setData(java.util.Map.of("version", 1))).status()).isEqualTo(403);
    }

    @Test
    void another_workspaces_configuration_is_not_found_like_a_missing_one(Page page) {
        OverviewFixtures.Workspace other = OverviewFixtures.workspaceWithAdmin("e2e-other-config");
        String secret = unique("e2e-secret-config");
        OverviewFixtures.Answer created = OverviewFixtures.post(other, "/api/v1/configurations",
                "{\"id\": \"" + secret + "\", \"agent_id\": \"secret-agent\", \"content\": {}}");
        assertThat(created.status()).isEqualTo(201);
        Dashboard.logInAsAdmin(page);
        page.navigate("/configurations/" + secret);
        assertThat(page.locator("#config-not-found h1")).hasText("Configuration not found in this workspace");
        assertThat(page.locator("#config-not-found")).containsText("configuration '" + secret + "' does not exist in this workspace");
        page.navigate("/configurations/" + unique("e2e-missing"));
        assertThat(page.locator("#config-not-found h1")).hasText("Configuration not found in this workspace");
        page.navigate("/configurations");
        assertThat(page.locator("#configurations .state.loading")).hasCount(0);
        assertThat(page.locator("body")).not().containsText(secret);
    }

    @Test
    void a_failing_block_says_what_failed_and_retries_while_the_others_show(Page page) {
        String id = configuration(unique("e2e-failing"), "e2e-failing-agent", "Failing", "{\"behaviour\": {\"temperature\": 0.2}}");
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Dashboard.logInAsAdmin(page);
        page.route(url -> url.endsWith("/api/v1/configurations/" + id + "/events"), route -> {
            if (failing.get()) {
                route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(503).setContentType("application/problem+json")
                        .setBody("{\"title\":\"Unavailable\",\"status\":503,\"detail\":\"the database failed; retry\"}"));
            } else {
                route.resume();
            }
        });
        page.navigate("/configurations/" + id);
        Locator error = page.locator("#config-events .state.error");
        assertThat(error).containsText("Could not load: GET /api/v1/configurations/" + id + "/events");
        assertThat(error).containsText("HTTP 503: the database failed; retry");
        assertThat(page.locator("#config-versions tbody tr")).hasCount(1);
        assertThat(page.locator("#active-content")).isVisible();
        failing.set(false);
        button(error, "Retry").click();
        assertThat(page.locator("#config-events tbody tr")).hasCount(1);
    }

    @Test
    void an_empty_workspace_says_what_would_fill_the_list_with_an_example_request(Page page) {
        FreshWorkspace fresh = FreshWorkspace.create("member");
        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/configurations");
        assertThat(page.locator("#configurations .state.empty")).containsText("No configurations yet");
        assertThat(page.locator("#configurations .state.empty pre")).containsText("/api/v1/configurations");
        assertThat(page.locator("#new-configuration")).isVisible();
        page.navigate("/prompts");
        assertThat(page.locator("#prompt-templates .state.empty")).containsText("No prompt templates yet");
        assertThat(page.locator("#prompt-templates .state.empty pre")).containsText("/api/v1/prompt-templates");
    }

    @Test
    void the_version_actions_work_from_the_keyboard(Page page) {
        String id = configuration(unique("e2e-keys"), "e2e-keys-agent", "Keys", "{\"behaviour\": {\"temperature\": 0.2}}");
        version(id, "{\"behaviour\": {\"temperature\": 0.3}}", 1, false);
        Dashboard.logInAsAdmin(page);
        page.navigate("/configurations/" + id);
        page.getByLabel("Activate v2").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#config-active-version")).hasText(id + "-v2");
        page.getByLabel("Roll back to v1").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("dialog[open]")).isVisible();
        page.keyboard().press("Escape");
        assertThat(page.locator("dialog[open]")).hasCount(0);
        assertThat(page.locator("#config-active-version")).hasText(id + "-v2");
    }

    @Test
    void performance_shows_the_customization_level_and_parameter_impact_says_why_there_is_no_recommendation(Page page) {
        String agent = unique("e2e-level-agent");
        String id = configuration(unique("e2e-level"), agent, "Level", "{\"behaviour\": {\"temperature\": 0.2, \"tone\": \"calm\"}}");
        version(id, "{\"behaviour\": {\"temperature\": 0.4, \"tone\": \"brisk\", \"max_tokens\": 300}}", 1, true);
        StringJoiner batch = new StringJoiner(",", "{\"batch\": [", "]}");
        Instant start = Instant.now().minusSeconds(1800);
        for (int i = 0; i < 6; i++) {
            Instant at = start.plusSeconds(i * 20L);
            batch.add("{\"type\": \"trace\", \"body\": {\"id\": \"" + id + "-t" + i + "\", \"agent_id\": \"" + agent
                    + "\", \"config_version\": \"" + id + (i % 2 == 0 ? "-v1" : "-v2") + "\", \"started_at\": \"" + at
                    + "\", \"ended_at\": \"" + at.plusMillis(700) + "\"}}");
        }
        assertThat(Dashboard.server().post("/api/v1/ingest", batch.toString()).status()).isEqualTo(200);

        Dashboard.logInAsAdmin(page);
        page.navigate("/configurations/" + id);
        JsonNode performance = Dashboard.server().get("/api/v1/configurations/" + id + "/performance");
        JsonNode v2 = performance.get("versions").get(1);
        Locator row = page.locator("#config-performance tbody tr:has([data-version='" + id + "-v2'])");
        String level = v2.get("against_default").get("customization_level").asString();
        assertThat(row.locator("[data-level]").first()).hasAttribute("data-level", level);
        assertThat(row).containsText("3 parameters changed");
        assertThat(row.locator("[data-verdict]").first()).hasAttribute("data-verdict", v2.get("against_parent").get("verdict").asString());
        assertThat(row.locator("[data-metric=executions]")).hasText("3");

        JsonNode impact = Dashboard.server().get("/api/v1/configurations/" + id + "/parameter-impact");
        assertThat(impact.get("recommendation").get("recommended").asBoolean()).isFalse();
        assertThat(page.locator("#impact-recommendation")).containsText(impact.get("recommendation").get("reason").asString());
        assertThat(page.locator("#config-parameter-impact tbody tr")).hasCount(impact.get("parameters").size());
        page.locator("#impact-outcome").selectOption("cost");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("impact_outcome=cost"));
        assertThat(page.locator("#impact-recommendation")).containsText("no recommendation");
    }

    @Test
    void business_impact_lists_this_configurations_activations_and_shows_the_servers_error_for_a_bad_value(Page page) {
        String agent = unique("e2e-impact-agent");
        String id = configuration(unique("e2e-impact"), agent, "Impact", "{\"behaviour\": {\"temperature\": 0.2}}");
        version(id, "{\"behaviour\": {\"temperature\": 0.3}}", 1, true);
        Dashboard.logInAsAdmin(page);
        page.navigate("/configurations/" + id);
        JsonNode answer = Dashboard.server().get("/api/v1/analytics/business-impact?agent_id=" + URLEncoder.encode(agent, StandardCharsets.UTF_8));
        JsonNode change = answer.get("changes").get(0);
        Locator row = page.locator("#config-business-impact tbody tr:has([data-change='" + change.get("id").asString() + "'])");
        assertThat(row).containsText("activate " + id + "-v1 → " + id + "-v2");
        assertThat(row).containsText(change.get("reason").asString());
        assertThat(row.locator("[data-unmeasured]")).hasCount(change.get("measured").asBoolean() ? 0 : 1);

        Locator form = page.locator("#config-business-impact form");
        form.getByLabel("Value of a success (USD, optional)").fill("-1");
        button(form, "Apply").click();
        assertThat(form.locator("[data-field=value_per_success] .field-error")).containsText("value_per_success");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("value_per_success=-1"));
        form.getByLabel("Value of a success (USD, optional)").fill("2.5");
        button(form, "Apply").click();
        assertThat(form.locator(".field-error")).hasCount(0);
        assertThat(row).isVisible();
    }
}
