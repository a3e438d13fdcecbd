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
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The prompt template pages, each test with templates of its own in the demo workspace: the list's
 * figures are the analytics API's for the range the page asked for, versions with the production
 * label (moved by a writer), a new version refused for undeclared variables, the render preview with
 * the server's errors, a viewer without write buttons, hostile text as text, another workspace's
 * template not found.
 */
@ExtendWith(Dashboard.class)
class ITPromptsPage {
    private static final String HOSTILE = "<img src=x onerror=window.__xss=1>";

    @BeforeAll
    static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String template(String id, String name, String text, String variables) {
        RealServer.Answer created = Dashboard.server().post("/api/v1/prompt-templates", "{\"id\": \"" + id + "\", \"name\": "
                + json(name) + ", \"agent_id\": \"e2e-prompt-agent\", \"text\": " + json(text) + ", \"variables\": " + variables + "}");
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return id;
    }

    static void version(String id, String text, String variables) {
        RealServer.Answer created = Dashboard.server().post("/api/v1/prompt-templates/" + id + "/versions",
                "{\"text\": " + json(text) + ", \"variables\": " + variables + "}");
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
    }

    /** Uses of a template's versions: one trace with one span each; every third fails; ratings on some. */
    static void uses(String id, int... perVersion) {
        StringJoiner batch = new StringJoiner(",", "{\"batch\": [", "]}");
        Instant start = Instant.now().minusSeconds(1800);
        int n = 0;
        for (int version = 1; version <= perVersion.length; version++) {
            for (int i = 0; i < perVersion[version - 1]; i++, n++) {
                String trace = id + "-t" + n;
                Instant at = start.plusSeconds(n * 10L);
                batch.add("{\"type\": \"trace\", \"body\": {\"id\": \"" + trace + "\", \"agent_id\": \"e2e-prompt-agent\", \"status\": \""
                        + (n % 3 == 0 ? "error" : "ok") + "\", \"started_at\": \"" + at + "\", \"ended_at\": \"" + at.plusSeconds(1) + "\"}}");
                batch.add("{\"type\": \"span\", \"body\": {\"id\": \"" + trace + "-s\", \"trace_id\": \"" + trace
                        + "\", \"kind\": \"llm\", \"name\": \"answer\", \"started_at\": \"" + at + "\", \"ended_at\": \"" + at.plusMillis(500)
                        + "\", \"attributes\": {\"prompt.template_id\": \"" + id + "\", \"prompt.version\": " + version + "}}}");
                if (n % 2 == 0) {
                    batch.add("{\"type\": \"score\", \"body\": {\"id\": \"" + trace + "-r\", \"trace_id\": \"" + trace
                            + "\", \"name\": \"user_rating\", \"value\": " + (3 + n % 3) + "}}");
                }
            }
        }
        RealServer.Answer answer = Dashboard.server().post("/api/v1/ingest", batch.toString());
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
    }

    private static Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void the_list_shows_the_analytics_figures_for_the_range_the_page_used(Page page) {
        String id = template(unique("e2e-list"), "Listed", "Hi {{name}}.", "[{\"name\": \"name\"}]");
        version(id, "Hello {{name}}!", "[{\"name\": \"name\"}]");
        uses(id, 4, 5);
        Dashboard.logInAsAdmin(page);
        page.navigate("/prompts");
        assertThat(page.locator("nav.side a[aria-current=page]")).hasText("Prompts");
        Locator row = page.locator("#prompt-templates tbody tr:has([data-template='" + id + "'])");
        assertThat(row).hasCount(1);
        Locator head = page.locator(".page-head[data-from]");
        JsonNode all = Dashboard.server().get("/api/v1/analytics/prompt-templates?from=" + encode(head.getAttribute("data-from"))
                + "&to=" + encode(head.getAttribute("data-to")));
        JsonNode figures = null;
        for (JsonNode t : all.get("templates")) {
            if (t.get("template_id").asString().equals(id)) {
                figures = t;
            }
        }
        assertThat(figures).isNotNull();
        assertThat(figures.get("uses").asInt()).isEqualTo(9);
        assertThat(row.locator("[data-metric=uses]")).hasText(String.valueOf(figures.get("uses").asInt()));
        assertThat(row.locator("[data-metric=success_rate]"))
                .hasText(String.format(Locale.US, "%.1f%%", figures.get("success_rate").asDouble() * 100));
        assertThat(row.locator("[data-metric=version_count]")).hasText("2");
        assertThat(row.locator("[data-metric=category]")).hasAttribute("data-category", figures.get("performance_category").asString());
        assertThat(row.locator("[data-metric=contributors]")).containsText("key ");
        assertThat(row).containsText("v2");

        row.locator("a").first().click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/prompts/" + id));
        Locator v1 = page.locator("#prompt-usage tbody tr:has([data-version='1'])");
        assertThat(v1.locator("[data-metric=uses]")).hasText("4");
        assertThat(page.locator("#prompt-usage tbody tr:has([data-version='2']) [data-metric=uses]")).hasText("5");
        assertThat(page.locator("#prompt-figures [data-metric=uses]")).hasText("9");
    }

