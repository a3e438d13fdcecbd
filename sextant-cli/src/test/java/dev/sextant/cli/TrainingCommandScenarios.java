package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testing.RealServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code sextant training runs | show | log} against the real server. Run {@code cli-sft} logs 20
 * evaluations 50 steps apart of 1,000 steps: training loss falls all along, validation loss falls
 * to 0.50 at step 500 and rises after it (overfitting); {@code cli-rl} is a completed
 * reinforcement run without validation loss. A second workspace has a run of its own.
 */
abstract class TrainingCommandScenarios {
    static RealServer server;
    private static String otherKey;

    @TempDir
    Path dir;

    /** The runs and the second workspace every test reads; each IT seeds its own server (DuckDB, PostgreSQL). */
    static void seed(RealServer started) {
        server = started;
        created(server.post("/api/v1/training/runs", """
                {"id": "cli-sft", "agent_id": "support-bot", "name": "sft tickets", "base_model": "llama-3-8b",
                 "training_type": "fine_tuning", "hyperparameters": {"learning_rate": 0.0001, "batch_size": 32, "epochs": 4},
                 "dataset": {"id": "ds-1", "name": "tickets", "size": 12000, "split": "train"},
                 "total_steps": 1000, "started_at": "2026-11-01T10:00:00Z"}"""));
        List<String> points = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            int step = i * 50;
            double train = 2.0 / Math.sqrt(i);
            double val = 0.5 + 0.0004 * (step - 500) * (step - 500) / 500.0;
            points.add("""
                    {"step": %d, "epoch": %s, "timestamp": "2026-11-01T10:%02d:00Z",
                     "metrics": {"train_loss": %s, "val_loss": %s, "grad_norm": 1.0}}"""
                    .formatted(step, step / 250.0, i, train, val));
        }
        RealServer.Answer logged = server.post("/api/v1/training/runs/cli-sft/metrics", "{\"points\": [" + String.join(",", points) + "]}");
        assertThat(logged.status()).as(String.valueOf(logged.body())).isEqualTo(200);
        created(server.post("/api/v1/training/runs", """
                {"id": "cli-rl", "agent_id": "router", "training_type": "reinforcement", "started_at": "2026-11-02T10:00:00Z"}"""));
        assertThat(server.post("/api/v1/training/runs/cli-rl/finish", "{\"status\": \"completed\"}").status()).isEqualTo(200);

