package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agents list and the per-agent page: demo agents, charts, unknown and hostile ids, other workspaces. */
@ExtendWith(Dashboard.class)
class ITAgents {
    @BeforeAll
    static void patient() {
        OverviewFixtures.patientAssertions(true);
    }

    @AfterAll
    static void usual() {
        OverviewFixtures.patientAssertions(false);
    }

    private static final List<String> DEMO_AGENTS = List.of("support-bot", "code-assistant", "campaign-orchestrator");

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void the_agents_page_lists_the_demo_agents_and_an_agent_opens_with_its_charts(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/agents?range=30d");
        for (String agent : DEMO_AGENTS) {
            Locator row = page.locator("#agents tr[data-agent='" + agent + "']");
            assertThat(row.locator("a[href='/agents/" + agent + "?range=30d']")).hasText(agent);
            assertThat(row.locator("td").nth(1)).hasText(Pattern.compile("^[1-9][0-9,]*$"));
        }
        assertThat(page.locator("[data-chart=agents-volume] canvas").first()).isVisible();
        assertThat(page.locator("[data-chart=agents-cost] canvas").first()).isVisible();

        assertThat(OverviewFixtures.accessibilityViolations(page)).isEmpty();
        page.locator("#agents a[href='/agents/support-bot?range=30d']").click();
        assertThat(page).hasURL(Pattern.compile("/agents/support-bot\\?range=30d$"));
        assertThat(page.locator("h1.agent-name")).hasText("support-bot");
        assertThat(page.locator("nav.side a[aria-current=page]")).hasText("Agents");
        assertThat(page.locator("[data-kpi=interactions] .kpi-value")).hasText(Pattern.compile("^[1-9][0-9,]*$"));
        for (String chart : List.of("interactions", "cost", "latency", "success", "tools")) {
            assertThat(page.locator("[data-chart=" + chart + "] canvas").first()).isVisible();
        }
        assertThat(page.locator("#tools table")).containsText("order_lookup");
        assertThat(page.locator("#decisions table")).containsText("route");
        assertThat(page.locator("#handoffs")).containsText("Hand-offs");
        assertThat(page.locator("#recent tbody tr").first().locator("a")).hasAttribute("href", Pattern.compile("^/interactions/demo-sup-"));
        assertThat(page.locator("a.btn[href='/interactions?agent_id=support-bot']")).isVisible();
        assertThat(page.locator(".state.error")).hasCount(0);
        assertThat(OverviewFixtures.accessibilityViolations(page)).isEmpty();
    }

