package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testing.RealServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code sextant training import} against the real server: a hand-written Hugging Face
 * {@code trainer_state.json} (log_history of training and evaluation entries, NaN as Python writes
 * it), a JSON Lines stream with a broken line 3, a missing file and another workspace's key.
 */
class ITTrainingImportCommand {
    private static final String TRAINER_STATE = """
            {"epoch": 2.0, "global_step": 40, "max_steps": 40,
             "log_history": [
              {"epoch": 0.5, "grad_norm": 4.25, "learning_rate": 4.5e-05, "loss": 2.3125, "step": 10},
              {"epoch": 1.0, "grad_norm": NaN, "learning_rate": 4e-05, "loss": 1.75, "step": 20},
              {"epoch": 1.0, "eval_loss": 1.5, "eval_runtime": 2.5, "step": 20},
              {"epoch": 2.0, "grad_norm": 1.5, "learning_rate": 2e-05, "loss": 1.0, "step": 40},
              {"epoch": 2.0, "eval_loss": 1.125, "eval_runtime": 2.25, "step": 40}]}
            """;
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

    private CliRunner cli(String key) {
        return new CliRunner(dir).env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, key);
    }

    @Test
    void aTrainerStateBecomesACompletedRunWithItsPoints() throws IOException {
        Path file = dir.resolve("trainer_state.json");
        Files.writeString(file, TRAINER_STATE);
        CliRunner.Result r = cli(RealServer.KEY).run("training", "import", file.toString(), "--format", "hf_trainer_state",
                "--agent", "support-bot", "--name", "hf run", "--base-model", "llama-3-8b");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).endsWith("(100%)\n").startsWith("\rimporting trainer_state.json: ");
        String runId = r.out().replaceFirst("(?s)^Imported [0-9,]+ points into run (\\S+) .*$", "$1");
        JsonNode run = server.fetch("/api/v1/training/runs/" + runId).body();
        assertThat(run.path("agent_id").asString()).isEqualTo("support-bot");
        assertThat(run.path("name").asString()).isEqualTo("hf run");
        assertThat(run.path("base_model").asString()).isEqualTo("llama-3-8b");
        assertThat(run.path("status").asString()).isEqualTo("completed");
        assertThat(r.out()).startsWith("Imported " + run.path("point_count").asLong() + " points into run " + runId
                + " (completed), last step 40, epoch 2.00; metrics ");
        assertThat(r.out()).endsWith("See it: ./sextant training show " + runId + "\n");
        assertThat(run.path("point_count").asLong()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aBrokenLineIsReportedWithItsNumberAndTheRestImported() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        Files.writeString(file, """
                {"step": 1, "train_loss": 2.0}
                {"step": 2, "train_loss": 1.5}
                {"step": 3, "train_loss":
                {"step": 4, "train_loss": 1.0}
                """);
        CliRunner.Result r = cli(RealServer.KEY).run("training", "import", file.toString(), "--format", "jsonl",
                "--agent", "support-bot");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("Imported 3 points into run ").contains("\n1 part of the file was skipped:\n  line 3: ");
    }

    @Test
    void badOptionsAndAMissingFileSendNothing() {
        CliRunner.Result format = cli(RealServer.KEY).run("training", "import", "x.json", "--format", "tensorboard",
                "--agent", "a");
        assertThat(format.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(format.err()).startsWith("Invalid value for option '--format': expected one of [hf_trainer_state, csv,"
                + " jsonl] (case-sensitive) but was 'tensorboard'");
        CliRunner.Result missing = cli(RealServer.KEY).run("training", "import", dir.resolve("none.json").toString(),
                "--format", "jsonl", "--agent", "a");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).isEqualTo("sextant: " + dir.resolve("none.json") + " does not exist\n");
    }

    @Test
    void aFileThatIsNotTheFormatIsTheServersRefusal() throws IOException {
        Path file = dir.resolve("not-json.json");
        Files.writeString(file, "this is not a trainer state");
        CliRunner.Result r = cli(RealServer.KEY).run("training", "import", file.toString(), "--format", "hf_trainer_state",
                "--agent", "a");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(r.err()).contains("\nsextant: the server at " + server.url() + " could not import a training log: 400 the"
                + " file cannot be imported as format=hf_trainer_state (a Hugging Face Trainer trainer_state.json): the file is"
                + " not valid JSON: ");
        assertThat(r.out()).isEmpty();
    }
}
