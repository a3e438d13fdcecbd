package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.sextant.testing.RealServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The interactions explorer: filters that live in the URL, opening a trace, deep paging with
 * cursors, and what a refused filter looks like. Traces this class ingests get unique agent ids
 * and start in 2025, so they stay out of the other tests' default time range.
 */
@ExtendWith(Dashboard.class)
class ITExplorer {
    private static final String OLD = "&from=2025-01-01T00:00:00Z&to=2025-12-31T00:00:00Z";

    /** A literal for a URL pattern: Playwright hands patterns to JavaScript, which knows no {@code \Q...\E}. */
    static String regex(String literal) {
        return literal.replaceAll("[.*+?^${}()|\\[\\]\\\\/-]", "\\\\$0");
    }

    private static Locator agentCells(Page page) {
        return page.locator("#ex-table tbody td.ex-agent");
    }

    /** The demo's agent with the fewest traces (several pages of them still). */
    private static String demoAgent() {
        JsonNode agents = Dashboard.server().get("/api/v1/analytics/agents?limit=1000").get("agents");
        assertThat(agents.size()).isGreaterThan(1);
        return agents.get(1).get("agent_id").asString();
    }

    @Test
    void filtering_by_agent_shows_only_its_rows_keeps_the_filter_in_the_url_and_survives_a_reload(Page page) {
        String agent = demoAgent();
        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions");
        assertThat(agentCells(page).first()).isVisible();
        page.getByLabel("Agent").fill(agent);
        page.locator("#ex-apply").click();

        assertThat(page).hasURL(Pattern.compile("/interactions\\?agent_id=" + regex(agent) + "$"));
        assertThat(agentCells(page).first()).hasText(agent);
        assertThat(agentCells(page).filter(new Locator.FilterOptions().setHasNotText(agent))).hasCount(0);
        assertThat(page.locator("#ex-summary")).containsText("interactions match");

        page.reload();
        assertThat(page.getByLabel("Agent")).hasValue(agent);
        assertThat(agentCells(page).first()).hasText(agent);
        assertThat(agentCells(page).filter(new Locator.FilterOptions().setHasNotText(agent))).hasCount(0);

        page.goBack();
        assertThat(page).hasURL(Pattern.compile("/interactions$"));
        assertThat(page.getByLabel("Agent")).hasValue("");
    }

    @Test
    void status_and_hand_off_selects_filter_at_once_and_clear_removes_every_filter(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions");
        page.getByLabel("Status").selectOption("error");
        assertThat(page).hasURL(Pattern.compile("status=error"));
        assertThat(page.locator("#ex-table tbody .badge").first()).hasText("error");
        assertThat(page.locator("#ex-table tbody tr").filter(new Locator.FilterOptions().setHasNotText("error"))).hasCount(0);
        page.getByLabel("Hand-off").selectOption("true");
        assertThat(page).hasURL(Pattern.compile("handoff=true"));
        page.locator("#ex-clear").click();
        assertThat(page).hasURL(Pattern.compile("/interactions$"));
        assertThat(page.getByLabel("Status")).hasValue("");
    }

    @Test
    void a_row_opens_the_trace_with_its_waterfall_and_a_span_panel_by_mouse_and_keyboard(Page page) {
        String id = Dashboard.server().get("/api/v1/interactions?agent_id=support-bot&page_size=1").get("items").get(0).get("id").asString();
        JsonNode trace = Dashboard.server().interaction(id);
        JsonNode llm = null;
        for (JsonNode s : trace.get("spans")) {
            if ("llm".equals(s.get("kind").asString())) {
                llm = s;
                break;
            }
        }
        assertThat(llm).as("a demo support-bot trace has an LLM span").isNotNull();

        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions?agent_id=support-bot");
        page.locator("#ex-table tbody tr[data-id='" + id + "'] a").click();
        assertThat(page).hasURL(Pattern.compile("/interactions/" + regex(id) + "$"));
        assertThat(page.locator("[data-kpi=agent]")).containsText("support-bot");
        assertThat(page.locator("#trace-input pre")).hasText(trace.get("input").asString());
        assertThat(page.locator("#waterfall .wf-row")).hasCount(trace.get("spans").size());
        assertThat(page.locator("#wf-count")).hasText(trace.get("spans").size() + " spans");

        page.locator("#waterfall .wf-row[data-span-id='" + llm.get("id").asString() + "']").click();
        Locator panel = page.locator("#span-detail");
        assertThat(panel).isVisible();
        assertThat(panel).containsText("LLM call");
        assertThat(panel).containsText(llm.get("model").asString());
        assertThat(panel).containsText(llm.get("cost_source").asString());
        assertThat(page).hasURL(Pattern.compile("span=" + regex(llm.get("id").asString())));

        // keyboard: Home goes to the root, Enter opens it; Escape closes the panel
        page.keyboard().press("Home");
        page.keyboard().press("Enter");
        assertThat(page.locator("#span-detail-name")).hasText(trace.get("spans").get(0).get("name").asString());
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Enter");
        assertThat(page.locator("#span-detail-name")).not().hasText(trace.get("spans").get(0).get("name").asString());
        page.keyboard().press("Escape");
        assertThat(panel).isHidden();

        // collapsing the root hides its subtree
        page.locator("#waterfall .wf-row").first().locator(".wf-toggle").click();
        assertThat(page.locator("#waterfall .wf-row")).hasCount(1);
        page.locator("#wf-expand-all").click();
        assertThat(page.locator("#waterfall .wf-row")).hasCount(trace.get("spans").size());

        // the user link leads to the list filtered by that user
        page.locator("#trace-meta a", new Page.LocatorOptions().setHasText(trace.get("user_id").asString())).first().click();
        assertThat(page).hasURL(Pattern.compile("/interactions\\?user_id=" + regex(trace.get("user_id").asString())));
        assertThat(page.getByLabel("User")).hasValue(trace.get("user_id").asString());
    }

