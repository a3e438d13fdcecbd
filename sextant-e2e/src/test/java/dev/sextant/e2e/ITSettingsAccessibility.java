package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The alerts and settings pages, and their dialogs, against axe-core's WCAG 2 A and AA rules. */
@ExtendWith(Dashboard.class)
class ITSettingsAccessibility {

    private static void noViolations(Page page, String where, String scope) {
        AxeResults results = new AxeBuilder(page).include(List.of(scope)).withTags(List.of("wcag2a", "wcag2aa")).analyze();
        String found = results.getViolations().stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(found).as(where).isEmpty();
    }

    @Test
    void the_alerts_page_and_its_rule_dialog(Page page) {
        // badges of every colour: enabled (a condition that never holds), warning, critical
        assertThat(Dashboard.server().post("/api/v1/alert-rules", "{\"name\": \"" + ITSettings.unique("a11y-never")
                + "\", \"metric\": \"interactions\", \"condition\": {\"type\": \"threshold\", \"op\": \"<\", \"value\": 0}}")
                .status()).isEqualTo(201);
        assertThat(Dashboard.server().post("/api/v1/alert-rules", "{\"name\": \"" + ITSettings.unique("a11y-off")
                + "\", \"metric\": \"cost\", \"severity\": \"critical\", \"enabled\": false,"
                + " \"condition\": {\"type\": \"threshold\", \"op\": \">\", \"value\": 1}}").status()).isEqualTo(201);
        Dashboard.logInAsAdmin(page);
        page.navigate("/alerts");
        assertThat(page.locator("#alert-rules .badge.bad").first()).isVisible();
        assertThat(page.locator("#alert-history .state.loading")).hasCount(0);
        assertThat(page.locator("#webhooks .state.loading")).hasCount(0);
        noViolations(page, "/alerts", "#main");
        page.locator("#new-rule").click();
        ITSettings.button(ITSettings.dialog(page), "Create rule").click();
        assertThat(ITSettings.dialog(page).locator(".field-error").first()).isVisible();
        noViolations(page, "the rule dialog with errors", "dialog[open]");
    }

    @Test
    void every_settings_section(Page page) {
        Dashboard.logInAsAdmin(page);
        for (String section : new String[] {"keys", "members", "prices", "account"}) {
            page.navigate("/settings/" + section);
            assertThat(page.locator("#settings-section .card").first()).isVisible();
            assertThat(page.locator("#settings-section .state.loading")).hasCount(0);
            noViolations(page, "/settings/" + section, "#main");
        }
        page.navigate("/settings/keys");
        page.locator("#create-key").click();
        noViolations(page, "the create-key dialog", "dialog[open]");
    }
}
