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
 * {@code sextant training efficiency} against the real server: run eff-a (batch size 32, 10
 * epochs, 10 GPU hours, $20) improves val_loss from 1.0 to 0.5 at epoch 4 and then stalls
 * (over-trained: 6 wasted epochs, 6 GPU hours, $12); run eff-b (batch size 64, 4 epochs, 8 GPU
 * hours, $16) from 1.0 to 0.75 at its last epoch. Another workspace sees none of it.
 */
class ITTrainingEfficiencyCommand {
    private static RealServer server;
    private static String otherKey;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = RealServer.start();
        run("eff-a", 32, 10, new double[] {1.0, 0.8, 0.6, 0.5, 0.55, 0.6, 0.62, 0.64, 0.66, 0.7}, 10, 20);
        run("eff-b", 64, 4, new double[] {1.0, 0.9, 0.8, 0.75}, 8, 16);
        RealServer.Answer workspace = server.post("/api/v1/workspaces", "{\"slug\": \"cli-eff-other\", \"name\": \"Other\"}");
        assertThat(workspace.status()).isEqualTo(201);
        otherKey = workspace.body().path("admin_key").path("secret").asString();
    }

    private static void run(String id, int batch, int epochs, double[] valLoss, double gpuHours, double cost) {
        assertThat(server.post("/api/v1/training/runs", """
                {"id": "%s", "agent_id": "eff-bot", "training_type": "fine_tuning",
                 "hyperparameters": {"batch_size": %d, "epochs": %d}, "started_at": "2026-11-01T10:00:00Z"}"""
                .formatted(id, batch, epochs)).status()).isEqualTo(201);
        List<String> points = new ArrayList<>();
        for (int i = 0; i < valLoss.length; i++) {
            points.add("{\"step\": " + (i + 1) * 100 + ", \"epoch\": " + (i + 1) + ", \"metrics\": {\"val_loss\": " + valLoss[i]
                    + ", \"train_loss\": " + (1.0 - 0.05 * i) + "}}");
        }
        assertThat(server.post("/api/v1/training/runs/" + id + "/metrics", "{\"points\": [" + String.join(",", points) + "]}")
                .status()).isEqualTo(200);
        assertThat(put("/api/v1/training/runs/" + id + "/resources",
                "{\"gpu_hours\": " + gpuHours + ", \"cost_usd\": " + cost + ", \"tokens_processed\": 1000000}")).isEqualTo(200);
        assertThat(server.post("/api/v1/training/runs/" + id + "/finish", "{\"status\": \"completed\"}").status()).isEqualTo(200);
    }

    /** RealServer has no PUT; the resources report is one. */
    private static int put(String path, String json) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.base().resolve(path))
                    .header("Authorization", "Bearer " + RealServer.KEY).header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private CliRunner cli(String key) {
        return new CliRunner(dir).env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, key);
    }

    @Test
    void printsTotalsOvertrainingGroupsAndSavings() {
        CliRunner.Result r = cli(RealServer.KEY).run("training", "efficiency", "--agent", "eff-bot");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("Training efficiency: 2 finished runs of eff-bot\n"
                + "  totals            18.00 GPU hours, $36.00, 2,000,000 tokens\n");
        assertThat(r.out()).contains("\nOver-trained runs: 1\n  eff-a: best epoch 4.00 of 10.00, 6.00 epochs wasted (6.00 GPU hours, $12.00)\n");
        assertThat(r.out()).contains("\nBatch sizes: best 32\n  32       1 run, 20.00 GPU hours per unit of improvement (1.00x the best)\n"
                + "  64       1 run, 32.00 GPU hours per unit of improvement (1.60x the best); wasted ");
        assertThat(r.out()).endsWith("\nPotential savings: 6.00 GPU hours, $12.00 (runs eff-a)\n");
    }

    @Test
    void anotherWorkspaceCountsNoneOfTheseRuns() {
        CliRunner.Result r = cli(otherKey).run("training", "efficiency");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("Training efficiency: 0 finished runs\n");
    }

    @Test
    void aRangeWithToBeforeFromIsTheServers400() {
        CliRunner.Result r = cli(RealServer.KEY).run("training", "efficiency", "--from", "2026-11-02T00:00:00Z",
                "--to", "2026-11-01T00:00:00Z");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("sextant: the server refused the options: ");
    }
}