    @Test
    void a_writer_moves_the_production_label_and_adds_a_version_refused_first_for_undeclared_variables(Page page) {
        String id = template(unique("e2e-label"), "Label", "One {{a}}.", "[{\"name\": \"a\"}]");
        version(id, "Two {{a}}.", "[{\"name\": \"a\"}]");
        Dashboard.logInAsAdmin(page);
        page.navigate("/prompts/" + id);
        assertThat(page.locator("#prompt-production")).hasText("v2");
        assertThat(page.locator("#prompt-versions tbody tr:has([data-version='2']) .badge")).hasText("production");

        page.getByLabel("Label v1 production").click();
        assertThat(page.locator("#prompt-production")).hasText("v1");
        assertThat(page.locator(".page-head")).containsText("(pinned)");
        assertThat(Dashboard.server().get("/api/v1/prompt-templates/" + id).get("labels").get("production").asInt()).isEqualTo(1);
        page.getByLabel("Let production follow the newest version").click();
        assertThat(page.locator("#prompt-production")).hasText("v2");
        assertThat(page.locator(".page-head")).containsText("(follows the newest)");

        page.locator("#new-prompt-version").click();
        Locator dialog = page.locator("dialog[data-testid=new-prompt-version]");
        assertThat(dialog.getByLabel("Text")).hasValue("Two {{a}}.");
        dialog.getByLabel("Text").fill("Three {{a}} and {{b}} and {{c}}.");
        button(dialog, "Create version").click();
        Locator errors = dialog.locator("[data-field=text] .field-error");
        assertThat(errors).hasCount(2);
        assertThat(errors.first()).hasText("text uses variable 'b', which is not declared in variables");
        assertThat(Dashboard.server().get("/api/v1/prompt-templates/" + id).get("latest_version").asInt()).isEqualTo(2);

        dialog.getByLabel("Variables (JSON)").fill("[{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"9c\"}]");
        button(dialog, "Create version").click();
        assertThat(dialog.locator("[data-field=variables] .field-error")).containsText("variables[2].name");

        dialog.getByLabel("Variables (JSON)").fill("[{\"name\": \"a\"}, {\"name\": \"b\"}, {\"name\": \"c\", \"required\": false}]");
        dialog.getByLabel("Message").fill("three");
        button(dialog, "Create version").click();
        assertThat(dialog).hasCount(0);
        assertThat(page.locator("#prompt-production")).hasText("v3");
        assertThat(page.locator("#prompt-versions tbody tr").first()).containsText("Three {{a}} and {{b}} and {{c}}.");
        assertThat(page.locator("#prompt-versions tbody tr").first()).containsText("user " + Dashboard.ADMIN_EMAIL);
    }

