package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sextant.testing.RealServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant alerts} against the real server evaluating rules every 200 ms: a rule on the
 * error rate of the last hour fires on 1 error in 2 interactions (50% > 10%).
 */
class ITAlertsCommand {
    private static RealServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = RealServer.startWith("--sextant.alerts.evaluation-interval=200ms");
        Instant at = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        RealServer.Answer r = server.post("/api/v1/ingest", """
                {"batch": [
                  {"type": "trace", "body": {"id": "a-1", "agent_id": "flaky", "status": "error", "started_at": "%s"}},
                  {"type": "trace", "body": {"id": "a-2", "agent_id": "flaky", "status": "ok", "started_at": "%s"}}
                ]}""".formatted(at, at.plusSeconds(1)));
        assertThat(r.status()).isEqualTo(200);
        RealServer.Answer rule = server.post("/api/v1/alert-rules", """
                {"name": "flaky errors", "metric": "error_rate", "filter": {"agent_id": "flaky"}, "window": "1h",
                 "condition": {"type": "threshold", "op": ">", "value": 0.1}, "severity": "critical"}""");
        assertThat(rule.status()).as(String.valueOf(rule.body())).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                server.fetch("/api/v1/alerts?status=firing").body().path("items").size() == 1);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private CliRunner cli() {
        return new CliRunner(dir).env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, RealServer.KEY);
    }

    @Test
    void theFiringAlertIsListedWithItsValue() {
        CliRunner.Result r = cli().run("alerts", "--status", "firing");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith(String.format("%-13s %-9s %-21s %-21s %6s  %s", "status", "severity", "started",
                "last seen", "times", "title (value)"));
        assertThat(r.out()).containsPattern("firing +critical .* flaky errors \\(0\\.500\\)|firing +critical .* flaky errors \\(0\\.5\\)");
    }

    @Test
    void noResolvedAlertsSaysSo() {
        CliRunner.Result r = cli().run("alerts", "--status", "resolved");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo("No resolved alerts.\n");
    }

    @Test
    void theDashboardShowsTheFiringAlert() {
        CliRunner.Result r = cli().run("dashboard", "--days", "1");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).containsPattern("firing alerts\\n  critical  flaky errors \\(since ");
    }
}
