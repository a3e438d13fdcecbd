package dev.sextant.cli;

import dev.sextant.testing.RealServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant dashboard} and {@code sextant trends} against the real server. The expected
 * figures are worked out by hand from the batch below, not read back from the server.
 */
class ITAnalyticsCommands {
    private static final String TO = "2026-11-08T00:00:00Z";
    private static RealServer server;

    @TempDir
    Path dir;

    /**
     * This period (Nov 1-7): alpha t-1 ok 1000 ms (1 Flash call, search ok, rating 5), alpha t-2
     * error 3000 ms (2 Flash calls, search fails), beta t-3 ok 500 ms (rating 3), beta t-4 ok 2000 ms
     * handed off. The period before (Oct 25-31): alpha p-1 ok 800 ms, 1 Flash call, rating 4.
     * A Flash call of 1000 in + 500 out costs 1000 × 0.075/1M + 500 × 0.30/1M = $0.000225.
     */
    @BeforeAll
    static void startServer() {
        server = RealServer.start();
        RealServer.Answer r = server.post("/api/v1/ingest", """
                {"batch": [
                  {"type": "trace", "body": {"id": "t-1", "agent_id": "alpha", "status": "ok",
                    "started_at": "2026-11-01T10:00:00Z", "ended_at": "2026-11-01T10:00:01Z"}},
                  {"type": "trace", "body": {"id": "t-2", "agent_id": "alpha", "status": "error", "error": "boom",
                    "started_at": "2026-11-01T11:00:00Z", "ended_at": "2026-11-01T11:00:03Z"}},
                  {"type": "trace", "body": {"id": "t-3", "agent_id": "beta", "status": "ok",
                    "started_at": "2026-11-03T10:00:00Z", "ended_at": "2026-11-03T10:00:00.500Z"}},
                  {"type": "trace", "body": {"id": "t-4", "agent_id": "beta", "status": "ok",
                    "handoff": {"triggered": true, "reason": "angry"},
                    "started_at": "2026-11-05T10:00:00Z", "ended_at": "2026-11-05T10:00:02Z"}},
                  {"type": "trace", "body": {"id": "p-1", "agent_id": "alpha", "status": "ok",
                    "started_at": "2026-10-28T10:00:00Z", "ended_at": "2026-10-28T10:00:00.800Z"}},
                  %s, %s, %s, %s,
                  {"type": "span", "body": {"id": "s-search-1", "trace_id": "t-1", "kind": "tool", "tool_name": "search",
                    "status": "ok", "started_at": "2026-11-01T10:00:00Z", "ended_at": "2026-11-01T10:00:00.100Z"}},
                  {"type": "span", "body": {"id": "s-search-2", "trace_id": "t-2", "kind": "tool", "tool_name": "search",
                    "status": "error", "error": "HTTP 503 for order A1",
                    "started_at": "2026-11-01T11:00:00Z", "ended_at": "2026-11-01T11:00:00.300Z"}},
                  {"type": "score", "body": {"id": "r-1", "trace_id": "t-1", "name": "user_rating", "value": 5}},
                  {"type": "score", "body": {"id": "r-3", "trace_id": "t-3", "name": "user_rating", "value": 3}},
                  {"type": "score", "body": {"id": "r-p", "trace_id": "p-1", "name": "user_rating", "value": 4}}
                ]}""".formatted(flash("l-1", "t-1"), flash("l-2", "t-2"), flash("l-3", "t-2"), flash("l-p", "p-1")));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        RealServer.Answer budget = server.post("/api/v1/budgets",
                "{\"name\": \"monthly\", \"scope\": \"workspace\", \"amount_usd\": 10, \"period\": \"month\"}");
        assertThat(budget.status()).as(budget.body().toString()).isEqualTo(201);
    }

    private static String flash(String id, String trace) {
        return """
                {"type": "span", "body": {"id": "%s", "trace_id": "%s", "kind": "llm", "model": "gemini-1.5-flash",
                  "usage": {"input_tokens": 1000, "output_tokens": 500}}}""".formatted(id, trace);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private CliRunner cli(String key) {
        return new CliRunner(dir).env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, key);
    }

