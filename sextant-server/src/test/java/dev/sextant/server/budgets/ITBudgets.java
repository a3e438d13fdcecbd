package dev.sextant.server.budgets;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.budgets.BudgetTraffic.Call;
import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Budgets CRUD and status through the real server; spent figures computed here from what was sent. */
class ITBudgets {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    private static final BudgetTraffic traffic = new BudgetTraffic(server);

    private static final String BODY = """
            {"name": "monthly", "scope": "agent:bot-a", "amount_usd": 10, "period": "month",
             "thresholds": [0.25, 0.5], "enforcement": "enforce"}""";

    @Test
    void aBudgetIsCreatedReadReplacedAndDeleted() {
        String key = traffic.workspace("b-crud");
        Response created = server.post("/api/v1/budgets", key, BODY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode b = created.json();
        String id = b.get("id").asString();
        assertThat(id).startsWith("budget_");
        assertThat(b.get("name").asString()).isEqualTo("monthly");
        assertThat(b.get("scope").asString()).isEqualTo("agent:bot-a");
        assertThat(b.get("amount_usd").decimalValue()).isEqualByComparingTo("10");
        assertThat(b.get("period").asString()).isEqualTo("month");
        assertThat(b.get("thresholds").toString()).isEqualTo("[0.25,0.5]");
        assertThat(b.get("enforcement").asString()).isEqualTo("enforce");
        assertThat(b.get("status").get("spent_usd").decimalValue()).isEqualByComparingTo("0");
        assertThat(b.get("status").get("projection").get("method").asString()).isEqualTo("insufficient_data");

        assertThat(ok("/api/v1/budgets/" + id, key).get("name").asString()).isEqualTo("monthly");
        JsonNode list = ok("/api/v1/budgets", key);
        assertThat(list.get("budgets").size()).isEqualTo(1);
        assertThat(list.get("data_as_of").isNull()).isFalse();

        Response put = traffic.put("/api/v1/budgets/" + id, key,
                "{\"name\": \"daily\", \"scope\": \"workspace\", \"amount_usd\": \"2.5\", \"period\": \"day\"}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode replaced = ok("/api/v1/budgets/" + id, key);
        assertThat(replaced.get("scope").asString()).isEqualTo("workspace");
        assertThat(replaced.get("thresholds").toString()).isEqualTo("[0.5,0.8,1.0]");
        assertThat(replaced.get("enforcement").asString()).isEqualTo("watch");
        assertThat(replaced.get("amount_usd").decimalValue()).isEqualByComparingTo("2.5");

        assertThat(server.delete("/api/v1/budgets/" + id, key).status()).isEqualTo(204);
        assertThat(server.get("/api/v1/budgets/" + id, key).status()).isEqualTo(404);
        assertThat(server.delete("/api/v1/budgets/" + id, key).status()).isEqualTo(404);
    }

    /**
     * Calls of bot-a spread over the last 100 hours and one 40 days ago; the spent figure is the
     * sum of those that started on or after the first of this month (UTC), computed here.
     */
    @Test
    void statusShowsWhatWasSpentThisPeriodAndAProjection() {
        String key = traffic.workspace("b-status");
        Instant now = Instant.now();
        List<Call> calls = new ArrayList<>();
        for (int h = 1; h <= 100; h += 3) {
            calls.add(new Call("s-" + h, "bot-a", "gpt-4o", now.minus(Duration.ofHours(h)), new BigDecimal("0.0" + (h % 9 + 1))));
        }
        calls.add(new Call("s-old", "bot-a", "gpt-4o", now.minus(Duration.ofDays(40)), new BigDecimal("3")));
        calls.add(new Call("s-other", "bot-b", "gpt-4o", now.minus(Duration.ofHours(2)), new BigDecimal("5")));
        traffic.ingest(key, calls);
        String id = server.post("/api/v1/budgets", key, BODY).json().get("id").asString();

        JsonNode status = ok("/api/v1/budgets/" + id + "/status", key);
        LocalDate first = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1);
        Instant monthStart = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        BigDecimal spent = calls.stream().filter(c -> c.agent().equals("bot-a") && !c.start().isBefore(monthStart))
                .map(Call::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        long interactions = calls.stream().filter(c -> c.agent().equals("bot-a") && !c.start().isBefore(monthStart)).count();
        assertThat(Instant.parse(status.get("period_start").asString())).isEqualTo(monthStart);
        assertThat(Instant.parse(status.get("period_end").asString()))
                .isEqualTo(first.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(status.get("spent_usd").decimalValue()).isEqualByComparingTo(spent);
        assertThat(status.get("remaining_usd").decimalValue()).isEqualByComparingTo(new BigDecimal("10").subtract(spent));
        assertThat(status.get("interactions").asLong()).isEqualTo(interactions);
        assertThat(status.get("used_fraction").asDouble()).isCloseTo(spent.doubleValue() / 10, within(1e-6));
        List<String> crossed = new ArrayList<>();
        for (String t : new String[] {"0.25", "0.5"}) {
            if (spent.compareTo(new BigDecimal(t).multiply(BigDecimal.TEN)) >= 0) {
                crossed.add(t);
            }
        }
        assertThat(status.get("thresholds_crossed").toString()).isEqualTo("[" + String.join(",", crossed) + "]");
        JsonNode projection = status.get("projection");
        assertThat(projection.get("method").asString()).isEqualTo("trend_weekday_ols");
        assertThat(projection.get("fitted_days").asInt()).isEqualTo(40);
        assertThat(projection.get("level").asDouble()).isEqualTo(0.95);
        assertThat(projection.get("predicted_usd").asDouble()).isGreaterThanOrEqualTo(spent.doubleValue());
        assertThat(projection.get("lower_usd").asDouble()).isLessThanOrEqualTo(projection.get("predicted_usd").asDouble());
        assertThat(projection.get("upper_usd").asDouble()).isGreaterThanOrEqualTo(projection.get("predicted_usd").asDouble());
        Duration asOfOff = Duration.between(calls.get(0).start(), Instant.parse(status.get("data_as_of").asString()));
        assertThat(asOfOff.abs()).as("data_as_of is the newest trace start of the scope").isLessThan(Duration.ofMillis(1));
    }

    @Test
    void theForecastListsEveryDayWithItsInterval() {
        String key = traffic.workspace("b-forecast");
        Instant now = Instant.now();
        List<Call> calls = new ArrayList<>();
        for (int d = 1; d <= 20; d++) {
            calls.add(new Call("f-" + d, "bot-f", "gpt-4o", now.minus(Duration.ofDays(d)), new BigDecimal(d % 7 + 1)));
        }
        traffic.ingest(key, calls);
        JsonNode f = ok("/api/v1/analytics/forecast?metric=cost&days=10&agent_id=bot-f", key);
        assertThat(f.get("method").asString()).isEqualTo("trend_weekday_ols");
        assertThat(f.get("scope").asString()).isEqualTo("agent:bot-f");
        assertThat(f.get("fitted_days").asInt()).isEqualTo(20);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        assertThat(f.get("history_to").asString()).isEqualTo(today.minusDays(1).toString());
        assertThat(f.get("forecast").size()).isEqualTo(10);
        assertThat(f.get("forecast").get(0).get("day").asString()).isEqualTo(today.toString());
        assertThat(f.get("weekday_effects").get("sunday").asDouble()).isZero();
        JsonNode none = ok("/api/v1/analytics/forecast?model=never-called", key);
        assertThat(none.get("method").asString()).isEqualTo("insufficient_data");
        assertThat(none.get("reason").asString()).contains("0 day(s)");
        assertThat(none.get("forecast").size()).isZero();
        assertThat(none.get("days").asInt()).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"scope\": \"workspace\", \"amount_usd\": 1, \"period\": \"day\"}|name",
            "{\"name\": \"x\", \"scope\": \"team:ops\", \"amount_usd\": 1, \"period\": \"day\"}|scope",
            "{\"name\": \"x\", \"scope\": \"agent:\", \"amount_usd\": 1, \"period\": \"day\"}|scope",
            "{\"name\": \"x\", \"amount_usd\": 1, \"period\": \"day\"}|scope",
            "{\"name\": \"x\", \"scope\": \"workspace\", \"amount_usd\": -1, \"period\": \"day\"}|amount_usd",
            "{\"name\": \"x\", \"scope\": \"workspace\", \"amount_usd\": 0, \"period\": \"day\"}|amount_usd",
            "{\"name\": \"x\", \"scope\": \"workspace\", \"amount_usd\": 1e-999999999, \"period\": \"day\"}|amount_usd",
            "{\"name\": \"x\", \"scope\": \"workspace\", \"period\": \"day\"}|amount_usd",
            "{\"name\": \"x\", \"scope\": \"workspace\", \"amount_usd\": 1, \"period\": \"year\"}|period",
            "{\"name\": \"x\", \"scope\": \"workspace\", \"amount_usd\": 1, \"period\": \"day\", \"thresholds\": [0.8, 0.5]}|thresholds",
            "{\"name\": \"x\", \"scope\": \"workspace\", \"amount_usd\": 1, \"period\": \"day\", \"thresholds\": [0]}|thresholds",
            "{\"name\": \"x\", \"scope\": \"workspace\", \"amount_usd\": 1, \"period\": \"day\", \"enforcement\": \"block\"}|enforcement",
            "{\"name\": 5, \"scope\": \"workspace\", \"amount_usd\": 1, \"period\": \"day\"}|name",
            "{\"name\": \"x\", \"scope\": \"workspace\", \"amount_usd\": 1, \"period\": \"day\", \"amount\": 1}|amount",
            "{\"name\": \"x\", \"scope\": \"workspace\", \"amount_usd\": [1], \"period\": \"day\"}|amount_usd",
            "{\"name\": \"x\", \"scope\": \"workspace\", \"amount_usd\": 1, \"period\": \"day\", \"thresholds\": \"0.5\"}|thresholds"})
    void badBodiesAre400NamingTheField(String body, String field) {
        String key = ADMIN_KEY;
        for (Response r : List.of(server.post("/api/v1/budgets", key, body), traffic.put("/api/v1/budgets/any", key, body))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body()).contains("\"field\":\"" + field + "\"");
        }
    }

    @Test
    void malformedOversizeAndHostileBodies() {
        assertThat(server.post("/api/v1/budgets", ADMIN_KEY, "{\"name\": ").status()).isEqualTo(400);
        assertThat(server.post("/api/v1/budgets", ADMIN_KEY, "[1, 2]").status()).isEqualTo(400);
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        assertThat(server.post("/api/v1/budgets", ADMIN_KEY, huge).status()).isEqualTo(413);
        Response longName = server.post("/api/v1/budgets", ADMIN_KEY,
                "{\"name\": \"" + "n".repeat(300) + "\", \"scope\": \"agent:" + "a".repeat(300) + "\", \"amount_usd\": 1, \"period\": \"day\"}");
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.body()).contains("\"field\":\"name\"").contains("\"field\":\"scope\"");
        String hostile = "Robert'); DROP TABLE budgets;-- <script>alert(1)</script> \\\" ü 🚀";
        Response created = server.post("/api/v1/budgets", ADMIN_KEY, "{\"name\": \"" + hostile
                + "\", \"scope\": \"model:" + hostile + "\", \"amount_usd\": 1, \"period\": \"week\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode back = ok("/api/v1/budgets/" + created.json().get("id").asString(), ADMIN_KEY);
        String stored = "Robert'); DROP TABLE budgets;-- <script>alert(1)</script> \" ü 🚀";
        assertThat(back.get("name").asString()).isEqualTo(stored);
        assertThat(back.get("scope").asString()).isEqualTo("model:" + stored);
        Response nul = server.post("/api/v1/budgets", ADMIN_KEY,
                "{\"name\": \"a\\u0000b\", \"scope\": \"agent:x\\u0000\", \"amount_usd\": 1, \"period\": \"week\"}");
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(nul.body()).contains("\"field\":\"name\"").contains("\"field\":\"scope\"").contains("NUL character");
        assertThat(server.delete("/api/v1/budgets/" + created.json().get("id").asString(), ADMIN_KEY).status()).isEqualTo(204);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({
            "/api/v1/analytics/forecast?metric=tokens, metric",
            "/api/v1/analytics/forecast?days=0, days",
            "/api/v1/analytics/forecast?days=367, days",
            "/api/v1/analytics/forecast?days=ten, days",
            "/api/v1/analytics/forecast?agent_id=a&model=b, model",
            "/api/v1/analytics/forecast?agentId=a, agentId",
            "/api/v1/analytics/forecast?days=3&days=4, days"})
    void badForecastParametersAre400NamingTheParameter(String path, String parameter) {
        Response r = server.get(path, ADMIN_KEY);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("\"parameter\":\"" + parameter + "\"");
    }

    @Test
    void keysNeedTheirScopes() {
        String admin = traffic.workspace("b-scopes");
        String viewer = traffic.key(admin, "viewer", "analytics:view");
        String ingest = traffic.key(admin, "ingest", "ingest:write");
        String config = traffic.key(admin, "config", "config:write");
        Response created = server.post("/api/v1/budgets", config, BODY);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();

        Response viewerPost = server.post("/api/v1/budgets", viewer, BODY);
        assertThat(viewerPost.status()).isEqualTo(403);
        assertThat(viewerPost.json().get("required_scope").asString()).isEqualTo("config:write");
        assertThat(traffic.put("/api/v1/budgets/" + id, viewer, BODY).status()).isEqualTo(403);
        assertThat(server.delete("/api/v1/budgets/" + id, viewer).status()).isEqualTo(403);
        for (String path : List.of("/api/v1/budgets", "/api/v1/budgets/" + id, "/api/v1/budgets/" + id + "/status",
                "/api/v1/analytics/forecast")) {
            assertThat(server.get(path, viewer).status()).as(path).isEqualTo(200);
            Response r = server.get(path, ingest);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.json().get("required_scope").asString()).isEqualTo("analytics:view");
            assertThat(server.send(server.request(path).GET().build()).status()).isEqualTo(401);
        }
        assertThat(server.get("/api/v1/budgets/check", ingest).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/budgets/check", viewer).status()).isEqualTo(200);
        Response denied = server.get("/api/v1/budgets/check", config);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("required_any_of").toString()).isEqualTo("[\"ingest:write\",\"analytics:view\"]");
        assertThat(server.send(server.request("/api/v1/budgets/check").GET().build()).status()).isEqualTo(401);
    }

    @Test
    void anotherWorkspaceNeverSeesOrChangesThisOne() {
        String mine = traffic.workspace("b-mine");
        String other = traffic.workspace("b-other");
        traffic.ingest(mine, List.of(new Call("iso-1", "bot-a", "gpt-4o", Instant.now().minusSeconds(60), new BigDecimal("4"))));
        String id = server.post("/api/v1/budgets", mine, BODY).json().get("id").asString();
        assertThat(server.get("/api/v1/budgets/" + id, other).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/budgets/" + id + "/status", other).status()).isEqualTo(404);
        assertThat(traffic.put("/api/v1/budgets/" + id, other, BODY).status()).isEqualTo(404);
        assertThat(server.delete("/api/v1/budgets/" + id, other).status()).isEqualTo(404);
        assertThat(ok("/api/v1/budgets", other).get("budgets").size()).isZero();
        JsonNode check = ok("/api/v1/budgets/check?agent_id=bot-a&estimated_cost_usd=100", other);
        assertThat(check.get("decision").asString()).isEqualTo("allow");
        assertThat(check.get("budgets").size()).isZero();
        assertThat(check.get("remaining_usd").isNull()).isTrue();
        String otherId = server.post("/api/v1/budgets", other, BODY).json().get("id").asString();
        assertThat(ok("/api/v1/budgets/" + otherId + "/status", other).get("spent_usd").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(ok("/api/v1/analytics/forecast?agent_id=bot-a", other).get("fitted_days").asInt()).isZero();
        assertThat(ok("/api/v1/budgets/" + id, mine).get("status").get("spent_usd").decimalValue())
                .isEqualByComparingTo("4");
    }

    private static JsonNode ok(String path, String key) {
        Response r = server.get(path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }
}