    @Test
    void the_agent_figures_are_the_agent_analytics_of_the_range(Page page) {
        Dashboard.logInAsAdmin(page);
        List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if (r.url().contains("/api/v1/analytics/agents")) {
                requests.add(r.url());
            }
        });
        page.navigate("/agents?range=30d");
        Locator row = page.locator("#agents tr[data-agent='code-assistant']");
        assertThat(row.locator("td").nth(1)).hasText(Pattern.compile("^[1-9][0-9,]*$"));
        java.net.URI uri = java.net.URI.create(requests.getFirst());
        var answer = Dashboard.server().fetch(uri.getRawPath() + "?" + uri.getRawQuery());
        assertThat(answer.status()).isEqualTo(200);
        long executions = 0;
        for (var a : answer.body().get("agents")) {
            if ("code-assistant".equals(a.get("agent_id").asString())) {
                executions = a.get("executions").asLong();
            }
        }
        assertThat(Long.parseLong(row.locator("td").nth(1).textContent().replace(",", ""))).isEqualTo(executions).isPositive();
    }

    @Test
    void an_unknown_agent_says_there_is_no_data_for_it_in_this_workspace(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/agents/no-such-agent-e2e");
        assertThat(page.locator("[data-testid=unknown-agent]"))
                .containsText("No data for agent “no-such-agent-e2e” in this workspace.");
        assertThat(page.locator("[data-kpi]")).hasCount(0);
        assertThat(page.locator(".state.error")).hasCount(0);
    }

    @Test
    void another_workspaces_agent_is_unknown_in_both_directions(Page page) {
        OverviewFixtures.Workspace ws = OverviewFixtures.workspaceWithAdmin("e2e-agents-tenant");
        String own = "isolated-" + ws.slug();
        OverviewFixtures.ingest(ws, OverviewFixtures.trace(own + "-t1", own, Instant.now().minusSeconds(60)));
        String slashed = "team/" + own; // a path the server refuses: this agent links to its interactions
        OverviewFixtures.ingest(ws, OverviewFixtures.trace(own + "-t2", slashed, Instant.now().minusSeconds(60)));
        Dashboard.logInAsAdmin(page);

        // the default workspace has never heard of the other workspace's agent
        page.navigate("/agents/" + own);
        assertThat(page.locator("[data-testid=unknown-agent]")).containsText("No data for agent “" + own + "” in this workspace.");

        // in the other workspace: its own agent only; the demo's agents are unknown there
        OverviewFixtures.switchTo(page, ws);
        page.navigate("/agents");
        assertThat(page.locator("#agents tr[data-agent='" + own + "'] a")).hasAttribute("href", "/agents/" + own);
        assertThat(page.locator("#agents tr[data-agent='" + slashed + "'] a"))
                .hasAttribute("href", "/interactions?agent_id=" + segment(slashed));
        assertThat(page.locator("#agents tbody tr")).hasCount(2);
        page.navigate("/agents/support-bot?range=90d");
        assertThat(page.locator("[data-testid=unknown-agent]")).containsText("No data for agent “support-bot” in this workspace.");
        page.navigate("/agents/" + own);
        assertThat(page.locator("[data-kpi=interactions] .kpi-value")).hasText("1");
    }

    @Test
    void an_unknown_agents_page_shows_the_agent_live_when_its_first_interaction_arrives(Page page) {
        OverviewFixtures.Workspace ws = OverviewFixtures.workspaceWithAdmin("e2e-agent-live");
        String agent = "late-" + ws.slug();
        Dashboard.logInAsAdmin(page);
        OverviewFixtures.switchTo(page, ws);
        page.navigate("/agents/" + agent);
        assertThat(page.locator("[data-testid=unknown-agent]")).containsText("No data for agent “" + agent + "” in this workspace.");
        assertThat(page.locator("#freshness")).hasClass(Pattern.compile("\\blive\\b"));
        page.evaluate("() => { window.__sameDocument = true; }");

        OverviewFixtures.ingest(ws, OverviewFixtures.trace(agent + "-t1", agent, Instant.now().minusSeconds(2)));
        assertThat(page.locator("[data-kpi=interactions] .kpi-value")).hasText("1",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.locator("[data-testid=unknown-agent]")).hasCount(0);
        assertThat(page.evaluate("() => window.__sameDocument === true")).isEqualTo(true);
    }

    @Test
    void hostile_and_oversize_agent_ids_are_shown_as_text_or_refused_with_the_servers_reason(Page page) {
        Dashboard.logInAsAdmin(page);
        // (no "/", ";", "%" or "\\" in it: the server's firewall refuses those in a path, encoded or not, with a 400 of its own)
        String hostile = "<img src=x onerror=\"window.__pwned=1\"><svg onload='window.__pwned=2'> & é";
        page.navigate("/agents/" + segment(hostile));
        assertThat(page.locator("h1.agent-name")).hasText(hostile);
        assertThat(page.locator("[data-testid=unknown-agent]")).containsText("No data for agent “" + hostile + "”");
        assertThat(page.locator("main img, main svg")).hasCount(0);
        assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);

        String oversize = "a".repeat(1100);
        page.navigate("/agents/" + oversize);
        Locator error = page.locator("main .state.error");
        assertThat(error).containsText("Could not load: GET /api/v1/interactions");
        assertThat(error).containsText("agent_id is 1100 characters long, over the limit of 1024");
        assertThat(error.locator("button")).hasText("Retry");
        assertThat(page.locator("nav.side")).isVisible();

        // a wrong-type range falls back to the default and the page still works
        page.navigate("/agents/support-bot?range=12parsecs");
        assertThat(page.locator("#range")).hasValue("7d");
        assertThat(page.locator("h1.agent-name")).hasText("support-bot");
        assertThat(page.locator("[data-kpi=interactions] .kpi-value")).not().hasText("—");
    }
}
