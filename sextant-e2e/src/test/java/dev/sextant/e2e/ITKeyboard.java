package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard without a mouse: log in, skip to the content, move between pages, open an interaction. */
@ExtendWith(Dashboard.class)
class ITKeyboard {

    /** Presses Tab until the focused element's text is {@code text} (at most 80 times). */
    private static void tabTo(Page page, String text) {
        for (int i = 0; i < 80; i++) {
            page.keyboard().press("Tab");
            Object focused = page.evaluate("() => (document.activeElement?.textContent || '').trim()");
            if (text.equals(focused)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached an element reading '" + text + "'");
    }

    @Test
    void log_in_and_move_around_with_the_keyboard_only(Page page) {
        page.navigate("/login");
        page.keyboard().type(Dashboard.ADMIN_EMAIL); // the email field has the focus
        page.keyboard().press("Tab");
        page.keyboard().type(Dashboard.ADMIN_PASSWORD);
        page.keyboard().press("Enter");
        page.waitForSelector("nav.side");

        page.keyboard().press("Tab");
        assertThat(page.evaluate("() => document.activeElement.textContent")).isEqualTo("Skip to content");
        page.keyboard().press("Enter");
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("main");

        tabTo(page, "Interactions");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile("/interactions$"));
        page.waitForSelector("table.data tbody tr a");
        page.locator("table.data tbody tr a").first().focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile("/interactions/[^/?]+"));
    }

    @Test
    void r_reloads_the_page_data_but_not_while_typing(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions");
        page.waitForSelector("table.data tbody tr");
        int[] apiCalls = {0};
        page.onRequest(r -> {
            if (r.url().contains("/api/v1/interactions")) {
                apiCalls[0]++;
            }
        });
        page.locator("body").press("r");
        page.waitForCondition(() -> apiCalls[0] > 0);
        assertThat(apiCalls[0]).isPositive();
    }
}
