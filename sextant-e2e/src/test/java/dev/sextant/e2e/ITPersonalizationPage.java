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
        assertThat(page.locator("#no-users")).containsText("No interaction with a user_id in the last 12 weeks");
        assertThat(page.locator("main .state.error")).hasCount(0);
    }

    @Test
    void customization_patterns_show_who_changed_configurations_as_the_api_counts(Page page) {
        FreshWorkspace fresh = FreshWorkspace.create("viewer");
        String created = send(fresh.key(), "POST", "/api/v1/configurations",
                "{\"id\": \"pz-config\", \"agent_id\": \"pz-bot\", \"content\": {\"behaviour\": {\"temperature\": 0.2, \"tone\": \"calm\"},"
                        + " \"interface\": {\"language\": \"en\"}}}");
        assertThat(created).contains("pz-config-v1");
        JsonNode answer = JSON.readTree(send(fresh.key(), "GET", "/api/v1/analytics/personalization/customizations", null));
        JsonNode key = java.util.stream.StreamSupport.stream(answer.get("patterns").spliterator(), false)
                .filter(p -> p.get("actor_kind").asString().equals("key")).findFirst().orElseThrow();

        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/personalization");
        assertThat(page.locator("#no-users")).containsText("No interaction with a user_id");
        Locator row = page.locator("#customizations tbody tr").filter(new Locator.FilterOptions().setHasText(key.get("actor").asString()));
        assertThat(row).hasCount(1);
        assertThat(row.locator("td").nth(1)).hasText(key.get("changes").asString());
        assertThat(row.locator(".badge")).hasText(key.get("user_type").asString().replace('_', ' '));
        assertThat(row.locator("td").nth(3)).hasText(key.get("primary_focus").asString());
        Locator member = page.locator("#customizations tbody tr").filter(new Locator.FilterOptions().setHasText(fresh.email()));
        assertThat(member.locator(".badge")).hasText("non customizer");
        assertThat(page.locator("main .state.error")).hasCount(0);
    }

    private static final tools.jackson.databind.ObjectMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** A request with a workspace's own key; the body of the answer. */
    private static String send(String key, String method, String path, String json) {
        try {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(Dashboard.server().url() + path)).header("Authorization", "Bearer " + key);
            request = json == null ? request.GET() : request.header("Content-Type", "application/json")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json));
            return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long usersOf(String agent) {
        return Dashboard.server().get("/api/v1/analytics/personalization/users?limit=1&agent_id="
                + URLEncoder.encode(agent, StandardCharsets.UTF_8)).get("total").asLong();
    }
}
