package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testing.RealServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant insights} against the real server: 100 interactions a week, each with one search
 * call; 5 of them fail in the week of 1 November and 23 in the week of 8 November.
 */
class ITInsightsCommand {
    private static RealServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = RealServer.start();
        List<String> items = new ArrayList<>();
        for (int week = 0; week < 2; week++) {
            int failing = week == 0 ? 5 : 23;
            for (int i = 0; i < 100; i++) {
                String id = "w" + week + "-" + i;
                String at = String.format("2026-11-%02dT%02d:%02d:00Z", 1 + week * 7 + i % 7, 8 + i / 7 % 10, i % 60);
                items.add("""
                        {"type": "trace", "body": {"id": "%s", "agent_id": "bot", "status": "ok", "started_at": "%s"}}"""
                        .formatted(id, at));
                items.add("""
                        {"type": "span", "body": {"id": "%s-s", "trace_id": "%s", "kind": "tool", "tool_name": "search",
                          "status": "%s", "started_at": "%s"}}""".formatted(id, id, i < failing ? "error" : "ok", at));
            }
        }
        RealServer.Answer r = server.post("/api/v1/ingest", "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private CliRunner cli() {
        return new CliRunner(dir).env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, RealServer.KEY);
    }

    @Test
    void theFailingToolIsTheTopFindingWithItsNumbersAndLink() {
        CliRunner.Result r = cli().run("insights", "--days", "7", "--to", "2026-11-15T00:00:00Z");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("Insights: 2026-11-08T00:00:00Z to 2026-11-15T00:00:00Z against "
                + "2026-11-01T00:00:00Z to 2026-11-08T00:00:00Z (data as of ");
        assertThat(r.out()).contains(" 1. [high] Tool search fails 23.0% (23 of 100) of calls, up from 5.0% (5 of 100)"
                + " in the previous period");
        assertThat(r.out()).contains("    fisher_exact, adjusted p = ");
        assertThat(r.out()).contains("/api/v1/interactions?");
        assertThat(r.out()).containsPattern("Considered \\d+ candidates; \\d+ skipped for too little data\\.");
    }

    @Test
    void aQuietPeriodSaysSoAndWhatWasConsidered() {
        CliRunner.Result r = cli().run("insights", "--days", "7", "--to", "2026-10-20T00:00:00Z");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("No significant change found.")
                .contains("Considered 0 candidates; 0 skipped for too little data.");
    }

    @Test
    void jsonIsTheServersAnswer() {
        CliRunner.Result r = cli().run("insights", "--to", "2026-11-15T00:00:00Z", "--json", "--limit", "1");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(Json.MAPPER.readTree(r.out()).path("insights").size()).isEqualTo(1);
    }
}
