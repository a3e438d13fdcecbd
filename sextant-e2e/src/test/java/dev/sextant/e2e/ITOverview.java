package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.testing.RealServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The overview: KPIs from the demo data, charts, a failing block, an empty workspace, an empty range, live data. */
@ExtendWith(Dashboard.class)
class ITOverview {
    @BeforeAll
    static void patient() {
        OverviewFixtures.patientAssertions(true);
    }

    @AfterAll
    static void usual() {
        OverviewFixtures.patientAssertions(false);
    }

    /** Live refreshes come at most every 5 s: give them that and the loading. */
    private static final LocatorAssertions.HasTextOptions LIVE = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    private static long kpiNumber(Page page, String kpi) {
        return Long.parseLong(page.locator("[data-kpi=" + kpi + "] .kpi-value").textContent().replace(",", "").trim());
    }

    @Test
    void the_interactions_kpi_is_the_stats_count_of_the_range_and_the_charts_are_drawn(Page page) {
        Dashboard.logInAsAdmin(page);
        List<String> statsRequests = new CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if (r.url().contains("/api/v1/interactions/stats")) {
                statsRequests.add(r.url());
            }
        });
        page.navigate("/?range=30d");
        assertThat(page.locator("[data-kpi=interactions] .kpi-value")).hasText(Pattern.compile("^[1-9][0-9,]*$"));

        // the current period's request is the 30-day one that ends last (the login's own 7-day overview may
        // still have asked too, ending at the same minute); the same question with the admin key
        String current = statsRequests.stream()
                .filter(u -> Duration.between(Instant.parse(param(u, "from")), Instant.parse(param(u, "to"))).equals(Duration.ofDays(30)))
                .max((a, b) -> param(a, "to").compareTo(param(b, "to"))).orElseThrow();
        URI uri = URI.create(current);
        RealServer.Answer stats = Dashboard.server().fetch(uri.getRawPath() + "?" + uri.getRawQuery());
        assertThat(stats.status()).isEqualTo(200);
        assertThat(kpiNumber(page, "interactions")).isEqualTo(stats.body().get("interactions").asLong()).isPositive();
        assertThat(Duration.between(Instant.parse(param(current, "from")), Instant.parse(param(current, "to"))))
                .isEqualTo(Duration.ofDays(30));

        for (String kpi : List.of("cost", "tokens", "latency_p95", "error_rate", "handoff_rate", "satisfaction")) {
            assertThat(page.locator("[data-kpi=" + kpi + "] .kpi-value")).not().hasText("—");
            assertThat(page.locator("[data-kpi=" + kpi + "] .change")).isVisible();
        }
        for (String chart : List.of("interactions", "cost", "latency", "rates")) {
            assertThat(page.locator("[data-chart=" + chart + "] canvas").first()).isVisible();
        }
        assertThat(page.locator("#alerts .card-body")).not().containsText("Loading");
        assertThat(page.locator("#insights .card-body")).not().containsText("Loading");
        assertThat(page.locator("#budgets .card-body")).not().containsText("Loading");
        assertThat(page.locator(".state.error")).hasCount(0);
        assertThat(OverviewFixtures.accessibilityViolations(page)).isEmpty();
    }

    private static String param(String url, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
        assertThat(m.find()).as("%s in %s", name, url).isTrue();
        return java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void a_failing_block_shows_what_failed_with_retry_while_the_kpis_still_show_numbers(Page page) {
        Dashboard.logInAsAdmin(page);
        page.route("**/api/v1/insights**", (Route r) -> r.fulfill(new Route.FulfillOptions().setStatus(500)
                .setContentType("application/problem+json")
                .setBody("{\"type\": \"urn:sextant:problem:internal-error\", \"title\": \"Internal error\", \"status\": 500,"
                        + " \"detail\": \"incident e2e-insights\"}")));
        page.navigate("/?range=30d");
        Locator insights = page.locator("#insights");
        assertThat(insights.locator(".state.error")).containsText("Could not load: GET /api/v1/insights");
        assertThat(insights.locator(".state.error")).containsText("HTTP 500: incident e2e-insights");
        assertThat(page.locator("[data-kpi=interactions] .kpi-value")).hasText(Pattern.compile("^[1-9][0-9,]*$"));
        assertThat(page.locator("[data-chart=interactions] canvas").first()).isVisible();
        assertThat(page.locator("#budgets .state.error")).hasCount(0);

        page.unroute("**/api/v1/insights**");
        insights.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();
        assertThat(insights.locator(".state.error")).hasCount(0);
        assertThat(insights.locator(".card-body")).not().containsText("Loading");
    }

    @Test
    void an_empty_workspace_shows_snippets_with_this_servers_url_that_work_and_turns_into_the_overview_when_data_arrives(Page page) {
        OverviewFixtures.Workspace ws = OverviewFixtures.workspaceWithAdmin("e2e-empty");
        Dashboard.logInAsAdmin(page);
        OverviewFixtures.switchTo(page, ws);
        String url = Dashboard.server().url();

        Locator steps = page.locator("#first-steps");
        assertThat(steps).containsText("This workspace has no data yet");
        assertThat(steps.locator("a[href='/settings/keys']")).isVisible();
        Locator curl = steps.locator("[data-snippet=curl] pre");
        assertThat(curl).containsText("'" + url + "/api/v1/ingest'");
        assertThat(steps.locator("[data-snippet=otel] pre")).containsText("OTEL_EXPORTER_OTLP_ENDPOINT=" + url + " ");
        assertThat(steps.locator("[data-snippet=java] pre")).containsText("String endpoint = \"" + url + "\";");
        assertThat(page.locator("[data-kpi]")).hasCount(0);
        assertThat(OverviewFixtures.accessibilityViolations(page)).isEmpty();

        // the curl snippet works as shown: its body, sent with a key of the workspace
        assertThat(page.locator("#freshness")).hasClass(Pattern.compile("\\blive\\b"));
        String snippet = curl.textContent();
        String body = snippet.substring(snippet.indexOf("-d '") + 4, snippet.lastIndexOf('\''));
        OverviewFixtures.Answer sent = OverviewFixtures.post(ws, url + "/api/v1/ingest", body);
        assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);
        assertThat(sent.body().get("accepted").asInt()).isEqualTo(3);

        // live: the page turns into the overview with the new interaction, no reload needed
        assertThat(page.locator("[data-kpi=interactions] .kpi-value")).hasText("1", LIVE);
        assertThat(page.locator("[data-kpi=satisfaction] .kpi-value")).hasText("5");
        assertThat(page.locator("#first-steps")).hasCount(0);
    }

    @Test
    void a_viewer_of_an_empty_workspace_is_told_to_ask_an_admin_for_a_key(Page page) {
        OverviewFixtures.Workspace ws = OverviewFixtures.workspaceWithAdmin("e2e-empty-viewer");
        String email = ws.slug() + "@e2e.sextant.test";
        OverviewFixtures.addMember(ws, "{\"email\": \"" + email + "\", \"role\": \"viewer\", \"password\": \"viewer-password-1\"}");
        Dashboard.logIn(page, email, "viewer-password-1");
        Locator steps = page.locator("#first-steps");
        assertThat(steps).containsText("ask an admin of the workspace “" + ws.slug() + "”");
        assertThat(steps.locator("a[href='/settings/keys']")).hasCount(0);
        assertThat(steps.locator("[data-snippet=curl] pre")).containsText(Dashboard.server().url() + "/api/v1/ingest");
    }

    @Test
    void a_range_without_data_says_so_offers_a_longer_one_and_live_data_updates_the_kpis_without_a_reload(Page page) {
        OverviewFixtures.Workspace ws = OverviewFixtures.workspaceWithAdmin("e2e-old-data");
        OverviewFixtures.ingest(ws, OverviewFixtures.trace("old-1", "old-agent", Instant.now().minus(Duration.ofDays(10))));
        Dashboard.logInAsAdmin(page);
        OverviewFixtures.switchTo(page, ws);

        Locator notice = page.locator("[data-testid=range-empty]");
        assertThat(notice).containsText("No interactions in the last 7d.");
        assertThat(page.locator("[data-kpi=interactions] .kpi-value")).hasText("0");
        notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show the last 30d")).click();
        assertThat(page).hasURL(Pattern.compile("[?&]range=30d"));
        assertThat(page.locator("[data-kpi=interactions] .kpi-value")).hasText("1");
        assertThat(page.locator("[data-testid=range-empty]")).hasCount(0);

        page.evaluate("() => { window.__sameDocument = true; }");
        assertThat(page.locator("#freshness")).hasClass(Pattern.compile("\\blive\\b"));
        OverviewFixtures.ingest(ws, OverviewFixtures.trace("new-1", "old-agent", Instant.now().minusSeconds(5)));
        assertThat(page.locator("[data-kpi=interactions] .kpi-value")).hasText("2", LIVE);
        assertThat(page.locator("[data-kpi=interactions] .change")).hasText(Pattern.compile("n/a|▲"));
        assertThat(page.evaluate("() => window.__sameDocument === true")).isEqualTo(true);
    }
}
