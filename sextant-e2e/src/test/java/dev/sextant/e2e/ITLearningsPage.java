package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.sextant.e2e.ITHpoPage.json;
import static dev.sextant.e2e.ITHpoPage.number;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.sextant.testing.RealServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The learnings pages over the demo: the list shows the API's figures with the confidence
 * direction as arrow and word (the demo's support learning rising, the code-assistant one falling)
 * and filters by agent and status from the URL; the recommendations block shows every task type's
 * tool and model comparison and the learnings recommended for wider use; a learning's page draws
 * the confidence trend with its credible band and pages its applications; the "New learning" form
 * shows the API's field errors inline (an oversize statement, an evidence field by its pointer),
 * then creates; a writer retires and reactivates, a viewer sees the 403 answer; hostile text stays
 * text; another workspace's learning is not found.
 */
@ExtendWith(Dashboard.class)
class ITLearningsPage {
    private static final String RISING = "support-acknowledge-first";
    private static final String FALLING = "code-skip-tests-small-diffs";
    private static final String HOSTILE = "<img src=x onerror=window.__xss=1>";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @BeforeAll
    static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Test
    void the_list_shows_the_apis_figures_and_the_demos_rising_and_falling_directions(Page page) {
        JsonNode rising = Dashboard.server().get("/api/v1/learnings/" + RISING);
        JsonNode falling = Dashboard.server().get("/api/v1/learnings/" + FALLING);
        assertThat(rising.get("confidence").get("direction").asString()).isEqualTo("rising");
        assertThat(falling.get("confidence").get("direction").asString()).isEqualTo("falling");
        Dashboard.logInAsAdmin(page);
        page.navigate("/learnings");
        assertThat(page.locator("nav.side a[data-page=learnings]")).hasAttribute("aria-current", "page");
        for (JsonNode l : List.of(rising, falling)) {
            Locator row = page.locator("#learnings-table tbody tr[data-learning=\"" + l.get("id").asString() + "\"]");
            assertThat(row).hasCount(1);
            String dir = l.get("confidence").get("direction").asString();
            assertThat(row.locator("[data-direction]")).hasAttribute("data-direction", dir);
            assertThat(row.locator("[data-direction]")).containsText(dir);
            assertThat(row.locator("[data-direction]")).containsText(dir.equals("rising") ? "▲" : "▼");
            JsonNode a = l.get("applications");
            assertThat(number(row.locator("[data-metric=applications]"))).isEqualTo(a.get("total").asDouble());
            Locator success = row.locator("[data-metric=success_rate]");
            assertThat(number(success)).isEqualTo(a.get("success_rate").asDouble());
            assertThat(success).hasAttribute("data-ci-low", String.valueOf(a.get("ci_low").asDouble()));
            assertThat(success).containsText("n = " + (a.get("successes").asInt() + a.get("failures").asInt()));
            assertThat(number(row.locator("[data-metric=confidence]"))).isEqualTo(l.get("confidence").get("value").asDouble());
            assertThat(number(row.locator("[data-metric=difference]"))).isEqualTo(l.get("difference").get("value").asDouble());
            assertThat(row.locator("a.statement")).hasText(l.get("statement").asString());
        }
        // sort by confidence, highest first: the rising learning comes before the falling one
        Locator confidenceHeader = page.locator("#learnings-table thead th").filter(new Locator.FilterOptions().setHasText("Confidence"));
        confidenceHeader.locator("button").click();
        confidenceHeader.locator("button").click();
        assertThat(confidenceHeader).hasAttribute("aria-sort", "descending");
        List<String> order = ((List<?>) page.locator("#learnings-table tbody tr").evaluateAll("rows => rows.map(r => r.dataset.learning)"))
                .stream().map(String::valueOf).toList();
        assertThat(order.indexOf(RISING)).isLessThan(order.indexOf(FALLING));

        // the filters live in the URL and ask the API with them
        page.navigate("/learnings?agent=support-bot&status=active");
        assertThat(page.locator("#learning-agent")).hasValue("support-bot");
        assertThat(page.locator("#learning-status")).hasValue("active");
        int expected = Dashboard.server().get("/api/v1/learnings?agent_id=support-bot&status=active").get("learnings").size();
        assertThat(page.locator("#learnings-table tbody tr")).hasCount(expected);
        assertThat(page.locator("#learnings-table tbody tr[data-learning=\"" + FALLING + "\"]")).hasCount(0);
        page.locator("#learning-agent").selectOption("code-assistant");
        assertThat(page).hasURL(Pattern.compile("agent=code-assistant"));
        assertThat(page.locator("#learnings-table tbody tr[data-learning=\"" + FALLING + "\"]")).hasCount(1);
        assertThat(page.locator("#learnings-table tbody tr[data-learning=\"" + RISING + "\"]")).hasCount(0);
    }

    @Test
    void the_recommendations_show_every_comparison_with_its_numbers_and_the_wider_use_learnings(Page page) {
        JsonNode r = Dashboard.server().get("/api/v1/learnings/recommendations");
        List<String> keys = new ArrayList<>();
        for (JsonNode t : r.get("tasks")) {
            for (String pick : List.of("tool", "model")) {
                if (t.hasNonNull(pick)) {
                    keys.add(t.get("task_type").asString() + "/" + pick + "/" + t.get(pick).get("verdict").asString());
                }
            }
        }
        assertThat(keys).isNotEmpty();
        Dashboard.logInAsAdmin(page);
        page.navigate("/learnings");
        Locator rows = page.locator("#recommendations-table tbody tr");
        assertThat(rows).hasCount(keys.size());
        List<?> shown = (List<?>) rows.evaluateAll("rows => rows.map(r => r.dataset.task + '/' + r.dataset.pick + '/' + r.dataset.verdict)");
        assertThat(shown.stream().map(String::valueOf).toList()).containsExactlyElementsOf(keys);
        JsonNode first = r.get("tasks").get(0);
        String pick = first.hasNonNull("tool") ? "tool" : "model";
        Locator row = page.locator("#recommendations-table tbody tr[data-task=\"" + first.get("task_type").asString() + "\"][data-pick=" + pick + "]");
        JsonNode best = first.get(pick).get("best");
        assertThat(row).containsText(best.get("name").asString());
        assertThat(row).containsText("n = " + best.get("traces").asInt());
        assertThat(row).containsText(first.get(pick).get("verdict").asString().equals("recommended") ? "recommended" : "no clear winner");
        Locator wider = page.locator("#wider-use");
        assertThat(wider.locator("li")).hasCount(r.get("learnings").size());
        assertThat(wider.locator("li[data-learning=\"" + RISING + "\"]")).containsText("rising");
        assertThat(wider.locator("li[data-learning=\"" + RISING + "\"] [data-direction]")).hasAttribute("data-direction", "rising");
    }

    @Test
    void a_learnings_page_draws_the_confidence_trend_with_its_band_and_pages_its_applications(Page page) {
        Dashboard.logInAsAdmin(page);
        for (String id : List.of(RISING, FALLING)) {
            JsonNode l = Dashboard.server().get("/api/v1/learnings/" + id);
            JsonNode trend = l.get("confidence").get("trend");
            page.navigate("/learnings/" + id);
            assertThat(page.locator("#learning-statement")).hasText(l.get("statement").asString());
            String dir = l.get("confidence").get("direction").asString();
            assertThat(page.locator("#learning-direction [data-direction]")).hasAttribute("data-direction", id.equals(RISING) ? "rising" : "falling");
            assertThat(page.locator("#learning-direction")).containsText(dir);
            assertThat(number(page.locator("#learning-confidence [data-metric=confidence]"))).isEqualTo(l.get("confidence").get("value").asDouble());
            assertThat(number(page.locator("#learning-difference [data-metric=difference]"))).isEqualTo(l.get("difference").get("value").asDouble());
            assertThat(page.locator("#learning-pattern")).containsText("\"items\"");
            assertThat(page.locator("#trend-table tbody tr")).hasCount(trend.size());
            Locator last = page.locator("#trend-table tbody tr").last().locator("td[data-value]");
            JsonNode lastPoint = trend.get(trend.size() - 1);
            assertThat(number(last)).isEqualTo(lastPoint.get("confidence").asDouble());
            assertThat(last).hasAttribute("data-ci-high", String.valueOf(lastPoint.get("ci_high").asDouble()));
            assertThat(page.locator("#trend-chart canvas")).isVisible();
            // the chart holds the posterior mean and the credible band (lower edge + shaded width), one point per bucket
            Object drawn = page.evaluate("() => { const o = document.getElementById('trend-chart').chart.getOption(); "
                    + "const band = o.series.find(s => s.name === '95% credible band'); const mean = o.series.find(s => s.name === 'posterior mean'); "
                    + "const lower = o.series.find(s => s.name === '95% credible band (lower)'); "
                    + "const v = d => (Array.isArray(d) ? d[d.length - 1] : d); "
                    + "return [mean.data.length, band.data.length, !!band.areaStyle, v(lower.data[lower.data.length - 1]), "
                    + "v(lower.data[lower.data.length - 1]) + v(band.data[band.data.length - 1]), v(mean.data[mean.data.length - 1]), "
                    + "o.xAxis[0].data[o.xAxis[0].data.length - 1]]; }");
            List<?> values = (List<?>) drawn;
            assertThat(((Number) values.get(0)).intValue()).isEqualTo(trend.size());
            assertThat(((Number) values.get(1)).intValue()).isEqualTo(trend.size());
            assertThat(values.get(2)).isEqualTo(true);
            assertThat(((Number) values.get(3)).doubleValue()).isEqualTo(lastPoint.get("ci_low").asDouble());
            assertThat(((Number) values.get(4)).doubleValue()).isCloseTo(lastPoint.get("ci_high").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(((Number) values.get(5)).doubleValue()).isEqualTo(lastPoint.get("confidence").asDouble());
            assertThat(values.get(6)).isEqualTo(lastPoint.get("start").asString());
        }
        // per day: the interval lives in the URL and the API's daily trend is shown
        JsonNode daily = Dashboard.server().get("/api/v1/learnings/" + FALLING + "?interval=day").get("confidence").get("trend");
        page.locator("#trend-interval").selectOption("day");
        assertThat(page).hasURL(Pattern.compile("interval=day"));
        assertThat(page.locator("#trend-table tbody tr")).hasCount(daily.size());
        assertThat(page.locator("#trend-table tbody tr").first()).hasAttribute("data-start", daily.get(0).get("start").asString());

        // applications: 25 a page, traces linked to their interaction
        JsonNode apps = Dashboard.server().get("/api/v1/learnings/" + RISING + "/applications?page_size=25");
        int total = apps.get("total").asInt();
        assertThat(total).isGreaterThan(25);
        page.navigate("/learnings/" + RISING);
        Locator rows = page.locator("#applications-table tbody tr");
        assertThat(rows).hasCount(25);
        JsonNode firstApp = apps.get("applications").get(0);
        assertThat(rows.first().locator("a.trace")).hasAttribute("href", "/interactions/" + firstApp.get("trace_id").asString());
        assertThat(rows.first().locator("[data-outcome]")).hasAttribute("data-outcome", firstApp.get("outcome").asString());
        assertThat(page.locator("#applications-count")).containsText("of " + total);
        page.locator("#applications-pager button").filter(new Locator.FilterOptions().setHasText("Older")).click();
        assertThat(page).hasURL(Pattern.compile("page=2"));
        assertThat(rows).hasCount(Math.min(25, total - 25));
        JsonNode second = Dashboard.server().get("/api/v1/learnings/" + RISING + "/applications?page_size=25&page=2");
        assertThat(rows.first()).hasAttribute("data-trace", second.get("applications").get(0).get("trace_id").asString());
        rows.first().locator("a.trace").click();
        assertThat(page).hasURL(Dashboard.server().url() + "/interactions/" + second.get("applications").get(0).get("trace_id").asString());
    }

    @Test
    void the_form_shows_field_errors_inline_then_creates_and_the_learning_is_retired_and_reactivated(Page page) {
        String id = "e2e-learning-" + unique();
        Dashboard.logInAsAdmin(page);
        page.navigate("/learnings");
        page.locator("#new-learning").click();
        Locator dialog = page.locator("dialog[open]");
        dialog.getByLabel("Statement").fill("x".repeat(2001));
        dialog.getByLabel("Id", new Locator.GetByLabelOptions().setExact(true)).fill(id);
        dialog.getByLabel("Agent").fill("support-bot");
        dialog.getByLabel("Confidence", new Locator.GetByLabelOptions().setExact(true)).fill("1.2");
        dialog.locator("button[type=submit]").click();
        Locator statementError = dialog.locator("[data-field=statement] .field-error");
        assertThat(statementError).containsText("statement");
        assertThat(statementError).containsText("2000");
        assertThat(dialog.locator("[data-field=statement] textarea")).hasAttribute("aria-invalid", "true");
        assertThat(dialog.locator("[data-field=\"evidence.confidence\"] .field-error")).containsText("between 0 and 1");
        assertThat(Dashboard.server().fetch("/api/v1/learnings/" + id).status()).isEqualTo(404);

        dialog.getByLabel("Statement").fill("Greet by name " + HOSTILE);
        dialog.getByLabel("Confidence", new Locator.GetByLabelOptions().setExact(true)).fill("0.8");
        dialog.getByLabel("Pattern (JSON)").fill("{\"items\": [\"greeting=name\"]}");
        dialog.locator("button[type=submit]").click();
        assertThat(page.locator("dialog[open]")).hasCount(0);
        assertThat(page.locator("#learnings-notice")).containsText("Created " + id);
        Locator row = page.locator("#learnings-table tbody tr[data-learning=\"" + id + "\"]");
        assertThat(row).hasCount(1);
        assertThat(row.locator("a.statement")).hasText("Greet by name " + HOSTILE);
        assertThat(row.locator("[data-status]")).hasAttribute("data-status", "active");
        assertThat(page.locator("main img")).hasCount(0);

        row.locator("a.statement").click();
        assertThat(page).hasURL(Dashboard.server().url() + "/learnings/" + id);
        assertThat(page.locator("#learning-statement")).hasText("Greet by name " + HOSTILE);
        assertThat(page.locator("#learning-trend")).containsText("No application with an outcome yet");
        assertThat(page.locator("#learning-applications-card")).containsText("Not applied yet");
        page.locator("#learning-status-toggle").click();
        assertThat(page.locator("#learning-status [data-status]")).hasAttribute("data-status", "retired");
        assertThat(page.locator("#learning-status-toggle")).hasText("Reactivate");
        assertThat(Dashboard.server().get("/api/v1/learnings/" + id).get("status").asString()).isEqualTo("retired");
        page.navigate("/learnings?status=active");
        assertThat(page.locator("#learnings-table tbody tr[data-learning=\"" + RISING + "\"]")).hasCount(1);
        assertThat(page.locator("#learnings-table tbody tr[data-learning=\"" + id + "\"]")).hasCount(0);
        page.navigate("/learnings?status=retired");
        assertThat(page.locator("#learnings-table tbody tr[data-learning=\"" + id + "\"]")).hasCount(1);
        page.navigate("/learnings/" + id);
        page.locator("#learning-status-toggle").click();
        assertThat(page.locator("#learning-status [data-status]")).hasAttribute("data-status", "active");
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void a_viewer_sees_the_figures_and_the_servers_403_when_retiring(Page page) {
        String id = "e2e-learning-" + unique();
        RealServer.Answer created = Dashboard.server().post("/api/v1/learnings",
                "{\"id\": " + json(id) + ", \"statement\": \"Viewer sees this\", \"pattern\": {\"items\": []}}");
        assertThat(created.status()).isEqualTo(201);
        String email = ITSettings.newUser("viewer", "viewer-password-1");
        Dashboard.logIn(page, email, "viewer-password-1");
        page.navigate("/learnings");
        assertThat(page.locator("#read-only-note")).isVisible();
        assertThat(page.locator("#learnings-table tbody tr[data-learning=\"" + id + "\"]")).hasCount(1);
        page.navigate("/learnings/" + id);
        page.locator("#learning-status-toggle").click();
        Locator said = page.locator("#learning-notice");
        assertThat(said).containsText("Not allowed (HTTP 403)");
        assertThat(said).containsText("config:write");
        assertThat(Dashboard.server().get("/api/v1/learnings/" + id).get("status").asString()).isEqualTo("active");
    }

    @Test
    void another_workspaces_learning_is_not_found(Page page) {
        FreshWorkspace fresh = FreshWorkspace.create("admin");
        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/learnings/" + RISING);
        assertThat(page.locator("#learning-not-found")).containsText("Learning not found in this workspace");
        page.navigate("/learnings");
        assertThat(page.locator("#learnings-list")).containsText("No learnings yet");
        assertThat(page.locator("#learnings-table")).hasCount(0);
    }

    private static String unique() {
        return Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
    }
}
