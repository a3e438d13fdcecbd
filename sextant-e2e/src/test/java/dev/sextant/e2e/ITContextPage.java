package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The context page on the demo: relevance shows the planted outdated {@code refund-policy-v1}
 * document with a lift below 1 and its interval (as the page's own API answer says), correlations
 * show Spearman's rho per numeric type, patterns with lowered thresholds in the URL show the
 * refund-policy failure rule, and a bad threshold typed into a control shows the API's error text.
 */
@ExtendWith(Dashboard.class)
class ITContextPage {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Test
    void relevance_shows_the_outdated_refund_policy_with_a_lift_below_1_and_its_interval(Page page) {
        Dashboard.logInAsAdmin(page);
        Response answer = page.waitForResponse(r -> r.url().contains("/api/v1/context/relevance?"),
                () -> page.navigate("/context?range=30d&agent=support-bot"));
        assertThat(answer.url()).contains("agent_id=support-bot");
        JsonNode relevance = JSON.readTree(answer.text());
        assertThat(relevance.get("status").asString()).isEqualTo("ok");
        JsonNode refund = StreamSupport.stream(relevance.get("items").spliterator(), false)
                .filter(i -> i.get("type").asString().equals("retrieved_docs") && i.get("value").asString().equals("refund-policy-v1"))
                .findFirst().orElseThrow();
        assertThat(refund.get("lift").asDouble()).isLessThan(1);
        assertThat(refund.get("lift_high").asDouble()).as("the demo plants it clearly").isLessThan(1);

        Locator row = page.locator("#relevance-table tbody tr[data-type='retrieved_docs'][data-value='refund-policy-v1']");
        assertThat(row).hasCount(1);
        assertThat(row.locator(".lift-text")).hasText("%s [%s–%s]".formatted(ratio(refund.get("lift").asDouble()),
                ratio(refund.get("lift_low").asDouble()), ratio(refund.get("lift_high").asDouble())));
        assertThat(row.locator("svg.forest")).hasAttribute("data-side", "below");
        assertThat(row.locator("svg.forest")).hasAttribute("aria-label", Pattern.compile("entirely below 1"));
        assertThat(row).containsText("n = " + refund.get("count").asInt());
        assertThat(row).containsText(String.format(Locale.ROOT, "%.1f%%", refund.get("rate_with").asDouble() * 100));
        assertThat(page.locator("#relevance-summary")).containsText("items in at least 10 interactions");
        // the API's order (evidence) is kept: the first row is the API's first item
        JsonNode first = relevance.get("items").get(0);
        assertThat(page.locator("#relevance-table tbody tr").first()).hasAttribute("data-value", first.get("value").asString());

        assertThat(page.locator("#correlations-numeric tbody tr")).not().hasCount(0);
        assertThat(page.locator("#correlations-categorical tbody tr[data-value='refund-policy-v1'] [data-metric='success']"))
                .containsText("pp [");
        assertThat(page.locator("main .state.error")).hasCount(0);
        assertThat(page.locator("nav a[data-page='context']")).hasAttribute("aria-current", "page");
    }

    @Test
    void patterns_with_lowered_thresholds_in_the_url_show_the_refund_policy_rule(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/context?range=30d&min_confidence=0.05&min_support=0.005");
        Locator rule = page.locator("#patterns-table tbody tr[data-items='retrieved_docs=refund-policy-v1']");
        assertThat(rule).hasCount(1);
        assertThat(rule).hasAttribute("data-outcome", "failure");
        assertThat(rule.locator(".badge[data-outcome='failure']")).hasText("failure");
        assertThat(rule).containsText(Pattern.compile("\\d+\\.\\d%\\s*\\[\\d+\\.\\d%–\\d+\\.\\d%\\]"));
        assertThat(page.locator("#patterns-min-support")).hasValue("0.005");
        assertThat(page.locator("#patterns-min-confidence")).hasValue("0.05");
        assertThat(page.locator("#patterns-max-length")).hasValue("3");
        assertThat(page.locator("#patterns-summary")).containsText("min support 0.5%");
        assertThat(page.locator("#patterns-summary")).containsText("interactions analysed");
        assertThat(page.locator("main .state.error")).hasCount(0);
    }

    @Test
    void strict_defaults_say_how_to_find_patterns_and_a_bad_threshold_shows_the_apis_error(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/context?range=30d&min_confidence=0.99&min_support=0.9&outcome=failure");
        assertThat(page.locator("#patterns-none")).containsText("Lower the minimum support or the minimum confidence");
        assertThat(page.locator("#patterns-outcome")).hasValue("failure");

        page.locator("#patterns-min-support").fill("abc");
        page.locator("#patterns-controls button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile("min_support=abc"));
        assertThat(page.locator("#patterns-result .state.error"))
                .containsText("min_support must be a number greater than 0 and at most 1, was 'abc'");
        // the form stays to correct the value; the other blocks still load
        assertThat(page.locator("#patterns-min-support")).hasValue("abc");
        assertThat(page.locator("#relevance-table")).isVisible();

        page.locator("#context-min-count").fill("0");
        page.locator("#context-min-count").press("Enter");
        assertThat(page.locator("#context-relevance .state.error"))
                .containsText("min_count must be a whole number between 1 and 100000, was '0'");
    }

    @Test
    void a_range_without_enough_interactions_shows_the_apis_reason(Page page) {
        FreshWorkspace fresh = FreshWorkspace.create("viewer");
        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/context");
        assertThat(page.locator("#relevance-insufficient")).containsText("Not enough data for relevance:");
        assertThat(page.locator("#patterns-none")).containsText("No interaction in this range");
        assertThat(page.locator("main .state.error")).hasCount(0);
    }

    @Test
    void the_interaction_page_shows_the_interactions_context(Page page) {
        String id = Dashboard.server().get("/api/v1/interactions?agent_id=support-bot&page_size=1").get("items").get(0).get("id").asString();
        JsonNode context = Dashboard.server().get("/api/v1/interactions/" + id).get("context");
        assertThat(context.has("channel")).as("the demo's support turns carry context: %s", context).isTrue();
        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions/" + id);
        assertThat(page.locator("#trace-context .ex-chip[data-type='channel']"))
                .hasText("channel=" + context.get("channel").asString());
        page.locator("#trace-context a[href='/context']").click();
        assertThat(page).hasURL(Pattern.compile("/context$"));
        assertThat(page.locator("#context-relevance h2")).hasText("Relevance");
    }

    private static String ratio(double v) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(Locale.US);
        f.setMinimumFractionDigits(v >= 10 ? 1 : 2);
        f.setMaximumFractionDigits(v >= 10 ? 1 : 3);
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return f.format(v);
    }
}