    @Test
    void next_then_previous_gives_the_same_page_and_a_shared_page_url_opens_that_page(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions?agent_id=support-bot&page_size=25");
        Locator firstRow = page.locator("#ex-table tbody tr").first();
        assertThat(firstRow).isVisible();
        String page1 = firstRow.getAttribute("data-id");
        assertThat(page.locator("#ex-prev")).isDisabled();

        page.locator("#ex-next").click();
        assertThat(page.locator("#ex-page")).containsText("Page 2");
        assertThat(firstRow).not().hasAttribute("data-id", page1);
        String page2 = firstRow.getAttribute("data-id");
        assertThat(page.locator("#ex-page")).containsText("rows 26–50");
        page.locator("#ex-next").click();
        assertThat(page.locator("#ex-page")).containsText("Page 3");
        assertThat(page).hasURL(Pattern.compile("cursor="));
        String page3Url = page.url();
        String page3 = firstRow.getAttribute("data-id");

        page.locator("#ex-prev").click();
        assertThat(page.locator("#ex-page")).containsText("Page 2");
        assertThat(firstRow).hasAttribute("data-id", page2);
        page.locator("#ex-first").click();
        assertThat(page.locator("#ex-page")).containsText("Page 1");
        assertThat(firstRow).hasAttribute("data-id", page1);

        page.navigate(page3Url);
        assertThat(page.locator("#ex-page")).containsText("Page 3");
        assertThat(firstRow).hasAttribute("data-id", page3);
        page.goBack();
        assertThat(page.locator("#ex-page")).containsText("Page 1");
        assertThat(firstRow).hasAttribute("data-id", page1);

        page.locator("#ex-page-size").selectOption("100");
        assertThat(page).hasURL(Pattern.compile("page_size=100"));
        assertThat(page.locator("#ex-table tbody tr")).hasCount(100);
    }

    @Test
    void a_refused_filter_shows_the_api_message_beside_the_filters_and_the_page_keeps_working(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions?min_confidence=2");
        Locator error = page.locator("#ex-results .state.error");
        assertThat(error).containsText("min_confidence must be between 0 and 1, was 2.0");
        assertThat(page.getByLabel("Min confidence")).hasValue("2");
        assertThat(page.getByLabel("Min confidence")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#ex-filters")).isVisible();
        assertThat(page.locator("nav.side")).isVisible();

        // fixing it in the filter bar recovers
        page.getByLabel("Min confidence").fill("0.5");
        page.locator("#ex-apply").click();
        assertThat(page).hasURL(Pattern.compile("min_confidence=0.5"));
        assertThat(page.locator("#ex-table tbody tr").first()).isVisible();
    }

    @Test
    void malformed_oversize_and_hostile_filter_values_are_refused_with_their_message(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions?handoff=maybe");
        assertThat(page.locator("#ex-results .state.error")).containsText("handoff");
        assertThat(page.getByLabel("Hand-off")).hasValue("maybe");

        page.navigate("/interactions?status=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E");
        assertThat(page.locator("#ex-results .state.error")).containsText("status");
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);

        page.navigate("/interactions?page_size=500");
        assertThat(page.locator("#ex-results .state.error")).containsText("page_size must be between 1 and 200, was 500");

        page.navigate("/interactions?from=yesterday");
        assertThat(page.locator("#ex-results .state.error")).containsText("from");

        page.navigate("/interactions?agent_id=" + "a".repeat(1100));
        assertThat(page.locator("#ex-results .state.error")).containsText("agent_id");

        page.navigate("/interactions?cursor=not-a-cursor");
        assertThat(page.locator("#ex-results .state.error")).containsText("cursor");
        page.getByText("Go to the first page").click();
        assertThat(page.locator("#ex-table tbody tr").first()).isVisible();
    }