    @Test
    void dashboardShowsThePeriodBesideThePreviousOne() {
        CliRunner.Result r = cli(RealServer.KEY).run("dashboard", "--days", "7", "--to", TO);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("Sextant, last 7 days: 2026-11-01T00:00:00Z to " + TO + " (data as of ");
        // 4 against 1 interaction; cost 3 × 0.000225 against 1 × 0.000225; 4 × 1500 tokens against 1500.
        assertThat(r.out()).contains(row("interactions", "4", "1", "+300.0%"))
                .contains(row("cost (USD)", "0.000675", "0.000225", "+200.0%"))
                .contains(row("tokens", "4,500", "1,500", "+200.0%"))
                // percentile_cont(0.95) of 500, 1000, 2000, 3000 = 2000 + 0.85 × 1000; of 800 alone = 800
                .contains(row("p95 latency (ms)", "2,850", "800.00", "+256.3%"))
                .contains(row("error rate", "25.0%", "0.0%", "+25.0 pt"))
                .contains(row("hand-off rate", "25.0%", "0.0%", "+25.0 pt"))
                // (5 + 3) / 2 against 4
                .contains(row("satisfaction", "4.00 (n=2)", "4.00 (n=1)", "+0.0%"));
        // alpha: 2 executions, 1 success, cost 3 × 0.000225 / 2; beta: 2 executions, both ok, no cost
        assertThat(r.out()).contains(String.format("%-24s %10s %9s %12s %12s", "alpha", "2", "50.0%", "2,900", "0.000338"))
                .contains(String.format("%-24s %10s %9s %12s %12s", "beta", "2", "100.0%", "1,925", "0.00"));
        assertThat(r.out()).contains(String.format("%-24s %10s %9s %12s  %s", "search", "2", "50.0%", "290.00",
                "HTTP # for order A# ×1"));
        // four interactions are far below every insight's minimum sample; no alert rule exists
        assertThat(r.out()).contains("firing alerts\n  none\n")
                .contains("top insights\n  no significant change against the previous period\n");
        // the budget's month is the current one: of the batch only November's traces count if it is November
        assertThat(r.out()).containsPattern("budgets\n  monthly +(ok|warning|exceeded) +[0-9.]+% used  \\$[0-9.]+ of "
                + "\\$10.00 this month, ");
    }

    private static String row(String label, String now, String before, String change) {
        return String.format("%-20s %14s %14s %10s", label, now, before, change);
    }

    @Test
    void trendsDrawsTheSeriesAndListsItsBuckets() {
        CliRunner.Result r = cli(RealServer.KEY).run("trends", "--metric", "interactions", "--days", "7", "--to", TO);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        // Daily counts Nov 1..7: 2, 0, 1, 0, 1, 0, 0 → bars scaled from 0 (▁) to 2 (█); 1 is the middle (▅).
        assertThat(r.out()).contains("all  █▁▅▁▅▁▁  last 0.00 (before 0.00, –)");
        assertThat(r.out()).contains(String.format("%-20s  %14s  %8s", "2026-11-01T00:00:00Z", "2.00", "2"))
                .contains(String.format("%-20s  %14s  %8s", "2026-11-02T00:00:00Z", "0.00", "0"))
                .contains(String.format("%-20s  %14s  %8s", "2026-11-05T00:00:00Z", "1.00", "1"));
    }

    @Test
    void trendsGroupedByAgentShowsOneLinePerAgentWithRatesInPercent() {
        CliRunner.Result r = cli(RealServer.KEY).run("trends", "--metric", "error_rate", "--days", "7", "--to", TO,
                "--group-by", "agent");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("error_rate per day, 2026-11-01T00:00:00Z to " + TO + ", by agent");
        // alpha has a value only on Nov 1 (1 error of 2): one bar, the rest blank.
        assertThat(r.out()).contains("alpha  ▅      ");
        assertThat(r.out()).doesNotContain("bucket");
    }

    @Test
    void jsonPrintsTheServersAnswer() {
        CliRunner.Result r = cli(RealServer.KEY).run("trends", "--metric", "cost", "--days", "7", "--to", TO, "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(Json.MAPPER.readTree(r.out()).path("metric").asString()).isEqualTo("cost");
    }

    @Test
    void aMetricTheServerDoesNotKnowExitsWithTwoAndItsReason() {
        CliRunner.Result r = cli(RealServer.KEY).run("trends", "--metric", "happiness", "--to", TO);
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("sextant: the server refused the options: ").contains("metric");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aKeyWithoutAnalyticsViewExitsWithFour() {
        RealServer.Answer key = server.post("/api/v1/api-keys", "{\"name\": \"ingest-only\", \"scopes\": [\"ingest:write\"]}");
        CliRunner.Result r = cli(key.body().get("secret").asString()).run("dashboard");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_KEY);
        assertThat(r.err()).contains("analytics:view");
    }
}
