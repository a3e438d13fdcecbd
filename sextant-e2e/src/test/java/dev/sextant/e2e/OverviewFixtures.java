package dev.sextant.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.sextant.testing.RealServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the overview and agents tests set up for themselves, so that they change no data other
 * tests rely on: workspaces of their own (created with the instance admin key) with the e2e admin
 * as a member, and interactions ingested with that workspace's own key.
 */
final class OverviewFixtures {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OverviewFixtures() {}

    /** A workspace of one test: its id, slug and admin key. */
    record Workspace(String id, String slug, String key) {}

    /** A new workspace (unique slug) with the e2e admin user as its admin. */
    static Workspace workspaceWithAdmin(String prefix) {
        String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        RealServer.Answer created = Dashboard.server().post("/api/v1/workspaces",
                "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as("create workspace %s: %s", slug, created.body()).isEqualTo(201);
        Workspace ws = new Workspace(created.body().get("workspace").get("id").asString(), slug,
                created.body().get("admin_key").get("secret").asString());
        addMember(ws, "{\"email\": \"" + Dashboard.ADMIN_EMAIL + "\", \"role\": \"admin\"}");
        return ws;
    }

    /** Adds a member to the workspace (body as POST /api/v1/members takes it). */
    static void addMember(Workspace ws, String body) {
        Answer answer = post(ws, "/api/v1/members", body);
        assertThat(answer.status()).as("add member: %s", answer.body()).isEqualTo(201);
    }

    /** Ingests a native batch into the workspace; every item must be accepted. */
    static void ingest(Workspace ws, String batch) {
        Answer answer = post(ws, "/api/v1/ingest", batch);
        assertThat(answer.status()).as("ingest: %s", answer.body()).isEqualTo(200);
    }

    /** One interaction of an agent at a time, with an LLM call, as a native batch. */
    static String trace(String id, String agentId, Instant start) {
        return """
                {"batch": [
                  {"type": "trace", "body": {"id": "%1$s", "agent_id": "%2$s", "name": "answer",
                    "started_at": "%3$s", "ended_at": "%4$s", "input": "hi", "output": "hello"}},
                  {"type": "span", "body": {"id": "%1$s-llm", "trace_id": "%1$s", "kind": "llm", "name": "generate",
                    "model": "gpt-4o-mini", "usage": {"input_tokens": 100, "output_tokens": 20},
                    "started_at": "%3$s", "ended_at": "%4$s"}}
                ]}""".formatted(id, agentId, start, start.plusMillis(800));
    }

    record Answer(int status, JsonNode body) {}

    /** POST with the workspace's admin key to the server (or to a full URL). */
    static Answer post(Workspace ws, String pathOrUrl, String json) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : Dashboard.server().base().resolve(pathOrUrl);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + ws.key()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isEmpty() ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Moves the logged-in page to the workspace with the frame's workspace switcher, and waits for
     * the page the switch loads (a new document: the marker set before is gone).
     */
    static void switchTo(Page page, Workspace ws) {
        page.evaluate("() => { window.__beforeSwitch = true; }");
        page.locator("#workspace-switcher").selectOption(ws.id());
        page.waitForFunction("id => !window.__beforeSwitch && document.querySelector('#workspace-switcher')?.value === id",
                ws.id(), new Page.WaitForFunctionOptions().setTimeout(30_000));
    }

    /**
     * The machine that runs the e2e tests is often shared and busy: assertions wait up to 20 s
     * (they return as soon as they hold). Set by the overview and agents tests, reset after them.
     */
    static void patientAssertions(boolean on) {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(on ? 20_000 : 5_000);
    }

    /**
     * What axe-core finds against WCAG 2 A and AA in the page's main area (the frame is tested
     * elsewhere), once nothing is loading any more: one line per rule and element.
     */
    static java.util.List<String> accessibilityViolations(Page page) {
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("main#main .state.loading")).hasCount(0);
        com.deque.html.axecore.results.AxeResults results = new com.deque.html.axecore.playwright.AxeBuilder(page)
                .include(java.util.List.of("main#main")).withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        return results.getViolations().stream().flatMap(rule -> rule.getNodes().stream()
                .map(node -> rule.getId() + ": " + rule.getHelp() + " at " + node.getTarget() + " " + node.getFailureSummary()))
                .toList();
    }
}