    @Test
    void hostile_trace_content_is_shown_as_text_never_run(Page page) {
        String agent = "xss-agent-" + UUID.randomUUID();
        String id = "xss-" + UUID.randomUUID();
        String hostile = "<img src=x onerror=window.__xss=1>";
        RealServer.Answer answer = Dashboard.server().post("/api/v1/ingest", """
                {"batch": [
                 {"type": "trace", "body": {"id": "%1$s", "agent_id": "%2$s", "name": "<script>window.__xss=2</script>",
                  "started_at": "2025-06-01T10:00:00Z", "ended_at": "2025-06-01T10:00:02Z",
                  "input": "%3$s", "output": "<b onmouseover=window.__xss=3>bold</b>", "tags": ["<svg onload=window.__xss=4>"],
                  "metadata": {"html": "<iframe src=javascript:window.__xss=5>"}}},
                 {"type": "span", "body": {"id": "%1$s-s1", "trace_id": "%1$s", "kind": "tool", "name": "<img src=y onerror=window.__xss=6>",
                  "tool_name": "<i>t</i>", "status": "error", "error": "<img src=z onerror=window.__xss=7>",
                  "started_at": "2025-06-01T10:00:00.100Z", "ended_at": "2025-06-01T10:00:01Z",
                  "input": "%3$s", "attributes": {"<k>": "<img src=w onerror=window.__xss=8>"}}},
                 {"type": "score", "body": {"id": "%1$s-f", "trace_id": "%1$s", "name": "<u>rating</u>", "value": 1, "comment": "%3$s"}}
                ]}""".formatted(id, agent, hostile));
        assertThat(answer.status()).isEqualTo(200);

        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions?agent_id=" + agent + OLD);
        assertThat(page.locator("#ex-table tbody td.ex-name")).containsText("<script>window.__xss=2</script>");
        page.locator("#ex-table tbody tr a").first().click();
        assertThat(page.locator("#trace-title")).hasText("<script>window.__xss=2</script>");
        assertThat(page.locator("#trace-input pre")).hasText(hostile);
        assertThat(page.locator("#trace-output pre")).hasText("<b onmouseover=window.__xss=3>bold</b>");
        assertThat(page.locator("#trace-meta")).containsText("<svg onload=window.__xss=4>");
        assertThat(page.locator("#trace-scores")).containsText(hostile);
        page.locator("#waterfall .wf-row").first().click();
        assertThat(page.locator("#span-detail")).containsText("<img src=z onerror=window.__xss=7>");
        assertThat(page.locator("#span-detail")).containsText("<img src=w onerror=window.__xss=8>");
        assertThat(page.locator("main img, main svg, main iframe, main script, main b, main u, main i")).hasCount(0);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void a_date_typed_without_an_offset_becomes_an_instant_and_finds_the_trace(Page page) {
        String agent = "dated-" + UUID.randomUUID();
        RealServer.Answer answer = Dashboard.server().post("/api/v1/ingest", """
                {"batch": [{"type": "trace", "body": {"id": "%s", "agent_id": "%s", "name": "dated",
                  "started_at": "2025-06-01T12:00:00Z"}}]}""".formatted(agent, agent));
        assertThat(answer.status()).isEqualTo(200);
        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions");
        page.getByLabel("Agent").fill(agent);
        page.locator("summary", new Page.LocatorOptions().setHasText("More filters")).click();
        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2025-05-31");
        page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2025-06-02 12:00");
        page.locator("#ex-apply").click();
        assertThat(page).hasURL(Pattern.compile("from=2025-05-3[01]T\\d\\d%3A00%3A00\\.000Z"));
        assertThat(page).hasURL(Pattern.compile("to=2025-06-0[12]T\\d\\d%3A00%3A00\\.000Z"));
        assertThat(page.locator("#ex-table tbody tr[data-id='" + agent + "']")).isVisible();

        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("last tuesday");
        page.locator("#ex-apply").click();
        assertThat(page.locator("#ex-results .state.error")).containsText("from");
        assertThat(page.getByLabel("From", new Page.GetByLabelOptions().setExact(true))).hasValue("last tuesday");
    }

    @Test
    void an_unknown_trace_id_shows_not_found_in_this_workspace(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions/" + URLEncoder.encode("no-such-trace-" + UUID.randomUUID(), StandardCharsets.UTF_8));
        assertThat(page.locator("#trace-not-found")).containsText("not found in this workspace");
        page.navigate("/interactions/%E2%80%AE%3Cb%3E");
        assertThat(page.locator("#trace-not-found")).containsText("not found in this workspace");
    }
}
