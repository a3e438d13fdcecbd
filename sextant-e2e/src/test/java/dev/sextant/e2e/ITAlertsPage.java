package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.sextant.e2e.ITSettings.button;
import static dev.sextant.e2e.ITSettings.dialog;
import static dev.sextant.e2e.ITSettings.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Duration;
import org.awaitility.Awaitility;
import dev.sextant.testing.RealServer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The alerts page: rules created, refused, tested, edited and deleted through the dialog; history; webhooks. */
@ExtendWith(Dashboard.class)
class ITAlertsPage {

    private static Locator ruleRow(Page page, String name) {
        return page.locator("#alert-rules tr", new Page.LocatorOptions().setHasText(name));
    }

    @Test
    void a_rule_is_created_through_the_dialog_after_a_bad_threshold_is_refused_inline_then_tested(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/alerts");
        String name = unique("e2e-rule");
        page.locator("#new-rule").click();
        Locator d = dialog(page);
        d.getByLabel("Name").fill(name);
        d.getByLabel("Metric").selectOption("error_rate");
        d.getByLabel("Threshold").fill("a lot");
        d.getByLabel("Filter (optional)").fill("agent_id=support-bot");
        button(d, "Create rule").click();
        assertThat(d.locator("[data-field='condition.value'] .field-error")).containsText("must be a number, was 'a lot'");
        assertThat(d.getByLabel("Threshold")).hasAttribute("aria-invalid", "true");
        assertThat(page.request().get("/api/v1/alert-rules").text()).doesNotContain(name);

        d.getByLabel("Threshold").fill("");
        button(d, "Create rule").click();
        assertThat(d.locator("[data-field='condition.value'] .field-error")).containsText("condition.value is required");

        d.getByLabel("Threshold").fill("0.25");
        d.getByLabel("Window").fill("2h");
        d.getByLabel("Severity").selectOption("critical");
        button(d, "Create rule").click();
        assertThat(dialog(page)).hasCount(0);
        Locator row = ruleRow(page, name);
        assertThat(row).containsText("> 0.25");
        assertThat(row).containsText("agent_id=support-bot");
        assertThat(row).containsText("2h");
        assertThat(row).containsText("critical");

        page.getByLabel("Test rule " + name).click();
        Locator test = page.locator("dialog[data-testid=rule-test]");
        assertThat(test.locator("#test-reason")).containsText("error_rate");
        assertThat(test.locator("#test-would-do")).containsText("The scheduler would");
        assertThat(test).containsText("testing changes nothing");
        button(test, "Close").click();
        assertThat(test).hasCount(0);

        page.getByLabel("Delete rule " + name).click();
        button(dialog(page), "Delete").click();
        assertThat(ruleRow(page, name)).hasCount(0);
    }

