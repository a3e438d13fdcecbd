package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.testing.RealServer;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.RequestOptions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings → Retention: an admin changes a period and it is still there after a reload; a bad
 * value is refused at its field and changes nothing; a viewer only reads. (The traces period is
 * only ever lengthened here, to ten years: the shared demo data loses nothing.)
 */
@ExtendWith(Dashboard.class)
class ITRetentionSettings {

    @Test
    void an_admin_changes_the_traces_period_and_it_stays_after_a_reload(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/settings/retention");
        page.locator("#retention-traces").waitFor(); // the context's 15 s: the first page of a run may be slow
        // labelled by its kind and "Days" (aria-labelledby), as a screen reader announces it
        var traces = page.getByRole(AriaRole.SPINBUTTON, new Page.GetByRoleOptions().setName("Traces and spans Days"));
        assertThat(traces).isEnabled();
        traces.fill("3650");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save retention")).click();
        assertThat(page.locator("#retention-periods [role=status]")).hasText("Saved.");

        page.reload();
        assertThat(page.locator("#retention-traces")).hasValue("3650");
        assertThat(page.locator("#retention-next-run")).containsText("Next scheduled run");
        // training metrics are the fourth kind, with the server's default (kept forever)
        assertThat(page.locator("#retention-periods [data-kind=training_metrics]")).containsText("Training metrics");
        assertThat(page.locator("#retention-training_metrics")).isDisabled();
        assertThat(page.locator("#retention-periods [data-kind=training_metrics]")).containsText("Server default: keep forever");
        RealServer.Answer api = Dashboard.server().fetch("/api/v1/retention");
        assertThat(api.body().get("policies").get(0).get("days").asInt()).isEqualTo(3650);
    }

    @Test
    void a_bad_value_is_refused_at_its_field_and_changes_nothing(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/settings/retention");
        page.locator("#retention-traces").waitFor();
        String before = Dashboard.server().fetch("/api/v1/retention").body().get("policies").get(0).get("days").toString();
        page.locator("#retention-traces").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save retention")).click();

        assertThat(page.locator("#retention-traces-error"))
                .hasText("traces must be between 1 and 36500 days (or null to keep forever), was 0");
        assertThat(page.locator("#retention-traces")).hasAttribute("aria-invalid", "true");
        String after = Dashboard.server().fetch("/api/v1/retention").body().get("policies").get(0).get("days").toString();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_viewer_reads_the_periods_but_cannot_change_or_run_them(Page page) {
        // a workspace of its own, so the shared default workspace's members stay as they are
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        JsonNode workspace = post(page, RealServer.KEY, "/api/v1/workspaces",
                "{\"slug\": \"retention-" + suffix + "\", \"name\": \"Retention " + suffix + "\"}");
        String adminKey = workspace.get("admin_key").get("secret").asString();
        String email = "retention-viewer-" + suffix + "@e2e.sextant.test";
        post(page, adminKey, "/api/v1/members",
                "{\"email\": \"" + email + "\", \"role\": \"viewer\", \"password\": \"viewer-password-1\"}");
        Dashboard.logIn(page, email, "viewer-password-1");
        page.navigate("/settings/retention");
        page.locator("#retention-periods [data-days=traces]").waitFor();

        assertThat(page.locator("#retention-periods [data-days=traces]")).isVisible();
        assertThat(page.locator("#retention-periods")).containsText("Only workspace admins can change retention periods.");
        assertThat(page.locator("#retention-traces")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run now"))).hasCount(0);
    }

    private static JsonNode post(Page page, String key, String path, String json) {
        APIResponse r = page.request().post(path, RequestOptions.create().setHeader("Authorization", "Bearer " + key)
                .setHeader("Content-Type", "application/json").setData(json));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(r.text());
    }
}
