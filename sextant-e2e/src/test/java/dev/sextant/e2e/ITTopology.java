package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.sextant.testing.RealServer;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The agent topology page on the demo: the campaign's calls and hand-off with the API's counts,
 * the graph drawn, agent links, the focus agent in the URL, and an empty workspace's explanation.
 */
@ExtendWith(Dashboard.class)
class ITTopology {
    // the demo covers 28 days, so the page's 30-day range holds all of it, as does this API window
    // (which leaves out anything other tests may have sent with old fixed dates)
    private static final String PAGE = "/topology?range=30d";

    private static JsonNode topology(String more) {
        Instant now = Instant.now();
        return Dashboard.server().get("/api/v1/analytics/topology?from=" + now.minus(Duration.ofDays(29))
                + "&to=" + now.plus(Duration.ofHours(1)) + more);
    }

    private static JsonNode edge(JsonNode topology, String source, String kind, String target) {
        for (JsonNode e : topology.get("edges")) {
            if (e.get("source").asString().equals(source) && e.get("kind").asString().equals(kind)
                    && e.get("target").asString().equals(target)) {
                return e;
            }
        }
        throw new AssertionError("the API has no " + kind + " edge " + source + " -> " + target + ": " + topology);
    }

    private static Locator row(Page page, String source, String kind, String target) {
        return page.locator("[data-testid=topology-edges] tr[data-edge='" + source + "|" + kind + "|" + target + "']");
    }

    @Test
    void the_campaigns_calls_and_hand_off_are_listed_with_the_apis_counts_and_drawn(Page page) {
        JsonNode topology = topology("");
        Dashboard.logInAsAdmin(page);
        page.navigate(PAGE);
        String orchestrator = "campaign-orchestrator";
        String[][] expected = {
            {orchestrator, "calls", "seo-agent"}, {orchestrator, "calls", "writer-agent"},
            {orchestrator, "calls", "editor-agent"}, {"writer-agent", "hands_off", "editor-agent"}};
        for (String[] e : expected) {
            long count = edge(topology, e[0], e[1], e[2]).get("count").asLong();
            assertThat(count).isPositive();
            Locator row = row(page, e[0], e[1], e[2]);
            assertThat(row.locator("td[data-col=count]")).hasText(NumberFormat.getIntegerInstance(Locale.US).format(count));
            assertThat(row).containsText(e[1].equals("calls") ? "calls" : "hands off to");
        }
        assertThat(page.locator("[data-testid=topology-edges] tbody tr")).hasCount(topology.get("edges").size());
        Locator canvas = page.locator("[data-testid=topology-graph] canvas").first();
        assertThat(canvas).isVisible();
        assertThat(canvas.boundingBox().width).isGreaterThan(400);
        assertThat(canvas.boundingBox().height).isGreaterThan(300);
        assertThat(page.locator(".topo-legend")).containsText("hands off (dashed)");
    }

    @Test
    void an_agent_link_opens_the_agent_page_and_the_focus_lives_in_the_url(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate(PAGE);
        page.locator("[data-testid=topology-agents] a", new Page.LocatorOptions().setHasText("seo-agent")).click();
        assertThat(page).hasURL(Pattern.compile("/agents/seo-agent\\?range=30d$"));

        page.navigate(PAGE);
        page.getByLabel("Focus on agent").selectOption("writer-agent");
        assertThat(page).hasURL(Pattern.compile("focus=writer-agent"));
        JsonNode focused = topology("&agent_id=writer-agent");
        assertThat(page.locator("[data-testid=topology-edges] tbody tr")).hasCount(focused.get("edges").size());
        assertThat(row(page, "campaign-orchestrator", "calls", "seo-agent")).hasCount(0);
        assertThat(row(page, "writer-agent", "hands_off", "editor-agent")).hasCount(1);
        // a hand-off target that never ran has no agent page to link to
        page.navigate(PAGE + "&focus=support-bot");
        assertThat(page.locator("[data-testid=topology-edges] tbody tr").first()).isVisible();
        assertThat(page.locator("[data-testid=topology-edges] a", new Page.LocatorOptions().setHasText("human:")))
                .hasCount(0);
    }

    @Test
    void an_empty_workspace_explains_what_to_send_and_never_shows_the_demos_agents(Page page) {
        RealServer server = Dashboard.server();
        String slug = "topo-empty-" + UUID.randomUUID().toString().substring(0, 8);
        RealServer.Answer created = server.post("/api/v1/workspaces", "{\"slug\": \"" + slug + "\", \"name\": \"Empty\"}");
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        String key = created.body().get("admin_key").get("secret").asString();
        String email = slug + "@e2e.sextant.test";
        APIResponse member = page.request().post(server.url() + "/api/v1/members", RequestOptions.create()
                .setHeader("Authorization", "Bearer " + key).setHeader("Content-Type", "application/json")
                .setData("{\"email\": \"" + email + "\", \"role\": \"viewer\", \"password\": \"topology-pass-1\"}"));
        assertThat(member.status()).as(member.text()).isEqualTo(201);

        Dashboard.logIn(page, email, "topology-pass-1");
        page.navigate(PAGE);
        assertThat(page.locator("#topology-graph-card")).containsText("No multi-agent traces");
        assertThat(page.locator("#topology-graph-card pre")).containsText("\"kind\": \"handoff\"");
        page.navigate(PAGE + "&focus=campaign-orchestrator");
        assertThat(page.locator("#topology-graph-card")).containsText("campaign-orchestrator neither calls");
        assertThat(page.locator("[data-testid=topology-edges]")).hasCount(0);
        assertThat(page.locator("#topology-agents-card")).containsText("No agents ran");
    }
}
