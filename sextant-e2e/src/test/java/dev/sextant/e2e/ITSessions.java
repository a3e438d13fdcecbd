package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.sextant.testing.RealServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sessions pages: the list (demo data and a session of the test's own), opening one, its
 * figures equal to the API's, the links to its interactions; another workspace's session id in
 * the URL is "not found"; an empty workspace explains how to record sessions.
 */
@ExtendWith(Dashboard.class)
class ITSessions {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A session as the CLI records it, started an hour ago: 1 trace, 2 tool calls (1 failed), 1 code generation, a rating. */
    private static String session(String id, String agent) {
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(25, ChronoUnit.MINUTES);
        return """
                {"batch": [
                  {"type": "session", "body": {"id": "%1$s", "agent_id": "%2$s", "user_id": "e2e-dev",
                    "context": {"repo": "shop"}, "started_at": "%3$s", "ended_at": "%4$s"}},
                  {"type": "trace", "body": {"id": "%1$s", "session_id": "%1$s", "name": "working session",
                    "agent_id": "%2$s", "started_at": "%3$s", "ended_at": "%4$s", "status": "ok"}},
                  {"type": "span", "body": {"id": "%1$s-llm", "trace_id": "%1$s", "kind": "llm", "name": "generate",
                    "model": "gpt-4o", "usage": {"input_tokens": 1000, "output_tokens": 234}, "cost_usd": "0.42",
                    "started_at": "%3$s", "ended_at": "%3$s"}},
                  {"type": "span", "body": {"id": "%1$s-t1", "trace_id": "%1$s", "kind": "tool", "name": "run_tests",
                    "tool_name": "run_tests", "status": "ok", "started_at": "%3$s", "ended_at": "%4$s"}},
                  {"type": "span", "body": {"id": "%1$s-t2", "trace_id": "%1$s", "kind": "tool", "name": "mvn_verify",
                    "tool_name": "mvn_verify", "status": "error", "error": "2 tests failed", "started_at": "%3$s", "ended_at": "%4$s"}},
                  {"type": "span", "body": {"id": "%1$s-g1", "trace_id": "%1$s", "kind": "code_generation", "name": "Shop.java",
                    "started_at": "%3$s", "ended_at": "%3$s"}},
                  {"type": "score", "body": {"id": "%1$s-r", "trace_id": "%1$s", "name": "user_rating", "value": 4}}
                ]}""".formatted(id, agent, start, end);
    }

    @Test
    void the_demo_sessions_are_listed_and_one_opens_with_the_apis_numbers(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/sessions?range=90d&agent_id=code-assistant");
        Locator firstLink = page.locator("[data-testid=sessions-table] tbody tr").first().locator("a").first();
        assertThat(firstLink).isVisible();
        String id = firstLink.textContent();
        JsonNode api = Dashboard.server().get("/api/v1/sessions/" + id);
        assertThat(api).as("the listed session " + id + " reads back through the API").isNotNull();
        firstLink.click();
        assertThat(page).hasURL(Pattern.compile("/sessions/" + id + "$"));
        JsonNode totals = api.get("session").get("totals");
        assertThat(page.locator("[data-kpi=traces] .kpi-value")).hasText(String.format("%,d", totals.get("traces").asLong()));
        assertThat(page.locator("[data-kpi=tool_calls] .kpi-value")).hasText(String.format("%,d", totals.get("tool_calls").asLong()));
        assertThat(page.locator("#session-traces tbody tr")).hasCount(api.get("traces").size());
    }

    @Test
    void a_recorded_session_is_listed_opened_and_links_to_its_interaction(Page page) {
        String id = "e2e-sess-" + UUID.randomUUID().toString().substring(0, 8);
        String agent = "e2e-sessions-agent-" + UUID.randomUUID().toString().substring(0, 6);
        RealServer.Answer ingested = Dashboard.server().post("/api/v1/ingest", session(id, agent));
        assertThat(ingested.status()).as(String.valueOf(ingested.body())).isEqualTo(200);

        Dashboard.logInAsAdmin(page);
        page.navigate("/sessions");
        page.getByLabel("Agent").fill(agent);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page).hasURL(Pattern.compile("agent_id=" + agent));
        Locator rows = page.locator("[data-testid=sessions-table] tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("$0.42");
        assertThat(rows.first()).containsText("2 (1 failed)");
        rows.first().locator("a", new Locator.LocatorOptions().setHasText(id)).click();

        assertThat(page).hasURL(Pattern.compile("/sessions/" + id + "$"));
        JsonNode totals = Dashboard.server().get("/api/v1/sessions/" + id).get("session").get("totals");
        assertThat(totals.get("cost_usd").decimalValue()).isEqualByComparingTo(new BigDecimal("0.42"));
        assertThat(page.locator("[data-kpi=traces] .kpi-value")).hasText(String.valueOf(totals.get("traces").asLong()));
        assertThat(page.locator("[data-kpi=tool_calls] .kpi-value")).hasText(String.valueOf(totals.get("tool_calls").asLong()));
        assertThat(page.locator("[data-kpi=tool_errors] .kpi-value")).hasText(String.valueOf(totals.get("tool_errors").asLong()));
        assertThat(page.locator("[data-kpi=code_generations] .kpi-value"))
                .hasText(String.valueOf(totals.get("code_generations").asLong()));
        assertThat(page.locator("[data-kpi=tokens] .kpi-value")).hasText(String.format("%,d", totals.get("tokens").get("total").asLong()));
        assertThat(page.locator("[data-kpi=cost] .kpi-value")).hasText("$0.42");
        assertThat(page.locator("[data-kpi=duration] .kpi-value")).hasText("25.0 min");
        assertThat(page.locator("[data-kpi=rating] .kpi-value")).hasText("4 / 5");
        assertThat(page.locator("#session-steps")).containsText("2 tests failed");
        assertThat(page.locator(".session-meta")).containsText("shop");
        assertThat(page.locator(".timeline li")).hasCount(4);

        page.locator("#session-traces tbody a", new Page.LocatorOptions().setHasText(id)).click();
        assertThat(page).hasURL(Pattern.compile("/interactions/" + id + "$"));
    }

    @Test
    void another_workspaces_session_id_in_the_url_is_not_found(Page page) {
        String slug = "e2e-sess-other-" + UUID.randomUUID().toString().substring(0, 8);
        RealServer.Answer created = Dashboard.server().post("/api/v1/workspaces",
                "{\"slug\": \"" + slug + "\", \"name\": \"Sessions elsewhere\"}");
        assertThat(created.status()).isEqualTo(201);
        String otherKey = created.body().get("admin_key").get("secret").asString();
        String theirs = "their-sess-" + UUID.randomUUID().toString().substring(0, 8);
        APIResponse ingested = page.request().post(Dashboard.server().url() + "/api/v1/ingest", RequestOptions.create()
                .setHeader("Authorization", "Bearer " + otherKey).setHeader("Content-Type", "application/json")
                .setData(session(theirs, "their-secret-agent")));
        assertThat(ingested.status()).as(ingested.text()).isEqualTo(200);

        Dashboard.logInAsAdmin(page);
        page.navigate("/sessions/" + theirs);
        assertThat(page.locator("[data-testid=session-not-found]")).isVisible();
        assertThat(page.locator("main")).containsText("Session not found");
        assertThat(page.locator("main")).not().containsText("their-secret-agent");
        assertThat(page.locator("main")).not().containsText("$0.42");
        assertThat(page.request().get("/api/v1/sessions/" + theirs).status()).isEqualTo(404);
        page.navigate("/sessions?agent_id=their-secret-agent&range=90d");
        assertThat(page.locator("main .state.empty").first()).containsText("No session matches");
    }

    @Test
    void an_empty_workspace_explains_how_to_record_sessions(Page page) throws Exception {
        String slug = "e2e-sess-empty-" + UUID.randomUUID().toString().substring(0, 8);
        RealServer.Answer created = Dashboard.server().post("/api/v1/workspaces",
                "{\"slug\": \"" + slug + "\", \"name\": \"No sessions\"}");
        String key = created.body().get("admin_key").get("secret").asString();
        String email = slug + "@e2e.sextant.test";
        APIResponse member = page.request().post(Dashboard.server().url() + "/api/v1/members", RequestOptions.create()
                .setHeader("Authorization", "Bearer " + key).setHeader("Content-Type", "application/json")
                .setData(JSON.writeValueAsString(java.util.Map.of("email", email, "role", "viewer",
                        "password", "viewer-password-1"))));
        assertThat(member.status()).as(member.text()).isEqualTo(201);

        Dashboard.logIn(page, email, "viewer-password-1");
        page.navigate("/sessions");
        Locator help = page.locator(".sessions-help");
        assertThat(help).isVisible();
        assertThat(help).containsText("./sextant session start");
        assertThat(help).containsText("./sextant login --url " + Dashboard.server().url());
        assertThat(page.locator("main")).containsText("No sessions started in the last 7d.");
    }
}