    @Test
    void a_firing_alert_links_to_what_fired_and_is_acknowledged(Page page) {
        String name = unique("e2e-fires");
        // zero traffic is a value: "interactions >= 0" holds on the scheduler's next round
        RealServer.Answer created = Dashboard.server().post("/api/v1/alert-rules", "{\"name\": \"" + name
                + "\", \"metric\": \"interactions\", \"window\": \"1m\", \"filter\": {\"agent_id\": \"" + name + "\"},"
                + " \"condition\": {\"type\": \"threshold\", \"op\": \">=\", \"value\": 0}}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() ->
                    Dashboard.server().fetch("/api/v1/alerts?status=firing&rule_id=" + id).body().get("items").size() == 1);
            Dashboard.logInAsAdmin(page);
            page.navigate("/alerts?rule_id=" + id);
            Locator row = page.locator("#alert-history tbody tr").first();
            assertThat(row).containsText("firing");
            assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)))
                    .hasAttribute("href", "/alerts?rule_id=" + id);
            assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("interactions").setExact(true)))
                    .hasAttribute("href", Pattern.compile("^/interactions\\?agent_id=" + name + "&from=.+&to=.+"));
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge " + name)).click();
            assertThat(page.locator(".notice")).containsText("Acknowledged");
            assertThat(page.locator("#alert-history tbody tr").first()).containsText("acknowledged");
            assertThat(page.locator("#alert-history tbody tr").first()).containsText(Dashboard.ADMIN_EMAIL);
            assertThat(Dashboard.server().fetch("/api/v1/alerts?status=acknowledged&rule_id=" + id).body().get("items").get(0)
                    .get("acknowledged_by").asString()).startsWith("user " + Dashboard.ADMIN_EMAIL + " (usr_");
            assertThat(page.locator("#alert-history button", new Page.LocatorOptions().setHasText("Acknowledge"))).hasCount(0);
        } finally {
            // deleting the rule resolves its alert, so no other test sees it firing
            page.request().delete("/api/v1/alert-rules/" + id, RequestOptions.create()
                    .setHeader("Authorization", "Bearer " + RealServer.KEY));
        }
        assertThat(Dashboard.server().fetch("/api/v1/alert-rules/" + id).status()).isEqualTo(404);
    }

    @Test
    void a_rule_is_edited_with_every_field_kept_and_deleted_after_confirmation(Page page) {
        String name = unique("e2e-edit");
        RealServer.Answer created = Dashboard.server().post("/api/v1/alert-rules", "{\"name\": \"" + name
                + "\", \"metric\": \"latency_p95\", \"window\": \"30m\", \"filter\": {\"model\": \"gpt-4o\"},"
                + " \"condition\": {\"type\": \"anomaly\", \"direction\": \"up\", \"sensitivity\": 4}, \"min_samples\": 7}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        Dashboard.logInAsAdmin(page);
        page.navigate("/alerts");
        assertThat(ruleRow(page, name)).containsText("anomaly, up, sensitivity 4");

        page.getByLabel("Edit rule " + name).click();
        Locator d = dialog(page);
        assertThat(d.getByLabel("Type")).hasValue("anomaly");
        assertThat(d.getByLabel("Sensitivity")).hasValue("4");
        assertThat(d.getByLabel("Minimum samples")).hasValue("7");
        d.getByLabel("Sensitivity").fill("25");
        button(d, "Save rule").click();
        assertThat(d.locator("[data-field='condition.sensitivity'] .field-error")).containsText("between 1 and 20");
        d.getByLabel("Sensitivity").fill("5");
        d.getByLabel("Enabled").selectOption("false");
        button(d, "Save rule").click();
        assertThat(dialog(page)).hasCount(0);
        assertThat(ruleRow(page, name)).containsText("sensitivity 5");
        assertThat(ruleRow(page, name)).containsText("disabled");
        RealServer.Answer stored = Dashboard.server().fetch("/api/v1/alert-rules/" + id);
        assertThat(stored.body().get("window").asString()).isEqualTo("30m");
        assertThat(stored.body().get("filter").get("model").asString()).isEqualTo("gpt-4o");
        assertThat(stored.body().get("min_samples").asLong()).isEqualTo(7);

        page.getByLabel("Delete rule " + name).click();
        assertThat(dialog(page)).containsText("Its alert history stays");
        button(dialog(page), "Delete").click();
        assertThat(ruleRow(page, name)).hasCount(0);
        assertThat(Dashboard.server().fetch("/api/v1/alert-rules/" + id).status()).isEqualTo(404);
    }

    @Test
    void the_history_filters_by_status_in_the_url(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/alerts");
        page.getByLabel("Status").selectOption("resolved");
        assertThat(page).hasURL(Pattern.compile("/alerts\\?status=resolved$"));
        assertThat(page.getByLabel("Status")).hasValue("resolved");
        assertThat(page.locator("#alert-history tbody")).not().containsText("firing");
        // a hostile status in the URL is not sent on: all alerts are listed instead
        page.navigate("/alerts?status=%3Cscript%3E");
        assertThat(page.getByLabel("Status")).hasValue("");
        assertThat(page.locator("#alert-history .state.error")).hasCount(0);
    }

    @Test
    void a_webhook_is_refused_for_a_bad_url_then_created_with_its_secret_shown_once_and_deleted(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/alerts");
        page.locator("#new-webhook").click();
        Locator d = dialog(page);
        d.getByLabel("URL").fill("javascript:alert(1)");
        button(d, "Create webhook").click();
        assertThat(d.locator("[data-field=url] .field-error")).isVisible();
        String url = "http://127.0.0.1:9/" + unique("hook");
        d.getByLabel("URL").fill(url);
        button(d, "Create webhook").click();
        assertThat(page.locator("#webhook-secret")).hasText(Pattern.compile("^whsec_[0-9a-f]{48}$"));
        String secret = page.locator("#webhook-secret").textContent();
        button(dialog(page), "Done").click();
        assertThat(page.locator("#webhooks")).containsText(url);
        assertThat(page.locator("body")).not().containsText(secret);

        page.getByLabel("Deliveries of " + url).click();
        assertThat(page.locator("#deliveries")).containsText("No deliveries yet");

        page.getByLabel("Delete webhook " + url).click();
        button(dialog(page), "Delete").click();
        assertThat(page.locator("#webhooks")).not().containsText(url);
    }
}
