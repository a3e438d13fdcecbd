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
 * {@code sextant learning insights} against the real server: task "fix" solved by tool grep 90
 * times of 100 and by tool search 60 of 100 (November 2026); one learning of agent coder applied
 * to ten of the grep traces (all succeeded), another to ten failed search traces.
 */
class ITLearningInsightsCommand {
    private static RealServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = RealServer.start();
        List<String> items = new ArrayList<>();
        for (String tool : List.of("grep", "search")) {
            for (int i = 0; i < 100; i++) {
                String id = tool + "-" + i;
                boolean ok = i < (tool.equals("grep") ? 90 : 60);
                String at = String.format("2026-11-%02dT10:%02d:00Z", 2 + i % 20, i % 60);
                items.add("""
                        {"type": "trace", "body": {"id": "%s", "agent_id": "coder", "status": "%s", "started_at": "%s",
                          "metadata": {"task_type": "fix"}}}""".formatted(id, ok ? "ok" : "error", at));
                items.add("""
                        {"type": "span", "body": {"id": "%s-s", "trace_id": "%s", "kind": "tool", "tool_name": "%s",
                          "started_at": "%s"}}""".formatted(id, id, tool, at));
            }
        }
        RealServer.Answer r = server.post("/api/v1/ingest", "{\"batch\": [" + String.join(",", items) + "]}");
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        created(server.post("/api/v1/learnings", """
                {"id": "prefer-grep", "agent_id": "coder", "statement": "Prefer grep for fixes",
                 "pattern": {"items": ["tool=grep"]}}"""));
        created(server.post("/api/v1/learnings", """
                {"id": "search-first", "agent_id": "coder", "statement": "Search before editing",
                 "pattern": {"items": ["tool=search"]}, "initial_confidence": 0.7, "evidence": {"n": 10}}"""));
        for (int i = 0; i < 10; i++) {
            created(server.post("/api/v1/learnings/prefer-grep/applications", "{\"trace_id\": \"grep-" + i + "\"}"));
            created(server.post("/api/v1/learnings/search-first/applications",
                    "{\"trace_id\": \"search-" + (60 + i) + "\"}"));
        }
    }

    private static void created(RealServer.Answer r) {
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private CliRunner cli() {
        return new CliRunner(dir).env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, RealServer.KEY);
    }

    @Test
    void learningsAndRecommendationsAreTables() {
        CliRunner.Result r = cli().run("learning", "insights", "--agent", "coder", "--from", "2026-11-01T00:00:00Z",
                "--to", "2026-12-01T00:00:00Z");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("Active learnings of coder (2)\n");
        // prefer-grep: 10 of 10 against 140 of 190 (the rest of coder's traces); Beta(1 + 10, 1): 11/12
        assertThat(r.out()).contains("prefer-grep                   10  100.0% 72.2%-100.0%    +26.3 pt (p 0.069)     "
                + "       91.7% 71.5%-99.8%     rising");
        // search-first: prior Beta(7, 3) from 0.7 and n 10, then 10 failures: Beta(7, 13), 35%
        assertThat(r.out()).contains("search-first                  10    0.0% 0.0%-27.8%      -78.9 pt (p <0.001)    "
                + "       35.0% 16.3%-56.6%     falling");
        assertThat(r.out()).contains("fix                  tool   recommended      grep (100, 90.0%, 82.6%-94.5%)       "
                + "search (100, 60.0%, 50.2%-69.1%)     +30.0 pt (+18.3 pt to +40.8 pt) <0.001 (<0.001)");
        assertThat(r.out()).contains("Recommended for wider use (confidence high and rising)\n  prefer-grep: confidence"
                + " 91.7% (71.5%-99.8%), 10 outcomes, success 100.0% — Prefer grep for fixes");
    }

    @Test
    void jsonIsTheServersAnswers() {
        CliRunner.Result r = cli().run("learning", "insights", "--json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(Json.MAPPER.readTree(r.out()).path("learnings").size()).isEqualTo(2);
        assertThat(Json.MAPPER.readTree(r.out()).path("recommendations").path("tasks").size()).isEqualTo(1);
    }

    @Test
    void badOptionsAreRefusedBeforeAsking() {
        CliRunner.Result r = cli().run("learning", "insights", "--from", "yesterday");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("must be an RFC 3339 time");
        assertThat(cli().run("learning").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