    @Test
    void the_render_preview_has_one_input_per_variable_and_shows_the_servers_errors(Page page) {
        String id = template(unique("e2e-render"), "Render", "Hello {{name}}{{#tone}}, {{tone}}{{/tone}}.",
                "[{\"name\": \"name\", \"description\": \"who\"}, {\"name\": \"tone\", \"required\": false, \"default\": \"friend\"}]");
        Dashboard.logInAsAdmin(page);
        page.navigate("/prompts/" + id);
        Locator form = page.locator("#prompt-render form");
        assertThat(form.locator("input")).hasCount(2);
        button(form, "Render").click();
        assertThat(form.locator("[data-field='variables.name'] .field-error"))
                .hasText("variable 'name' is required by version 1 and was not given");
        assertThat(page.locator("#render-output")).hasCount(0);

        form.getByLabel("name", new Locator.GetByLabelOptions().setExact(true)).fill(HOSTILE);
        button(form, "Render").click();
        JsonNode expected = Dashboard.server().post("/api/v1/prompt-templates/" + id + "/render",
                "{\"variables\": {\"name\": " + json(HOSTILE) + "}}").body();
        assertThat(page.locator("#render-output")).hasText(expected.get("text").asString());
        assertThat(page.locator("#render-output")).hasText("Hello " + HOSTILE + ", friend.");
        assertThat(page.locator("main img")).hasCount(0);
        form.getByLabel("tone (optional)").fill("pal");
        button(form, "Render").click();
        assertThat(page.locator("#render-output")).hasText("Hello " + HOSTILE + ", pal.");
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void hostile_names_and_texts_stay_text_and_a_viewer_sees_no_write_buttons(Page page) {
        String id = template(unique("e2e-hostile"), HOSTILE, "Say " + HOSTILE + " to {{who}}.", "[{\"name\": \"who\"}]");
        version(id, "Again " + HOSTILE + " {{who}}", "[{\"name\": \"who\"}]");
        String email = ITSettings.newUser("viewer", "viewer-password-1");
        Dashboard.logIn(page, email, "viewer-password-1");
        page.navigate("/prompts");
        Locator row = page.locator("#prompt-templates tbody tr:has([data-template='" + id + "'])");
        assertThat(row).containsText(HOSTILE);
        assertThat(page.locator("#new-prompt-template")).hasCount(0);
        assertThat(page.locator("#read-only-note")).isVisible();
        page.navigate("/prompts/" + id);
        assertThat(page.locator("#prompt-title")).hasText(HOSTILE);
        assertThat(page.locator("#prompt-versions")).containsText("Say " + HOSTILE + " to {{who}}.");
        assertThat(page.locator("main img")).hasCount(0);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
        assertThat(page.locator("#read-only-note")).isVisible();
        assertThat(page.locator("#new-prompt-version")).hasCount(0);
        assertThat(page.locator("#prompt-versions button")).hasCount(0);
        // the preview only reads: a viewer may render
        page.locator("#prompt-render form").getByLabel("who").fill("Ann");
        button(page.locator("#prompt-render form"), "Render").click();
        assertThat(page.locator("#render-output")).hasText("Again " + HOSTILE + " Ann");
        assertThat(page.request().put("/api/v1/prompt-templates/" + id + "/labels/production",
                RequestOptions.create().setHeader("X-Sextant-Request", "1").setData(Map.of("version", 1))).status()).isEqualTo(403);
    }

    @Test
    void another_workspaces_template_is_not_found_like_a_missing_one(Page page) {
        OverviewFixtures.Workspace other = OverviewFixtures.workspaceWithAdmin("e2e-other-prompt");
        String secret = unique("e2e-secret-prompt");
        OverviewFixtures.Answer created = OverviewFixtures.post(other, "/api/v1/prompt-templates",
                "{\"id\": \"" + secret + "\", \"name\": \"Secret\", \"text\": \"psst\"}");
        assertThat(created.status()).isEqualTo(201);
        Dashboard.logInAsAdmin(page);
        page.navigate("/prompts/" + secret);
        assertThat(page.locator("#prompt-not-found h1")).hasText("Prompt template not found in this workspace");
        assertThat(page.locator("#prompt-not-found")).containsText("prompt template '" + secret + "' does not exist in this workspace");
        page.navigate("/prompts");
        assertThat(page.locator("#prompt-templates .state.loading")).hasCount(0);
        assertThat(page.locator("body")).not().containsText(secret);
    }

    @Test
    void a_template_is_created_through_the_dialog_after_the_servers_errors_inline(Page page) {
        String id = unique("e2e-created");
        Dashboard.logInAsAdmin(page);
        page.navigate("/prompts");
        page.locator("#new-prompt-template").click();
        Locator dialog = page.locator("dialog[data-testid=new-prompt-template]");
        dialog.getByLabel("Id").fill("Not An Id");
        dialog.getByLabel("Name").fill(HOSTILE);
        dialog.getByLabel("Text").fill("Dear {{who}}, {{what}}");
        dialog.getByLabel("Variables (JSON)").fill("[{\"name\": \"who\"}");
        button(dialog, "Create").click();
        assertThat(dialog.locator("[data-field=variables] .field-error")).containsText("variables is not valid JSON");
        dialog.getByLabel("Variables (JSON)").fill("[{\"name\": \"who\"}]");
        button(dialog, "Create").click();
        assertThat(dialog.locator("[data-field=id] .field-error")).containsText("id must start with a-z or 0-9");
        assertThat(dialog.locator("[data-field=text] .field-error")).hasText("text uses variable 'what', which is not declared in variables");
        assertThat(Dashboard.server().fetch("/api/v1/prompt-templates/" + id).status()).isEqualTo(404);

        dialog.getByLabel("Id").fill(id);
        dialog.getByLabel("Variables (JSON)").fill("[{\"name\": \"who\"}, {\"name\": \"what\", \"required\": false}]");
        button(dialog, "Create").click();
        assertThat(dialog).hasCount(0);
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/prompts/" + id + "$"));
        assertThat(page.locator("#prompt-title")).hasText(HOSTILE);
        assertThat(page.locator("#prompt-production")).hasText("v1");
        assertThat(page.locator("#prompt-usage")).containsText("No uses in this range");
        assertThat(page.locator("main img")).hasCount(0);
    }
}
