package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The explorer and the trace page (with its span panel, a refused filter, not found) against
 * axe-core's WCAG 2 A/AA rules, colour contrast included, in both colour schemes: any violation
 * fails, not only serious ones.
 */
@ExtendWith(Dashboard.class)
class ITExplorerAccessibility {

    private static void noViolations(Page page, String where) {
        List<String> found = new ArrayList<>();
        describe(new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa")).include(List.of("main")).analyze().getViolations(), found);
        assertThat(found).as(where).isEmpty();
    }

    private static void describe(List<Rule> violations, List<String> into) {
        for (Rule v : violations) {
            into.add(v.getId() + " (" + v.getHelp() + ") at " + v.getNodes().stream().limit(3)
                    .map(n -> n.getTarget() + ": " + n.getFailureSummary()).collect(Collectors.joining(" | ")));
        }
    }

    private static void pages(Page page) {
        page.navigate("/interactions?agent_id=support-bot");
        assertThat(page.locator("#ex-table tbody tr").first()).isVisible();
        assertThat(page.locator("#ex-summary")).containsText("interactions match");
        noViolations(page, "explorer");

        page.navigate("/interactions?min_confidence=2");
        assertThat(page.locator("#ex-results .state.error")).isVisible();
        noViolations(page, "explorer with a refused filter");

        String id = Dashboard.server().get("/api/v1/interactions?agent_id=support-bot&handoff=true&page_size=1").get("items").get(0).get("id").asString();
        page.navigate("/interactions/" + id);
        page.locator("#waterfall .wf-row").nth(1).click();
        assertThat(page.locator("#span-detail")).isVisible();
        noViolations(page, "trace page with the span panel");

        page.navigate("/interactions/no-such-trace");
        assertThat(page.locator("#trace-not-found")).isVisible();
        noViolations(page, "trace not found");
    }

    @Test
    void explorer_and_trace_pages_have_no_wcag_violations_in_light(Page page) {
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(com.microsoft.playwright.options.ColorScheme.LIGHT));
        Dashboard.logInAsAdmin(page);
        pages(page);
    }

    @Test
    void explorer_and_trace_pages_have_no_wcag_violations_in_dark(Page page) {
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(com.microsoft.playwright.options.ColorScheme.DARK));
        Dashboard.logInAsAdmin(page);
        pages(page);
    }
}
