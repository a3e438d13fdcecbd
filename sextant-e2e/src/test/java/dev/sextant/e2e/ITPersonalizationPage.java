package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The personalization page: the demo's support-bot shows the segments and users the API computes,
 * the agent with the most users is picked first, the users table pages by the API's cursor; in a
 * workspace of a few users the page says why there are no segments, shows a planted declining
 * trend, and keeps a hostile user id as text.
 */
@ExtendWith(Dashboard.class)
class ITPersonalizationPage {
    private static final String HOSTILE = "<img src=x onerror=window.__xss=1>";

    @BeforeAll
    static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Test
    void the_demo_support_bot_shows_the_apis_segments_and_users(Page page) {
        JsonNode segments = Dashboard.server().get("/api/v1/analytics/personalization/segments?agent_id=support-bot");
        assertThat(segments.get("segments").size()).as("the demo's support-bot forms segments: %s", segments).isPositive();
        JsonNode users = Dashboard.server().get("/api/v1/analytics/personalization/users?agent_id=support-bot&limit=50");

        Dashboard.logInAsAdmin(page);
        page.navigate("/personalization?agent=support-bot");
        Locator cards = page.locator("#segments .segment");
        assertThat(cards).hasCount(segments.get("segments").size());
        for (int i = 0; i < segments.get("segments").size(); i++) {
            JsonNode s = segments.get("segments").get(i);
            assertThat(cards.nth(i).locator("h3")).hasText(s.get("name").asString());
            assertThat(cards.nth(i).locator(".recommendations li")).hasCount(s.get("recommendations").size());
        }
        assertThat(page.locator("#segments-summary")).containsText(segments.get("users").asString() + " users of support-bot");

        Locator rows = page.locator("#users-table tbody tr");
        assertThat(rows).hasCount(users.get("users").size());
        JsonNode first = users.get("users").get(0);
        assertThat(rows.first().locator(".user-id")).hasText(first.get("user_id").asString());
        assertThat(rows.first().locator("[data-trend]")).hasAttribute("data-trend", first.get("trend").asString());

        String next = users.get("next_cursor").isNull() ? null : users.get("next_cursor").asString();
        if (next != null) {
            JsonNode second = Dashboard.server().get("/api/v1/analytics/personalization/users?agent_id=support-bot&limit=50&cursor="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
            page.locator("#users a[rel=next]").click();
            assertThat(rows.first().locator(".user-id")).hasText(second.get("users").get(0).get("user_id").asString());
            assertThat(rows).hasCount(second.get("users").size());
        }
    }

    @Test
    void the_agent_with_the_most_users_is_chosen_first(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/personalization");
        Locator select = page.locator("#personalization-agent");
        assertThat(page.locator("#segments .card-body")).not().containsText("Loading");
        String chosen = select.inputValue();
        long chosenUsers = usersOf(chosen);
        for (String option : select.locator("option").all().stream().map(o -> o.getAttribute("value")).toList()) {
            if (!option.equals("*")) {
                assertThat(usersOf(option)).as("users of %s against the chosen %s", option, chosen).isLessThanOrEqualTo(chosenUsers);
            }
        }
        select.selectOption("*");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("agent=\\*|agent=%2A"));
        assertThat(page.locator("#segments-summary")).containsText("of all agents");
    }

    @Test
    void a_small_workspace_says_why_there_are_no_segments_shows_a_declining_trend_and_keeps_hostile_ids_as_text(Page page) {
        FreshWorkspace fresh = FreshWorkspace.create("viewer");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> items = new ArrayList<>();
        String[] users = {HOSTILE, "steady-user", "third-user"};
        for (int u = 0; u < users.length; u++) {
            for (int week = 0; week < 4; week++) {
                String trace = "pz-" + u + "-" + week;
                Instant at = now.minus(7L * (3 - week) + 1, ChronoUnit.DAYS);
                items.add("""
                        {"type": "trace", "body": {"id": "%s", "agent_id": "pz-bot", "user_id": "%s", "started_at": "%s"}}"""
                        .formatted(trace, users[u].replace("\"", "\\\""), at));
                int rating = u == 0 ? 5 - week : 4;
                items.add("""
                        {"type": "score", "body": {"id": "%s-r", "trace_id": "%s", "name": "user_rating", "value": %d}}"""
                        .formatted(trace, trace, rating));
            }
        }
        assertThat(fresh.ingest("{\"batch\": [" + String.join(",", items) + "]}")).isEqualTo(200);

        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/personalization");
        assertThat(page.locator("#personalization-agent")).hasValue("pz-bot");
        assertThat(page.locator("#segments")).containsText("No segments: segments need at least 10 users with interactions in the range, found 3.");
        Locator hostile = page.locator("#users-table tbody tr").filter(new Locator.FilterOptions().setHasText(HOSTILE));
        assertThat(hostile).hasCount(1);
        assertThat(hostile.locator("[data-trend]")).hasAttribute("data-trend", "declining");
        assertThat(hostile.locator("svg.sparkline")).isVisible();
        assertThat(page.locator("#users-table img")).hasCount(0);
        assertThat(page.locator("#users-table tbody tr").filter(new Locator.FilterOptions().setHasText("steady-user"))
                .locator("[data-trend]")).hasAttribute("data-trend", "stable");
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
        assertThat(page.locator("main .state.error")).hasCount(0);
        // a viewer's page has no write control: its only button finds a user
        assertThat(page.locator("main button")).hasText(new String[] {"Find"});

        page.getByLabel("User", new Page.GetByLabelOptions().setExact(true)).fill(HOSTILE);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
        assertThat(page.locator("#users-table tbody tr")).hasCount(1);
        assertThat(page.locator("#users-table .user-id")).hasText(HOSTILE);
        assertThat(page).hasURL(java.util.regex.Pattern.compile("user=%3Cimg"));
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void a_workspace_without_users_says_what_would_fill_the_page(Page page) {
        FreshWorkspace fresh = FreshWorkspace.create("admin");
        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/personalization");
        assertThat(page.locator("main")).containsText("No interaction with a user_id in the last 12 weeks");
        assertThat(page.locator("main .state.error")).hasCount(0);
    }

    private static long usersOf(String agent) {
        return Dashboard.server().get("/api/v1/analytics/personalization/users?limit=1&agent_id="
                + URLEncoder.encode(agent, StandardCharsets.UTF_8)).get("total").asLong();
    }
}