        RealServer.Answer workspace = server.post("/api/v1/workspaces", "{\"slug\": \"cli-training-other\", \"name\": \"Other\"}");
        assertThat(workspace.status()).as(String.valueOf(workspace.body())).isEqualTo(201);
        otherKey = workspace.body().path("admin_key").path("secret").asString();
    }

    private static void created(RealServer.Answer answer) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
    }

    private CliRunner cli() {
        return cli(RealServer.KEY);
    }

    private CliRunner cli(String key) {
        return new CliRunner(dir).env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, key);
    }

    @Test
    void runsAreATableNewestFirstWithTheBestValidationLoss() {
        CliRunner.Result r = cli().run("training", "runs");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        String format = "%-24s %-16s %-17s %-9s %13s %13s  %s";
        assertThat(r.out().lines().toList()).containsSubsequence(
                String.format(format, "id", "agent", "type", "status", "steps", "best val loss", "started"),
                String.format(format, "cli-rl", "router", "reinforcement", "completed", "–", "–", "2026-11-02T10:00:00Z"),
                String.format(format, "cli-sft", "support-bot", "fine_tuning", "running", "1,000/1,000", "0.5",
                        "2026-11-01T10:00:00Z"));
    }

    @Test
    void runsFilterByAgentStatusAndType() {
        assertThat(cli().run("training", "runs", "--agent", "router").out()).contains("cli-rl").doesNotContain("cli-sft");
        assertThat(cli().run("training", "runs", "--status", "running").out()).contains("cli-sft").doesNotContain("cli-rl");
        assertThat(cli().run("training", "runs", "--type", "reinforcement").out()).contains("cli-rl").doesNotContain("cli-sft");
        CliRunner.Result none = cli().run("training", "runs", "--agent", "nobody");
        assertThat(none.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(none.out()).isEqualTo("No training runs match.\n");
    }

    @Test
    void showPrintsSummaryVerdictsPredictionAndResources() {
        CliRunner.Result r = cli().run("training", "show", "cli-sft");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        JsonNode run = server.fetch("/api/v1/training/runs/cli-sft").body();
        JsonNode prediction = run.path("prediction");
        assertThat(r.out()).startsWith("Run cli-sft (fine_tuning, running), name sft tickets, agent support-bot, base model llama-3-8b\n"
                + "  started 2026-11-01T10:00:00Z; 60 points, step 1,000/1,000\n");
        assertThat(r.out()).contains("Summary: overfitting; best val loss 0.5 at step 500 (epoch 2.00); final train loss 0.447,"
                + " final val loss 0.7\n");
        assertThat(r.out()).containsPattern("\n  overfitting +yes, from evaluation \\d+; gap ");
        assertThat(r.out()).contains("\n  early stopping ", "\n  convergence ", "\n  stability       loss noise ",
                "\n  overtraining    yes: best epoch 2.00 of 4.00 (50.0%), wasted 2.00 epochs, – GPU hours");
        assertThat(r.out()).contains("\nPrediction: " + prediction.path("metric").asString() + " at step 1,000: ");
        assertThat(r.out()).contains("\nResources: – GPU hours, peak memory – GB, cost –, – tokens\n"
                + "Hyperparameters: learning_rate=0.0001, batch_size=32, epochs=4\n"
                + "Dataset: tickets (ds-1), split train, 12,000 examples\n");
    }

    @Test
    void showOfAFinishedRunWithoutValidationLossSaysWhatIsMissing() {
        CliRunner.Result r = cli().run("training", "show", "cli-rl");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("Run cli-rl (reinforcement, completed), agent router\n",
                "Summary: no_data; best val loss – at step – (epoch –)", "\nPrediction: unavailable: ");
    }

    @Test
    void logStoresThePointAndReadsBackExactly() {
        created(server.post("/api/v1/training/runs", "{\"id\": \"cli-log\", \"training_type\": \"few_shot\"}"));
        CliRunner.Result r = cli().run("training", "log", "cli-log", "--step", "7", "--epoch", "0.5",
                "--metric", "train_loss=0.42", "--metric", "grad_norm=NaN", "--metric", "my.custom=1e-3",
                "--timestamp", "2026-11-03T10:00:00Z");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo("Logged 3 values to run cli-log at step 7 (the run's last step: 7).\n");
        JsonNode points = server.fetch("/api/v1/training/runs/cli-log/metrics?exact=true").body().path("points");
        assertThat(points.valueStream().map(p -> p.path("step").asLong() + " " + p.path("epoch").asDouble() + " "
                + p.path("name").asString() + "=" + p.path("value").asString() + " " + p.path("timestamp").asString()))
                .containsExactly("7 0.5 train_loss=0.42 2026-11-03T10:00:00Z", "7 0.5 grad_norm=NaN 2026-11-03T10:00:00Z",
                        "7 0.5 my.custom=0.001 2026-11-03T10:00:00Z");

        CliRunner.Result earlier = cli().run("training", "log", "cli-log", "--step", "3", "--metric", "train_loss=0.5");
        assertThat(earlier.out()).isEqualTo("Logged 1 value to run cli-log at step 3 (the run's last step: 7;"
                + " this step is before it, stored in step order all the same).\n");
    }

    @Test
    void logToAFinishedRunIsRefusedWithTheServersReason() {
        CliRunner.Result r = cli().run("training", "log", "cli-rl", "--step", "1", "--metric", "reward=1");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err()).isEqualTo("sextant: the server at " + server.url() + " could not log metrics: 409 training run"
                + " 'cli-rl' is completed; metrics are logged only to a running run\n");
    }

    @Test
    void anotherWorkspacesKeySeesNoneOfTheseRuns() {
        CliRunner.Result list = cli(otherKey).run("training", "runs");
        assertThat(list.exitCode()).as(list.err()).isEqualTo(ExitCode.OK);
        assertThat(list.out()).isEqualTo("No training runs.\n");
        for (String[] args : List.of(new String[] {"training", "show", "cli-sft"},
                new String[] {"training", "log", "cli-sft", "--step", "2000", "--metric", "train_loss=9"})) {
            CliRunner.Result r = cli(otherKey).run(args);
            assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED);
            assertThat(r.err()).contains(": 404 training run 'cli-sft' does not exist in this workspace\n");
        }
        assertThat(server.fetch("/api/v1/training/runs/cli-sft").body().path("last_step").asLong()).isEqualTo(1000);
    }

    @Test
    void hostileIdsStayInTheirPathSegment() {
        for (String id : List.of("../../workspace", "x%2F..")) { // the server refuses these paths (400) before routing
            CliRunner.Result r = cli().run("training", "show", id);
            assertThat(r.exitCode()).as(id).isNotZero();
            assertThat(r.out()).as(id).isEmpty();
        }
        CliRunner.Result slash = cli().run("training", "show", "cli-sft/metrics");
        assertThat(slash.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(slash.err()).isEqualTo("sextant: \"cli-sft/metrics\" is not an id: ids never contain / or \\\n");
        for (String id : List.of("cli-sft?exact=true", "cli-sft#x", "' OR 1=1 --", "cli-sft\u00e9")) {
            CliRunner.Result r = cli().run("training", "show", id);
            assertThat(r.exitCode()).as(id).isEqualTo(ExitCode.REFUSED);
            assertThat(r.err()).as(id).contains(": 404 training run '");
        }
        CliRunner.Result dots = cli().run("training", "show", "..");
        assertThat(dots.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(dots.err()).isEqualTo("sextant: \"..\" is not an id\n");
    }

    @Test
    void aKeyWithoutIngestWriteCannotLog() {
        RealServer.Answer created = server.post("/api/v1/api-keys", "{\"name\": \"viewer\", \"scopes\": [\"analytics:view\"]}");
        String viewer = created.body().path("secret").asString();
        CliRunner.Result r = cli(viewer).run("training", "log", "cli-sft", "--step", "1", "--metric", "train_loss=1");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_KEY);
        assertThat(r.err()).startsWith("sextant: the API key may not log metrics at " + server.url()
                + ": it lacks the scope ingest:write");
        assertThat(cli(viewer).run("training", "runs").exitCode()).isEqualTo(ExitCode.OK);
    }
}
