package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sextant.testing.RealServer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The costs page against the demo data: the total is the API's for the exact range the page asked
 * for, the forecast draws, budgets are created (refused first, with the API's errors inline),
 * listed with their status and deleted; a viewer gets no budget controls; an empty workspace shows
 * its own (empty) figures and none of the default workspace's.
 */
@ExtendWith(Dashboard.class)
class ITCostsPage {

    /** The first page of a run computes every analytics answer cold, on a machine shared with builds. */
    @BeforeAll
    static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }


    @Test
    void the_total_cost_is_the_stats_total_for_the_range_the_page_used(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/costs");
        Locator total = page.locator("[data-kpi=total-cost]");
        assertThat(total.locator(".kpi-value")).hasText(Pattern.compile("^\\$"));
        Locator head = page.locator(".page-head[data-from]");
        String from = head.getAttribute("data-from");
        String to = head.getAttribute("data-to");

        JsonNode stats = Dashboard.server().get("/api/v1/interactions/stats?from=" + encode(from) + "&to=" + encode(to));
        BigDecimal expected = stats.get("total_cost_usd").decimalValue();
        assertThat(expected).isPositive();
        assertThat(Double.parseDouble(total.getAttribute("data-value"))).isEqualTo(expected.doubleValue());
        assertThat(total.locator(".kpi-value")).hasText(usd(expected));
        assertThat(page.locator("[data-kpi=interactions] .kpi-value"))
                .hasText(NumberFormat.getIntegerInstance(Locale.US).format(stats.get("interactions").asLong()));
    }

    @Test
    void the_forecast_draws_its_chart_with_the_method_the_api_used(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/costs");
        assertThat(page.locator("#forecast-chart canvas")).isVisible();
        JsonNode forecast = Dashboard.server().get("/api/v1/analytics/forecast?metric=cost&days=30");
        assertThat(page.locator("#cost-forecast code[data-method]")).hasText(forecast.get("method").asString());
        assertThat(page.locator("#forecast-total")).containsText("prediction interval");
        assertThat(page.locator("#cost-over-time canvas")).isVisible();
        assertThat(page.locator("#cost-by-model table.data tbody tr").first()).isVisible();
        assertThat(page.locator("#cost-recommendations .state.error")).hasCount(0);
        assertThat(page.locator("#cost-waste .state.error")).hasCount(0);
    }

    @Test
    void a_failing_block_says_what_failed_and_retries_while_the_rest_of_the_page_works(Page page) {
        Dashboard.logInAsAdmin(page);
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        page.route(url -> url.contains("/api/v1/analytics/forecast?"), route -> {
            if (failing.get()) {
                route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(503)
                        .setContentType("application/problem+json")
                        .setBody("{\"type\":\"urn:sextant:problem:unavailable\",\"title\":\"Unavailable\",\"status\":503,"
                                + "\"detail\":\"the database failed; nothing was changed, retry\"}"));
            } else {
                route.resume();
            }
        });
        page.navigate("/costs");
        Locator error = page.locator("#cost-forecast .state.error");
        assertThat(error).containsText("Could not load: GET /api/v1/analytics/forecast");
        assertThat(error).containsText("HTTP 503: the database failed; nothing was changed, retry");
        assertThat(page.locator("[data-kpi=total-cost] .kpi-value")).hasText(Pattern.compile("^\\$"));
        assertThat(page.locator("#budgets .state.error")).hasCount(0);

        failing.set(false);
        error.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();
        assertThat(page.locator("#forecast-chart canvas")).isVisible();
        assertThat(error).hasCount(0);
    }

    @Test
    void a_budget_is_refused_with_the_api_errors_inline_then_created_listed_with_its_status_edited_and_deleted(Page page) {
        String name = "<b>e2e</b> budget " + System.nanoTime();
        Dashboard.logInAsAdmin(page);
        page.navigate("/costs");
        page.locator("#budget-create").click();
        Locator dialog = page.locator("dialog.modal");
        dialog.getByLabel("Budget name").fill(name);
        dialog.getByLabel("Scope").selectOption("agent");
        dialog.getByLabel("Agent id or model name").fill("support-bot");

        // wrong values, one after the other: each answer's error sits under its field, nothing is created
        String[][] bad = {
            {"-5", "", "amount_usd", "amount_usd must be more than 0 and at most 1000000000, was -5"},
            {"abc", "", "amount_usd", "amount_usd: must be a number, was 'abc'"},
            {"10000000000", "", "amount_usd", "amount_usd must be more than 0 and at most 1000000000, was 10000000000"},
            {"12.5", "0.8, 0.5", "thresholds", "thresholds must be strictly ascending"},
            {"12.5", "0.5, high", "thresholds", "thresholds[1]: must be a number, was 'high'"},
        };
        for (String[] c : bad) {
            dialog.getByLabel("Amount (USD)").fill(c[0]);
            dialog.getByLabel("Thresholds").fill(c[1]);
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create")).click();
            assertThat(dialog.locator(".field-error[data-field=" + c[2] + "]")).containsText(c[3]);
            assertThat(dialog).isVisible();
            assertThat(budgetNames()).doesNotContain(name);
        }

        dialog.getByLabel("Amount (USD)").fill("12.5");
        dialog.getByLabel("Thresholds").fill("");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create")).click();
        assertThat(dialog).hasCount(0);

        Locator row = page.locator("#budgets tbody tr").filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).hasCount(1);
        assertThat(row.locator("b")).hasCount(0); // the name is text, never markup
        assertThat(row).containsText("agent:support-bot");
        assertThat(row).containsText("of $12.50");
        JsonNode created = budget(name);
        String state = created.get("status").get("state").asString();
        assertThat(row.locator(".badge").first()).hasText(state);
        assertThat(row).containsText(usd(created.get("status").get("spent_usd").decimalValue()) + " of $12.50");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit budget " + name)).click();
        assertThat(dialog.getByLabel("Amount (USD)")).hasValue("12.5");
        dialog.getByLabel("Amount (USD)").fill("20");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(dialog).hasCount(0);
        assertThat(row).containsText("of $20.00");
        assertThat(budget(name).get("amount_usd").decimalValue()).isEqualByComparingTo("20");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete budget " + name)).click();
        page.locator("dialog.modal").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(row).hasCount(0);
        assertThat(budgetNames()).doesNotContain(name);
    }

    @Test
    void a_viewer_sees_budgets_but_no_control_to_change_them(Page page) {
        String name = "e2e viewer-visible budget " + System.nanoTime();
        RealServer.Answer created = Dashboard.server().post("/api/v1/budgets",
                "{\"name\": \"" + name + "\", \"scope\": \"workspace\", \"amount_usd\": 1000, \"period\": \"month\"}");
        assertThat(created.status()).isEqualTo(201);
        String email = "viewer-" + System.nanoTime() + "@e2e.sextant.test";
        RealServer.Answer member = Dashboard.server().post("/api/v1/members",
                "{\"email\": \"" + email + "\", \"role\": \"viewer\", \"password\": \"viewer-password-1\"}");
        assertThat(member.status()).isEqualTo(201);
        try {
            Dashboard.logIn(page, email, "viewer-password-1");
            page.navigate("/costs");
            Locator row = page.locator("#budgets tbody tr").filter(new Locator.FilterOptions().setHasText(name));
            assertThat(row).hasCount(1);
            assertThat(page.locator("#budget-create")).hasCount(0);
            assertThat(page.locator("#budgets button", new Page.LocatorOptions().setHasText("Delete"))).hasCount(0);
            assertThat(page.locator("#budgets button", new Page.LocatorOptions().setHasText("Edit"))).hasCount(0);
        } finally {
            delete("/api/v1/budgets/" + created.body().get("id").asString());
        }
    }

    @Test
    void an_empty_workspace_shows_its_own_empty_costs_and_none_of_another_workspaces_budgets(Page page) {
        String name = "e2e default-only budget " + System.nanoTime();
        RealServer.Answer created = Dashboard.server().post("/api/v1/budgets",
                "{\"name\": \"" + name + "\", \"scope\": \"workspace\", \"amount_usd\": 1000, \"period\": \"month\"}");
        FreshWorkspace fresh = FreshWorkspace.create("admin");
        try {
            Dashboard.logIn(page, fresh.email(), fresh.password());
            page.navigate("/costs?range=90d");
            assertThat(page.locator("[data-kpi=total-cost] .kpi-value")).hasText("$0.00");
            assertThat(page.locator("#cost-totals")).containsText("No interactions in this range");
            assertThat(page.locator("#budgets")).containsText("No budgets yet — create one");
            assertThat(page.locator("#budgets")).not().containsText(name);
            assertThat(page.locator("#cost-forecast")).containsText("Not enough history to forecast");
            assertThat(page.locator("#cost-over-time")).containsText("No cost in this range");
            assertThat(page.locator(".state.error")).hasCount(0);
        } finally {
            delete("/api/v1/budgets/" + created.body().get("id").asString());
        }
    }

    @Test
    void new_data_shows_on_the_costs_page_without_a_reload(Page page) {
        FreshWorkspace fresh = FreshWorkspace.create("admin");
        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/costs?range=24h");
        Locator total = page.locator("[data-kpi=total-cost] .kpi-value");
        assertThat(total).hasText("$0.00");
        assertThat(page.locator("#freshness")).hasClass(Pattern.compile("\\blive\\b"));
        String start = java.time.Instant.now().minusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        int status = fresh.ingest("""
                {"batch": [{"type": "trace", "body": {"id": "live-cost-1", "agent_id": "live-bot", "started_at": "%1$s"}},
                  {"type": "span", "body": {"id": "live-cost-1-llm", "trace_id": "live-cost-1", "kind": "llm", "name": "generate",
                    "model": "gpt-4o-mini", "started_at": "%1$s", "cost_usd": 1.25,
                    "usage": {"input_tokens": 1000, "output_tokens": 100}}}]}""".formatted(start));
        assertThat(status).isEqualTo(200);
        assertThat(total).hasText("$1.25");
        assertThat(page.locator("#cost-by-agent")).containsText("live-bot");
    }

    private static java.util.List<String> budgetNames() {
        JsonNode budgets = Dashboard.server().get("/api/v1/budgets").get("budgets");
        return StreamSupport.stream(budgets.spliterator(), false).map(b -> b.get("name").asString()).toList();
    }

    private static JsonNode budget(String name) {
        JsonNode budgets = Dashboard.server().get("/api/v1/budgets").get("budgets");
        return StreamSupport.stream(budgets.spliterator(), false).filter(b -> b.get("name").asString().equals(name))
                .findFirst().orElseThrow();
    }

    private static void delete(String path) {
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(Dashboard.server().url() + path)).header("Authorization", "Bearer " + RealServer.KEY)
                    .DELETE().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** As the page's fmt.usd: cents (none from $100), two significant digits under a cent. */
    static String usd(BigDecimal value) {
        if (value.signum() != 0 && value.abs().compareTo(new BigDecimal("0.01")) < 0) {
            return "$" + value.round(new java.math.MathContext(2, RoundingMode.HALF_UP)).toPlainString();
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
        f.setRoundingMode(RoundingMode.HALF_UP);
        f.setMaximumFractionDigits(value.compareTo(new BigDecimal(100)) >= 0 ? 0 : 2);
        f.setMinimumFractionDigits(value.compareTo(new BigDecimal(100)) >= 0 ? 0 : 2);
        return f.format(value);
    }
}
