package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testing.RealServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Typed context from {@code session start} (--context, --context-item, --git) and
 * {@code learning export}, in-process against the real server.
 */
class ITLearning {
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
    void sessionContextItemsGitAndTheExport() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        git(repo, "init", "-q", "-b", "feature-x");
        Files.writeString(repo.resolve("A.java"), "class A {}");
        Files.writeString(repo.resolve("B.java"), "class B {}");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first");
        Files.writeString(repo.resolve("A.java"), "class A { int x; }");
        Files.writeString(repo.resolve("C.java"), "class C {}");

        CliRunner cli = new CliRunner(dir.resolve("home"));
        assertThat(cli.run("login", "--url", server.url(), "--api-key", RealServer.KEY).exitCode()).isZero();
        CliRunner.Result started = cli.run("session", "start", "--id", "ctx-session", "--context", "{\"task_type\": \"bugfix\"}",
                "--context-item", "files_open=A.java", "--context-item", "files_open=C.java", "--context-item", "history_length=7",
                "--context-item", "tests_green=false", "--git=" + repo);
        assertThat(started.exitCode()).as(started.toString()).isZero();
        CliRunner.Result ended = cli.run("session", "end", "--feedback", "4");
        assertThat(ended.exitCode()).as(ended.toString()).isZero();

        JsonNode context = server.fetch("/api/v1/interactions/ctx-session").body().get("context");
        assertThat(context.get("task_type").asString()).isEqualTo("bugfix");
        assertThat(context.get("files_open").toString()).isEqualTo("[\"A.java\",\"C.java\"]");
        assertThat(context.get("history_length").asDouble()).isEqualTo(7.0);
        assertThat(context.get("tests_green").asString()).isEqualTo("false");
        assertThat(context.get("git_branch").asString()).isEqualTo("feature-x");
        assertThat(context.get("git_dirty_files").asDouble()).isEqualTo(2.0);
        assertThat(context.get("git_last_commit_files").toString()).isEqualTo("[\"A.java\",\"B.java\"]");

        CliRunner.Result bad = cli.run("session", "start", "--id", "ctx-2", "--context-item", "Bad Type=1");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--context-item must be TYPE=VALUE", "[a-z][a-z0-9_.]{0,63}");
        Path notGit = Files.createDirectories(dir.resolve("plain"));
        CliRunner.Result noGit = cli.run("session", "start", "--id", "ctx-3", "--git=" + notGit);
        assertThat(noGit.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noGit.err()).contains("--git:", "is not in a git working tree");

        // a few more interactions for the export to page through (1,000 per page)
        List<String> items = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < 1203; i++) {
            items.add("{\"type\": \"trace\", \"body\": {\"id\": \"bulk-%04d\", \"agent_id\": \"bot\", \"started_at\": \"%s\","
                    .formatted(i, now.minusSeconds(60 + i)) + " \"context\": {\"locale\": \"" + (i % 2 == 0 ? "de" : "en") + "\"}}}");
        }
        assertThat(server.post("/api/v1/ingest", "{\"batch\": [" + String.join(",", items) + "]}").status()).isEqualTo(200);

        Path out = dir.resolve("learning.jsonl");
        CliRunner.Result export = cli.run("learning", "export", "--out", out.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.out()).contains("Wrote 1204 interactions to " + out);
        assertThat(export.err()).contains("Exporting", "1204/1204");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1204);
        assertThat(Files.exists(dir.resolve("learning.jsonl.part"))).isFalse();
        JsonNode first = Json.MAPPER.readTree(lines.getFirst());
        assertThat(first.get("trace_id").asString()).isEqualTo("bulk-0000");
        assertThat(first.get("context").toString()).isEqualTo("{\"locale\":[\"de\"]}");
        assertThat(first.get("outcome").get("success").asBoolean()).isTrue();
        JsonNode session = Json.MAPPER.readTree(lines.getLast());
        assertThat(session.get("trace_id").asString()).isEqualTo("ctx-session");
        assertThat(session.get("context").get("git_branch").toString()).isEqualTo("[\"feature-x\"]");

        CliRunner.Result agent = cli.run("learning", "export", "--out", out.toString(), "--agent", "bot");
        assertThat(agent.out()).contains("Wrote 1203 interactions");
        CliRunner.Result wrong = cli.run("learning", "export", "--out", out.toString(), "--from", "yesterday");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.err()).contains("from");
        assertThat(Files.exists(dir.resolve("learning.jsonl.part"))).isFalse();
    }

    private static void git(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }
}
