package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The feedback page against the demo data: the figures are the API's for the range the page asked
 * for (mean, count, thumbs, groups, themes with their example comments, low-rated comments that open
 * their interaction); its parameters in the URL
 * are checked before use (a hostile score name is shown as text and not sent); an empty workspace
 * explains what to send.
 */
@ExtendWith(Dashboard.class)
class ITFeedbackPage {
    private static final NumberFormat INT = NumberFormat.getIntegerInstance(Locale.US);

    /** The first page of a run computes every analytics answer cold, on a machine shared with builds. */
    @BeforeAll
    static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Test
    void the_page_shows_the_demo_satisfaction_figures_and_themes_of_the_api(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/feedback");
        Locator mean = page.locator("[data-kpi=mean-rating]");
        assertThat(mean.locator(".kpi-value")).hasText(Pattern.compile("^\\d"));
        Locator head = page.locator(".page-head[data-from]");
        JsonNode f = Dashboard.server().get("/api/v1/analytics/feedback?score=user_rating&interval=day&group_by=agent&themes=10"
                + "&from=" + encode(head.getAttribute("data-from")) + "&to=" + encode(head.getAttribute("data-to")));
        assertThat(f.get("count").asLong()).isPositive();

        assertThat(Double.parseDouble(mean.getAttribute("data-value"))).isEqualTo(f.get("mean").asDouble());
        assertThat(page.locator("[data-kpi=score-count] .kpi-value")).hasText(INT.format(f.get("count").asLong()));
        assertThat(page.locator("#thumbs [data-thumbs=up]")).hasText(INT.format(f.get("thumbs").get("up").asLong()));
        assertThat(page.locator("#thumbs [data-thumbs=down]")).hasText(INT.format(f.get("thumbs").get("down").asLong()));
        assertThat(page.locator("#feedback-trend-direction .badge"))
                .hasText(f.get("over_time").get("trend").get("direction").asString());
        assertThat(page.locator("#feedback-chart canvas")).isVisible();
        assertThat(page.locator("#feedback-distribution-chart canvas")).isVisible();

        JsonNode groups = f.get("groups");
        assertThat(page.locator("#feedback-groups tbody tr")).hasCount(groups.size());
        String firstAgent = groups.get(0).get("key").asString();
        assertThat(page.locator("#feedback-groups tbody tr").first().locator("a"))
                .hasAttribute("href", "/agents/" + firstAgent);

        JsonNode common = f.get("themes").get("common").get(0);
        Locator term = page.locator("#feedback-themes [data-term=\"" + common.get("term").asString() + "\"]").first();
        assertThat(term).containsText(INT.format(common.get("comments").asLong()) + " comments");
        assertThat(term.locator(".term-examples li").first()).hasText("“" + common.get("examples").get(0).asString() + "”");
        JsonNode low = f.get("themes").get("low_rated");
        assertThat(low.size()).isPositive();
        Locator lowList = page.locator("#feedback-themes section[aria-label=\"In low-rated comments\"]");
        assertThat(lowList.locator(".term")).hasCount(low.size());
        assertThat(lowList.locator(".term").first()).containsText(low.get(0).get("term").asString());

        JsonNode examples = f.get("low_rated_examples");
        assertThat(examples.size()).isPositive();
        Locator firstExample = page.locator("#feedback-low-rated tbody tr").first();
        assertThat(page.locator("#feedback-low-rated tbody tr")).hasCount(examples.size());
        String traceId = examples.get(0).get("trace_id").asString();
        assertThat(firstExample).containsText(examples.get(0).get("comment").asString());
        firstExample.locator("a").click();
        assertThat(page).hasURL(Dashboard.server().url() + "/interactions/" + traceId);
    }

    @Test
    void grouping_by_tag_is_kept_in_the_url_and_shows_the_tags(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/feedback");
        assertThat(page.locator("#feedback-groups h2")).hasText("By agent");
        page.getByLabel("Group by").selectOption("tag");
        assertThat(page).hasURL(Pattern.compile("/feedback\\?group_by=tag$"));
        assertThat(page.locator("#feedback-groups h2")).hasText("By tag");
        assertThat(page.locator("#feedback-groups tbody tr").first()).isVisible();
    }

    @Test
    void a_hostile_or_wrong_score_name_in_the_url_is_shown_as_text_and_not_used(Page page) {
        Dashboard.logInAsAdmin(page);
        String hostile = "<img src=x onerror=alert(1)>";
        page.navigate("/feedback?score=" + encode(hostile) + "&group_by=" + encode("metadata.x'; drop"));
        assertThat(page.locator(".page-head .field-error")).containsText("“" + hostile + "” is not a score name");
        assertThat(page.locator(".page-head img")).hasCount(0);
        assertThat(page.locator(".page-head code")).hasText("user_rating");
        assertThat(page.locator("#feedback-groups h2")).hasText("By agent");
        assertThat(page.locator("[data-kpi=mean-rating]")).isVisible();

        page.getByLabel("Score name").fill("a".repeat(65));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page.locator(".page-head .field-error")).hasText("A score name is 1-64 letters, digits and _ . : -");

        page.getByLabel("Score name").fill("no_such_score");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(page).hasURL(Pattern.compile("score=no_such_score"));
        assertThat(page.locator("#feedback-summary")).containsText("No “no_such_score” scores in this range");
    }

    @Test
    void an_empty_workspace_explains_what_feedback_to_send(Page page) {
        FreshWorkspace fresh = FreshWorkspace.create("viewer");
        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/feedback?range=90d");
        assertThat(page.locator("#feedback-summary")).containsText("No “user_rating” scores in this range");
        assertThat(page.locator("#feedback-summary")).containsText("What to send");
        assertThat(page.locator("#feedback-thumbs")).containsText("No thumbs in this range");
        assertThat(page.locator("#feedback-themes")).containsText("No comments in this range");
        assertThat(page.locator("#feedback-low-rated")).containsText("No comments in this range");
        assertThat(page.locator(".state.error")).hasCount(0);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
