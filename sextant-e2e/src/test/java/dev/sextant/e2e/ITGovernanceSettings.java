package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings → Masking and Settings → Audit log, each in a workspace of its own (so the shared
 * default workspace's rules and log stay as they are): an admin changes a rule and it is still
 * there after a reload; a bad custom pattern is refused next to its field with the server's
 * message; the preview masks an e-mail address; an action done through the API shows in the
 * audit log, a filter narrows it, and the CSV export downloads; a viewer gets the API's refusal.
 */
@ExtendWith(Dashboard.class)
class ITGovernanceSettings {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void an_admin_changes_a_masking_rule_and_it_stays_after_a_reload(Page page) {
        FreshWorkspace ws = FreshWorkspace.create("admin");
        Dashboard.logIn(page, ws.email(), ws.password());
        page.navigate("/settings/masking");
        var email = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("E-mail addresses: action"));
        email.waitFor();
        email.selectOption("hash");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("E-mail addresses: attributes")).uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save masking rules")).click();
        assertThat(page.locator("#masking-rules [role=status]")).hasText("Saved.");

        page.reload();
        email = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("E-mail addresses: action"));
        assertThat(email).hasValue("hash");
        assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("E-mail addresses: attributes")))
                .not().isChecked();
        JsonNode rules = get(ws.key(), "/api/v1/governance/masking").get("rules").get("detectors").get("email");
        assertThat(rules.get("action").asString()).isEqualTo("hash");
        assertThat(rules.get("applies_to").toString()).isEqualTo("[\"inputs\",\"outputs\"]");
    }

    @Test
    void a_bad_custom_pattern_shows_the_servers_error_at_its_field_and_changes_nothing(Page page) {
        FreshWorkspace ws = FreshWorkspace.create("admin");
        Dashboard.logIn(page, ws.email(), ws.password());
        page.navigate("/settings/masking");
        page.locator("#masking-add-custom").click();
        page.getByLabel("Custom pattern 1: name").fill("order_ref");
        page.getByLabel("Custom pattern 1: regular expression").fill("ORD-(\\d+");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save masking rules")).click();

        var error = page.locator("#masking-rules .field-error[data-for='/custom/0/pattern']");
        assertThat(error).isVisible();
        String server = put(ws.key(), "/api/v1/governance/masking",
                "{\"custom\": [{\"name\": \"order_ref\", \"pattern\": \"ORD-(\\\\d+\", \"action\": \"mask\"}]}");
        assertThat(error).hasText(JSON.readTree(server).get("errors").get(0).get("message").asString());
        assertThat(page.getByLabel("Custom pattern 1: regular expression")).hasAttribute("aria-invalid", "true");
        assertThat(get(ws.key(), "/api/v1/governance/masking").get("rules").get("custom")).isEmpty();
    }

    @Test
    void the_preview_masks_an_email_address(Page page) {
        FreshWorkspace ws = FreshWorkspace.create("admin");
        Dashboard.logIn(page, ws.email(), ws.password());
        page.navigate("/settings/masking");
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("E-mail addresses: action")).selectOption("mask");
        page.locator("#masking-preview-text").fill("Write to jane.doe@example.com about order 42");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();

        var result = page.locator("#masking-preview-result");
        assertThat(result).not().hasText("");
        assertThat(result).not().containsText("jane.doe@example.com");
        assertThat(result).containsText("Write to ");
        assertThat(result).containsText(" about order 42");
        assertThat(page.locator("#masking-preview-findings")).containsText("E-mail addresses");
    }

    @Test
    void an_api_action_shows_in_the_audit_log_filters_narrow_it_and_the_csv_downloads(Page page) throws IOException {
        FreshWorkspace ws = FreshWorkspace.create("admin");
        put(ws.key(), "/api/v1/governance/retention", "{\"scores\": 120}");
        put(ws.key(), "/api/v1/governance/masking", "{\"hash_user_ids\": true}");
        Dashboard.logIn(page, ws.email(), ws.password());
        page.navigate("/settings/audit");

        var rows = page.locator("#audit-entries tbody tr");
        assertThat(rows.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("retention.update")))
                .hasCount(1);
        assertThat(rows.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("masking.update")))
                .hasCount(1);

        page.getByLabel("Action").fill("retention.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page).hasURL(Pattern.compile("/settings/audit\\?action=retention\\.$"));
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("retention.update");
        assertThat(rows.first()).containsText("scores");
        page.reload();
        assertThat(page.getByLabel("Action")).hasValue("retention.");
        assertThat(rows).hasCount(1);

        Download download = page.waitForDownload(() -> page.locator("#audit-export-csv").click());
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("id,at,actor_kind,actor_id,actor_name,action,target_type,target_id,details");
        assertThat(csv.lines().count()).isEqualTo(2);
        assertThat(csv).contains("retention.update").doesNotContain("masking.update");
    }

    @Test
    void a_viewer_gets_the_apis_refusal_for_the_audit_log_and_reads_the_masking_rules(Page page) {
        FreshWorkspace ws = FreshWorkspace.create("viewer");
        Dashboard.logIn(page, ws.email(), ws.password());
        page.navigate("/settings/audit");
        assertThat(page.locator("#needs-admin")).containsText("The server refused:");
        assertThat(page.locator("#needs-admin")).containsText("admin");
        assertThat(page.locator("#audit-entries")).hasCount(0);

        page.navigate("/settings/masking");
        assertThat(page.locator("#masking-read-only")).hasText("Only workspace admins can change masking rules.");
        assertThat(page.locator("#masking-rules")).containsText("Payment card numbers");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save masking rules"))).hasCount(0);
        assertThat(page.locator("#masking-preview")).hasCount(0);
    }

    private static JsonNode get(String key, String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(Dashboard.server().url() + path))
                .header("Authorization", "Bearer " + key).GET().build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** PUT with the workspace's key; answers the body (any status). */
    private static String put(String key, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(Dashboard.server().url() + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build()).body();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
