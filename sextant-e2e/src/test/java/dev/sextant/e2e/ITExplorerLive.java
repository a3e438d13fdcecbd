package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.sextant.testing.RealServer;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A newly ingested trace appears in the open explorer without a reload (server-sent events). */
@ExtendWith(Dashboard.class)
class ITExplorerLive {

    private static void ingest(String id, String agent) {
        RealServer.Answer answer = Dashboard.server().post("/api/v1/ingest", """
                {"batch": [{"type": "trace", "body": {"id": "%s", "agent_id": "%s", "name": "live one",
                  "started_at": "%s", "status": "ok"}}]}""".formatted(id, agent, Instant.now().minusSeconds(1)));
        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void a_newly_ingested_trace_appears_on_the_first_page_without_a_reload(Page page) {
        String agent = "live-agent-" + UUID.randomUUID();
        String id = "live-" + UUID.randomUUID();
        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions");
        assertThat(page.locator("#ex-table tbody tr").first()).isVisible();
        assertThat(page.locator("#freshness")).hasClass(Pattern.compile("\\blive\\b"));
        page.evaluate("() => { window.__sameDocument = true; }");
        // a filter typed but not applied yet stays as the user left it
        page.getByLabel("Tag").fill("half-typed");

        ingest(id, agent);

        Locator row = page.locator("#ex-table tbody tr[data-id='" + id + "']");
        assertThat(row).isVisible();
        assertThat(row).containsText(agent);
        assertThat(row).hasClass(Pattern.compile("\\bex-fresh\\b"));
        assertThat(page.locator("#ex-table tbody tr").first()).hasAttribute("data-id", id);
        assertThat(page.getByLabel("Tag")).hasValue("half-typed");
        assertThat(page.evaluate("() => window.__sameDocument === true")).isEqualTo(true);
    }

    @Test
    void a_filtered_empty_first_page_fills_when_a_matching_trace_arrives(Page page) {
        String agent = "live-filter-" + UUID.randomUUID();
        String id = "live-" + UUID.randomUUID();
        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions?agent_id=" + agent);
        assertThat(page.locator("#ex-results .state.empty")).containsText("No interactions match");
        assertThat(page.locator("#freshness")).hasClass(Pattern.compile("\\blive\\b"));

        ingest("other-" + UUID.randomUUID(), "someone-else-" + UUID.randomUUID());
        ingest(id, agent);

        assertThat(page.locator("#ex-table tbody tr[data-id='" + id + "']")).isVisible();
        assertThat(page.locator("#ex-table tbody tr")).hasCount(1);
        assertThat(page).hasURL(Pattern.compile("agent_id=" + ITExplorer.regex(agent) + "$"));
    }

    @Test
    void an_open_running_interaction_offers_its_new_spans_without_re_rendering_by_itself(Page page) {
        String id = "running-" + UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(5);
        RealServer.Answer first = Dashboard.server().post("/api/v1/ingest", """
                {"batch": [{"type": "trace", "body": {"id": "%1$s", "agent_id": "running-agent", "name": "still running", "started_at": "%2$s"}},
                 {"type": "span", "body": {"id": "%1$s-a", "trace_id": "%1$s", "kind": "agent", "name": "plan", "started_at": "%2$s"}}]}"""
                .formatted(id, start));
        assertThat(first.status()).isEqualTo(200);
        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions/" + id);
        assertThat(page.locator("#wf-count")).hasText("1 span");
        assertThat(page.locator("#freshness")).hasClass(Pattern.compile("\\blive\\b"));

        RealServer.Answer more = Dashboard.server().post("/api/v1/ingest", """
                {"batch": [{"type": "span", "body": {"id": "%1$s-b", "trace_id": "%1$s", "parent_id": "%1$s-a", "kind": "llm",
                  "name": "think", "model": "gpt-4o-mini", "started_at": "%2$s", "ended_at": "%3$s"}}]}"""
                .formatted(id, start.plusSeconds(1), start.plusSeconds(2)));
        assertThat(more.status()).isEqualTo(200);

        assertThat(page.locator("#trace-updated")).containsText("2 spans");
        assertThat(page.locator("#wf-count")).hasText("1 span");
        page.locator("#trace-updated button").click();
        assertThat(page.locator("#wf-count")).hasText("2 spans");
        assertThat(page.locator("#waterfall .wf-row[data-span-id='" + id + "-b']")).isVisible();
        assertThat(page.locator("#trace-updated")).hasCount(0);
    }

    @Test
    void a_later_page_is_left_alone_when_new_data_arrives(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions?page_size=25");
        page.locator("#ex-next").click();
        assertThat(page.locator("#ex-page")).containsText("Page 2");
        String first = page.locator("#ex-table tbody tr").first().getAttribute("data-id");
        page.evaluate("() => { document.querySelector('#ex-table').dataset.marker = 'kept'; }");

        // newer than everything: had the page been fetched again, its rows would have moved by one
        ingest("live-" + UUID.randomUUID(), "live-later-" + UUID.randomUUID());
        assertThat(page.locator("#freshness")).hasText(Pattern.compile("new data"));

        assertThat(page.locator("#ex-table")).hasAttribute("data-marker", "kept");
        assertThat(page.locator("#ex-table tbody tr").first()).hasAttribute("data-id", first);
    }
}
