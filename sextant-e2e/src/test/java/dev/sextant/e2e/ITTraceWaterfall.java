package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.sextant.testing.RealServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace page at its limits: a 10,000-span trace opens and its waterfall keeps only the rows in
 * view in the DOM while it scrolls to the last span; a trace of another workspace is "not found",
 * never shown.
 */
@ExtendWith(Dashboard.class)
class ITTraceWaterfall {
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    /** A trace of {@code 1 + groups * perGroup} spans: a root agent, group agents, and kinds in turn under each. */
    static String bigTrace(String id, int groups, int perGroup) {
        String[] kinds = {"llm", "tool", "decision", "retrieval", "handoff", "event"};
        StringBuilder b = new StringBuilder(3_000_000).append("{\"batch\":[");
        b.append("{\"type\":\"trace\",\"body\":{\"id\":\"").append(id).append("\",\"agent_id\":\"big-").append(id)
                .append("\",\"name\":\"big run\",\"started_at\":\"").append(START).append("\",\"ended_at\":\"")
                .append(START.plusSeconds(groups)).append("\",\"input\":\"go\",\"output\":\"done\"}}");
        span(b, id, id + "-root", null, "agent", "root", 0, groups * 1000L, "");
        for (int g = 0; g < groups; g++) {
            String group = id + "-g" + g;
            span(b, id, group, id + "-root", "agent", "step " + g, g * 1000L, 990, "");
            for (int c = 0; c < perGroup - 1; c++) {
                String kind = kinds[c % kinds.length];
                String extra = switch (kind) {
                    case "llm" -> ",\"model\":\"gpt-4o-mini\",\"usage\":{\"input_tokens\":100,\"output_tokens\":20}";
                    case "tool" -> ",\"tool_name\":\"search\"";
                    case "decision" -> ",\"decision\":{\"point\":\"route\",\"chosen\":\"a\",\"alternatives\":[\"a\",\"b\"],\"reasoning\":\"r\"}";
                    default -> "";
                };
                span(b, id, id + "-s" + g + "-" + c, group, kind, kind + " " + g + "." + c, g * 1000L + c * 5, 4, extra);
            }
        }
        return b.append("]}").toString();
    }

    private static void span(StringBuilder b, String trace, String id, String parent, String kind, String name,
            long offsetMs, long durationMs, String extra) {
        b.append(",{\"type\":\"span\",\"body\":{\"id\":\"").append(id).append("\",\"trace_id\":\"").append(trace).append('"');
        if (parent != null) {
            b.append(",\"parent_id\":\"").append(parent).append('"');
        }
        b.append(",\"kind\":\"").append(kind).append("\",\"name\":\"").append(name).append("\",\"started_at\":\"")
                .append(START.plusMillis(offsetMs)).append("\",\"ended_at\":\"").append(START.plusMillis(offsetMs + durationMs))
                .append('"').append(extra).append("}}");
    }

    @Test
    void a_ten_thousand_span_trace_opens_and_its_waterfall_scrolls_to_the_last_span(Page page) {
        String id = "big-" + UUID.randomUUID();
        // 1 root + 100 groups of (1 group span + 99 children) = 10,001 spans; the last child is the last row
        RealServer.Answer answer = Dashboard.server().post("/api/v1/ingest", bigTrace(id, 100, 100));
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(10_002);
        String last = id + "-s99-98";

        Dashboard.logInAsAdmin(page);
        long started = System.nanoTime();
        page.navigate("/interactions/" + id);
        assertThat(page.locator("#wf-count")).hasText("10,001 spans");
        assertThat(page.locator("#waterfall .wf-row").first()).isVisible();
        long openedMs = (System.nanoTime() - started) / 1_000_000;
        System.out.println("10,001-span trace opened in " + openedMs + " ms");
        assertThat(page.locator("[data-kpi=spans]")).containsText("10,001");
        // only what is in view (plus a margin) is in the DOM
        assertThat(page.locator("#waterfall .wf-row").count()).isLessThan(100);

        // scroll by the scrollbar to the very end
        page.locator("#waterfall").evaluate("v => { v.scrollTop = v.scrollHeight; }");
        Locator lastRow = page.locator("#waterfall .wf-row[data-span-id='" + last + "']");
        assertThat(lastRow).isVisible();
        assertThat(lastRow).containsText(kindOf(98) + " 99.98");
        assertThat(page.locator("#waterfall .wf-row").count()).isLessThan(100);
        lastRow.click();
        assertThat(page.locator("#span-detail-name")).hasText(kindOf(98) + " 99.98");

        // and by keyboard: Home, then End
        page.keyboard().press("Home");
        assertThat(page.locator("#waterfall .wf-row[data-span-id='" + id + "-root']")).isFocused();
        page.keyboard().press("End");
        assertThat(lastRow).isFocused();

        // find jumps to a span deep in the middle
        page.locator("#wf-find").fill("llm 50.6");
        page.locator("#wf-find").press("Enter");
        assertThat(page.locator("#span-detail-name")).hasText("llm 50.6");
        assertThat(page.locator("#waterfall .wf-row[data-span-id='" + id + "-s50-6']")).isVisible();

        // collapse all: one row per root
        page.locator("#wf-collapse-all").click();
        assertThat(page.locator("#waterfall .wf-row")).hasCount(1);
        assertThat(page).hasURL(Pattern.compile("/interactions/" + ITExplorer.regex(id)));
    }

    private static String kindOf(int child) {
        return new String[] {"llm", "tool", "decision", "retrieval", "handoff", "event"}[child % 6];
    }

    @Test
    void another_workspaces_trace_is_not_found_and_never_shown(Page page) throws IOException, InterruptedException {
        RealServer server = Dashboard.server();
        String slug = "explorer-other-" + UUID.randomUUID().toString().substring(0, 8);
        RealServer.Answer created = server.post("/api/v1/workspaces", "{\"slug\": \"" + slug + "\", \"name\": \"Other\"}");
        assertThat(created.status()).isEqualTo(201);
        String otherKey = created.body().get("admin_key").get("secret").asString();
        String id = "other-ws-" + UUID.randomUUID();
        String secretText = "secret of the other workspace " + UUID.randomUUID();
        String body = "{\"batch\":[{\"type\":\"trace\",\"body\":{\"id\":\"" + id + "\",\"agent_id\":\"other-agent\","
                + "\"conversation_id\":\"conv-" + id + "\",\"name\":\"" + secretText + "\",\"started_at\":\"" + Instant.now().minusSeconds(60)
                + "\",\"input\":\"" + secretText + "\"}},{\"type\":\"span\",\"body\":{\"id\":\"" + id + "-s\",\"trace_id\":\"" + id
                + "\",\"kind\":\"llm\",\"name\":\"" + secretText + "\"}}]}";
        HttpResponse<String> ingested = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + otherKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);

        Dashboard.logInAsAdmin(page);
        page.navigate("/interactions/" + id);
        assertThat(page.locator("#trace-not-found")).containsText("not found in this workspace");
        assertThat(page.locator("main")).not().containsText(secretText);
        assertThat(page.request().get("/api/v1/interactions/" + id).status()).isEqualTo(404);

        // the list filtered to it is empty, not the other workspace's row
        page.navigate("/interactions?conversation_id=conv-" + id);
        assertThat(page.locator("#ex-results .state.empty")).containsText("No interactions match");
        assertThat(page.locator("main")).not().containsText(secretText);
        page.navigate("/interactions?agent_id=other-agent");
        assertThat(page.locator("#ex-results .state.empty")).isVisible();
    }
}
