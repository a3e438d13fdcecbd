package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.sextant.e2e.ITSettings.newUser;
import static dev.sextant.e2e.ITSettings.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.sextant.testing.RealServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What viewers and members see and may do on the alerts and settings pages; another workspace stays out of sight. */
@ExtendWith(Dashboard.class)
class ITRoles {

    private static String rule(String name) {
        RealServer.Answer created = Dashboard.server().post("/api/v1/alert-rules", "{\"name\": \"" + name
                + "\", \"metric\": \"interactions\", \"enabled\": false, \"condition\": {\"type\": \"threshold\", \"op\": \"<\", \"value\": 1}}");
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    @Test
    void a_viewer_cannot_reach_admin_pages_and_sees_no_buttons_that_change_things(Page page) {
        String ruleName = unique("viewer-sees");
        rule(ruleName);
        String email = newUser("viewer", "viewer-password-1");
        Dashboard.logIn(page, email, "viewer-password-1");

        page.navigate("/settings");
        assertThat(page.locator(".settings-nav a")).hasText(new String[] {"Model prices", "Retention", "Account"});
        assertThat(page.locator(".settings-nav a[aria-current=page]")).hasText("Account");
        assertThat(page.locator("#account-facts [data-fact=role]")).hasText("viewer");

        for (String section : new String[] {"keys", "members"}) {
            page.navigate("/settings/" + section);
            assertThat(page.locator("#needs-admin")).containsText("This section needs the admin role. Your role in this workspace is viewer.");
            assertThat(page.locator("#settings-section table")).hasCount(0);
        }
        assertThat(page.request().get("/api/v1/api-keys").status()).isEqualTo(403);
        assertThat(page.request().get("/api/v1/members").status()).isEqualTo(403);

        page.navigate("/settings/prices");
        assertThat(page.locator("#price-catalog tbody tr").first()).isVisible();
        assertThat(page.locator("#add-override")).hasCount(0);
        assertThat(page.locator("#price-catalog button")).hasCount(0);

        page.navigate("/alerts");
        assertThat(page.locator("#alert-rules")).containsText(ruleName);
        assertThat(page.locator("#read-only-note")).isVisible();
        assertThat(page.locator("#new-rule")).hasCount(0);
        assertThat(page.getByLabel("Edit rule " + ruleName)).hasCount(0);
        assertThat(page.getByLabel("Delete rule " + ruleName)).hasCount(0);
        assertThat(page.locator("#new-webhook")).hasCount(0);
        assertThat(page.locator("#webhooks")).containsText("needs a member or admin role");
        assertThat(page.locator("#alert-history button", new Page.LocatorOptions().setHasText("Acknowledge"))).hasCount(0);
        // testing reads only: a viewer may
        page.getByLabel("Test rule " + ruleName).click();
        assertThat(page.locator("dialog[data-testid=rule-test] #test-reason")).containsText("interactions");
    }

    @Test
    void a_member_edits_alert_rules_but_not_keys_or_members(Page page) {
        String ruleName = unique("member-edits");
        rule(ruleName);
        String email = newUser("member", "member-password-1");
        Dashboard.logIn(page, email, "member-password-1");

        page.navigate("/alerts");
        assertThat(page.locator("#new-rule")).isVisible();
        page.getByLabel("Edit rule " + ruleName).click();
        page.locator("dialog[open]").getByLabel("Threshold").fill("2");
        ITSettings.button(page.locator("dialog[open]"), "Save rule").click();
        assertThat(page.locator("dialog[open]")).hasCount(0);
        assertThat(page.locator("#alert-rules tr", new Page.LocatorOptions().setHasText(ruleName))).containsText("< 2");
        assertThat(page.locator("#new-webhook")).isVisible();

        page.navigate("/settings");
        assertThat(page.locator(".settings-nav a")).hasText(new String[] {"Model prices", "Retention", "Account"});
        page.navigate("/settings/keys");
        assertThat(page.locator("#needs-admin")).containsText("Your role in this workspace is member");
        assertThat(page.request().get("/api/v1/api-keys").status()).isEqualTo(403);
        page.navigate("/settings/prices");
        assertThat(page.locator("#add-override")).isVisible();
    }

    @Test
    void another_workspaces_rules_and_webhooks_stay_out_of_sight_whatever_the_url(Page page) {
        String slug = unique("other-alerts");
        RealServer.Answer ws = Dashboard.server().post("/api/v1/workspaces", "{\"slug\": \"" + slug + "\", \"name\": \"Other\"}");
        assertThat(ws.status()).isEqualTo(201);
        String otherKey = ws.body().get("admin_key").get("secret").asString();
        String secretName = unique("other-secret-rule");
        String otherRule = createWithKey(otherKey, "/api/v1/alert-rules", "{\"name\": \"" + secretName
                + "\", \"metric\": \"cost\", \"enabled\": false, \"condition\": {\"type\": \"threshold\", \"op\": \">\", \"value\": 1}}");
        String otherHook = createWithKey(otherKey, "/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:9/" + secretName + "\"}");

        Dashboard.logInAsAdmin(page);
        page.navigate("/alerts?rule_id=" + otherRule);
        assertThat(page.locator("#alert-history")).containsText("No alerts match this filter.");
        assertThat(page.locator("body")).not().containsText(secretName);
        assertThat(page.request().get("/api/v1/alert-rules/" + otherRule).status()).isEqualTo(404);
        assertThat(page.request().post("/api/v1/alert-rules/" + otherRule + "/test",
                RequestOptions.create().setHeader("X-Sextant-Request", "1")).status()).isEqualTo(404);
        assertThat(page).hasURL(Pattern.compile("/alerts\\?rule_id="));
        assertThat(page.request().get("/api/v1/webhooks/" + otherHook + "/deliveries").status()).isEqualTo(404);
        page.navigate("/alerts");
        assertThat(page.locator("#webhooks .card-body .state.loading")).hasCount(0);
        assertThat(page.locator("body")).not().containsText(secretName);
    }

    /** POST with another workspace's key; the created record's id. */
    private static String createWithKey(String key, String path, String json) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(Dashboard.server().url() + path))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            String body = response.body();
            int at = body.indexOf("\"id\":\"") + 6;
            return body.substring(at, body.indexOf('"', at));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
