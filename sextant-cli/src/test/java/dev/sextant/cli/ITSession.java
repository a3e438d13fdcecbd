package dev.sextant.cli;

import dev.sextant.testing.RealServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A working session logged through the commands (in-process, a temporary config directory)
 * against the real server, then read back through {@code GET /api/v1/interactions/{id}}.
 */
class ITSession {
    private static RealServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = RealServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void loginThenAWholeSessionIsStoredAsOneTrace() throws Exception {
        CliRunner cli = new CliRunner(dir);
        CliRunner.Result login = cli.run("login", "--url", server.url() + "/", "--api-key", RealServer.KEY);
        assertThat(login.err()).isEmpty();
        assertThat(login.exitCode()).isZero();
        assertThat(login.out()).startsWith("Logged in to " + server.url() + " (workspace default, ws_")
                .contains("saved to " + cli.configFile() + " (mode 600).");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configFile()))).isEqualTo("rw-------");
        assertThat(Json.MAPPER.readTree(cli.configFile().toFile()).path("api_key").asString()).isEqualTo(RealServer.KEY);

        Instant before = Instant.now();
        ok(cli.run("session", "start", "--id", "sess-full", "--context", "{\"ticket\": \"SX-12\", \"repo\": \"sextant\"}",
                "--agent", "claude-code", "--user", "ana"), "Session sess-full started (trace sess-full).");
        assertThat(cli.stateFile()).exists();
        ok(cli.run("session", "log-tool", "--tool", "run_tests", "--success", "true", "--time-ms", "150"),
                "Logged tool run_tests (ok, 150 ms) in session sess-full as span tool-");
        ok(cli.run("session", "log-tool", "--tool", "mvn_verify", "--success", "false", "--time-ms", "2500",
                "--error", "2 tests failed"), "Logged tool mvn_verify (error, 2500 ms) in session sess-full");
        ok(cli.run("session", "log-codegen", "--file", "db/V3__sessions.sql", "--type", "migration", "--accepted",
                "--lines", "40"), "Logged migration db/V3__sessions.sql (40 lines), accepted in session sess-full");
        ok(cli.run("session", "log-codegen", "--file", "src/Foo.java", "--type", "class", "--rejected"),
                "Logged class src/Foo.java, rejected in session sess-full");
        ok(cli.run("session", "log-codegen", "--file", "app.yml", "--type", "config"), "Logged config app.yml in session");
        ok(cli.run("session", "end", "--feedback", "4", "--text", "good, tests caught a bug", "--tags", "refactor,db"),
                "Session sess-full ended after ");
        Instant after = Instant.now();
        assertThat(cli.stateFile()).doesNotExist();

        RealServer.Answer answer = server.fetch("/api/v1/interactions/sess-full");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode trace = answer.body();
        assertThat(trace.path("session_id").asString()).isEqualTo("sess-full");
        assertThat(trace.path("agent_id").asString()).isEqualTo("claude-code");
        assertThat(trace.path("user_id").asString()).isEqualTo("ana");
        assertThat(trace.path("name").asString()).isEqualTo("working session");
        assertThat(trace.path("status").asString()).isEqualTo("ok");
        assertThat(trace.path("metadata")).isEqualTo(Json.MAPPER.readTree("{\"ticket\": \"SX-12\", \"repo\": \"sextant\"}"));
        assertThat(strings(trace.path("tags"))).containsExactly("refactor", "db");
        Instant started = Instant.parse(trace.path("started_at").asString());
        Instant ended = Instant.parse(trace.path("ended_at").asString());
        assertThat(started).isBetween(before.minusSeconds(1), ended);
        assertThat(ended).isBetween(started, after.plusSeconds(1));

        JsonNode spans = trace.path("spans");
        assertThat(spans).hasSize(5);
        JsonNode runTests = spanNamed(spans, "run_tests");
        assertThat(runTests.path("kind").asString()).isEqualTo("tool");
        assertThat(runTests.path("tool_name").asString()).isEqualTo("run_tests");
        assertThat(runTests.path("status").asString()).isEqualTo("ok");
        assertThat(runTests.path("duration_ms").asLong()).isEqualTo(150);
        JsonNode verify = spanNamed(spans, "mvn_verify");
        assertThat(verify.path("status").asString()).isEqualTo("error");
        assertThat(verify.path("error").asString()).isEqualTo("2 tests failed");
        assertThat(verify.path("duration_ms").asLong()).isEqualTo(2500);
        assertThat(Duration.between(Instant.parse(verify.path("started_at").asString()),
                Instant.parse(verify.path("ended_at").asString()))).isEqualTo(Duration.ofMillis(2500));
        JsonNode migration = spanNamed(spans, "db/V3__sessions.sql");
        assertThat(migration.path("kind").asString()).isEqualTo("code_generation");
        assertThat(migration.path("attributes")).isEqualTo(
                Json.MAPPER.readTree("{\"file\": \"db/V3__sessions.sql\", \"type\": \"migration\", \"lines\": 40}"));
        assertThat(spanNamed(spans, "app.yml").path("attributes"))
                .isEqualTo(Json.MAPPER.readTree("{\"file\": \"app.yml\", \"type\": \"config\"}"));

        JsonNode scores = trace.path("scores");
        assertThat(scores).hasSize(3);
        JsonNode rating = only(scores, "user_rating");
        assertThat(rating.path("value").asDouble()).isEqualTo(4.0);
        assertThat(rating.path("comment").asString()).isEqualTo("good, tests caught a bug");
        assertThat(rating.path("source").asString()).isEqualTo("user");
        List<String> verdicts = new ArrayList<>();
        for (JsonNode s : scores) {
            if (s.path("name").asString().equals("accepted")) {
                String span = s.path("span_id").asString();
                verdicts.add(spans.valueStream().filter(sp -> sp.path("id").asString().equals(span)).findFirst()
                        .orElseThrow().path("name").asString() + "=" + s.path("value").asDouble());
            }
        }
        assertThat(verdicts).containsExactlyInAnyOrder("db/V3__sessions.sql=1.0", "src/Foo.java=0.0");

        CliRunner.Result afterEnd = cli.run("session", "log-tool", "--tool", "x", "--success", "true", "--time-ms", "1");
        assertThat(afterEnd.exitCode()).isEqualTo(ExitCode.NOT_CONFIGURED);
        assertThat(afterEnd.err()).isEqualTo("sextant: no current session: run ./sextant session start --id ID first, "
                + "or name the session with --session ID\n");
    }

    @Test
    void environmentAloneIsEnoughAndSessionNamesTheSessionWithoutState() {
        CliRunner cli = new CliRunner(dir).env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, RealServer.KEY);
        ok(cli.run("session", "start", "--id", "sess-a"), "Session sess-a started");
        ok(cli.run("session", "start", "--id", "sess-b"), "Note: session sess-a was not ended; sess-b is now the current session.");
        String startedB = server.fetch("/api/v1/interactions/sess-b").body().path("started_at").asString();
        ok(cli.run("session", "start", "--id", "sess-b"), "Session sess-b started"); // again: same start, no note
        assertThat(server.fetch("/api/v1/interactions/sess-b").body().path("started_at").asString()).isEqualTo(startedB);
        ok(cli.run("session", "log-tool", "--session", "sess-a", "--tool", "grep", "--success", "true", "--time-ms", "0"),
                "Logged tool grep (ok, 0 ms) in session sess-a");
        ok(cli.run("session", "log-tool", "--tool", "sed", "--success", "true", "--time-ms", "3"),
                "Logged tool sed (ok, 3 ms) in session sess-b");
        ok(cli.run("session", "end", "--session", "sess-a"), "Session sess-a ended.");
        assertThat(cli.stateFile()).exists(); // sess-b is still the current session
        ok(cli.run("session", "end", "--feedback", "2"), "Session sess-b ended after ");
        assertThat(cli.stateFile()).doesNotExist();

        JsonNode a = server.fetch("/api/v1/interactions/sess-a").body();
        assertThat(a.path("spans")).hasSize(1);
        assertThat(a.path("spans").get(0).path("name").asString()).isEqualTo("grep");
        assertThat(a.path("ended_at").isString()).isTrue();
        assertThat(a.path("scores")).isEmpty();
        JsonNode b = server.fetch("/api/v1/interactions/sess-b").body();
        assertThat(b.path("spans").get(0).path("name").asString()).isEqualTo("sed");
        assertThat(only(b.path("scores"), "user_rating").path("value").asDouble()).isEqualTo(2.0);
    }

    private static void ok(CliRunner.Result result, String outputStart) {
        assertThat(result.err()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains(outputStart);
    }

    private static JsonNode spanNamed(JsonNode spans, String name) {
        return spans.valueStream().filter(s -> s.path("name").asString().equals(name)).findFirst().orElseThrow();
    }

    private static JsonNode only(JsonNode scores, String name) {
        List<JsonNode> found = scores.valueStream().filter(s -> s.path("name").asString().equals(name)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
