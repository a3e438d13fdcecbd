package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.testing.RealServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sextant hpo studies | suggest} and {@code sextant models timeline} against the real
 * server: a grid study over lr (5 log-spaced values) × optimizer (2) with one trial run, a grid
 * study of 2 points both run, a bayesian study still drawing at random; an agent with three
 * versions evaluated at 0.80, 0.86 and 0.84 accuracy.
 */
abstract class HpoAndModelsCommandScenarios {
    static RealServer server;
    private static String gridId;
    private static String doneId;
    private static String bayesId;
    private static String otherKey;

    @TempDir
    Path dir;

    /** The studies, versions and the second workspace every test reads; each IT seeds its own server (DuckDB, PostgreSQL). */
    static void seed(RealServer started) {
        server = started;
        gridId = created(server.post("/api/v1/hpo/studies", """
                {"name": "tune lr", "agent_id": "support-bot", "method": "grid",
                 "objective": {"metric": "validation_loss", "direction": "minimize"},
                 "search_space": {"lr": {"type": "float", "low": 1e-5, "high": 1e-1, "log": true},
                   "optimizer": {"type": "categorical", "values": ["adam", "sgd"]}}}""")).path("id").asString();
        created(server.post("/api/v1/hpo/studies/" + gridId + "/trials",
                "{\"hyperparameters\": {\"lr\": 0.00001, \"optimizer\": \"adam\"}, \"score\": 0.9}"));
        doneId = created(server.post("/api/v1/hpo/studies", """
                {"name": "two points", "method": "grid", "objective": {"metric": "acc", "direction": "maximize"},
                 "search_space": {"optimizer": {"type": "categorical", "values": ["adam", "sgd"]}}}""")).path("id").asString();
        for (String o : new String[] {"adam", "sgd"}) {
            created(server.post("/api/v1/hpo/studies/" + doneId + "/trials",
                    "{\"hyperparameters\": {\"optimizer\": \"" + o + "\"}, \"score\": 0.5}"));
        }
        bayesId = created(server.post("/api/v1/hpo/studies", """
                {"name": "bayes", "method": "bayesian", "objective": {"metric": "loss", "direction": "minimize"},
                 "search_space": {"dropout": {"type": "float", "low": 0, "high": 0.5}}, "seed": 7}""")).path("id").asString();

        created(server.post("/api/v1/model-versions", """
                {"id": "mv-1", "agent_id": "cli-bot", "version_label": "1.0", "model_id": "ft:cli:1",
                 "deployed_at": "2026-11-01T00:00:00Z"}"""));
        created(server.post("/api/v1/model-versions", """
                {"id": "mv-2", "agent_id": "cli-bot", "version_label": "2.0", "model_id": "ft:cli:2", "parent_version_id": "mv-1",
                 "deployed_at": "2026-11-05T00:00:00Z"}"""));
        created(server.post("/api/v1/model-versions", """
                {"id": "mv-3", "agent_id": "cli-bot", "version_label": "3.0", "model_id": "ft:cli:3", "parent_version_id": "mv-2",
                 "deployed_at": "2026-11-09T00:00:00Z"}"""));
        String[][] evaluations = {{"mv-1", "0.80"}, {"mv-2", "0.86"}, {"mv-3", "0.84"}};
        for (String[] e : evaluations) {
            created(server.post("/api/v1/model-versions/" + e[0] + "/evaluations",
                    "{\"benchmark\": \"mmlu\", \"metrics\": {\"accuracy\": " + e[1] + "}}"));
        }
        RealServer.Answer workspace = server.post("/api/v1/workspaces", "{\"slug\": \"cli-hpo-other\", \"name\": \"Other\"}");
        assertThat(workspace.status()).as(String.valueOf(workspace.body())).isEqualTo(201);
        otherKey = workspace.body().path("admin_key").path("secret").asString();
    }

    private static tools.jackson.databind.JsonNode created(RealServer.Answer answer) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
        return answer.body();
    }

    private CliRunner cli(String key) {
        return new CliRunner(dir).env(Connection.URL_ENV, server.url()).env(Connection.KEY_ENV, key);
    }

    @Test
    void studiesAreATableOldestFirst() {
        CliRunner.Result r = cli(RealServer.KEY).run("hpo", "studies");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        String format = "%-24s %-24s %-16s %-12s %-28s %7s  %s";
        assertThat(r.out().lines().toList()).hasSize(4);
        assertThat(r.out().lines().toList().get(0)).isEqualTo(String.format(format, "id", "name", "agent", "method",
                "objective", "trials", "created"));
        assertThat(r.out().lines().toList().get(1)).startsWith(String.format(format, gridId, "tune lr", "support-bot",
                "grid", "minimize validation_loss", "1", ""));
        assertThat(r.out().lines().toList().get(2)).startsWith(String.format(format, doneId, "two points", "–", "grid",
                "maximize acc", "2", ""));
        assertThat(r.out().lines().toList().get(3)).startsWith(String.format(format, bayesId, "bayes", "–", "bayesian",
                "minimize loss", "0", ""));
    }

    @Test
    void suggestPrintsTheNextGridPointAndWhy() {
        CliRunner.Result r = cli(RealServer.KEY).run("hpo", "suggest", gridId);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo("Next trial for study " + gridId + " (grid):\n"
                + "  lr        = 0.00001\n"
                + "  optimizer = sgd\n"
                + "Expected improvement: – (not modelled yet)\n"
                + "Why: grid point 2 of 10, the first that no trial has run\n");
    }

    @Test
    void anExhaustedGridSaysSo() {
        CliRunner.Result r = cli(RealServer.KEY).run("hpo", "suggest", doneId);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).isEqualTo("Nothing left to try in study " + doneId
                + ": the grid is exhausted: all 2 points have been tried\n");
    }

    @Test
    void aBayesianStudyStartsAtRandomAndSaysSo() {
        CliRunner.Result r = cli(RealServer.KEY).run("hpo", "suggest", bayesId);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("Next trial for study " + bayesId + " (bayesian):\n  dropout = ")
                .contains("Expected improvement: – (not modelled yet)\nWhy: random start: ");
    }

    @Test
    void theTimelineShowsAccuracyAndImprovementInPoints() {
        CliRunner.Result r = cli(RealServer.KEY).run("models", "timeline", "--agent", "cli-bot", "--window", "2");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
        String format = "%-20s %-12s %-28s %-21s %5s %9s %12s %9s";
        assertThat(r.out()).isEqualTo("Model versions of cli-bot (rolling improvement over 2 versions)\n"
                + String.format(format, "id", "label", "model", "deployed", "evals", "accuracy", "improvement", "rolling") + "\n"
                + String.format(format, "mv-1", "1.0", "ft:cli:1", "2026-11-01T00:00:00Z", "1", "80.0%", "–", "–") + "\n"
                + String.format(format, "mv-2", "2.0", "ft:cli:2", "2026-11-05T00:00:00Z", "1", "86.0%", "+6.0 pt", "+6.0 pt") + "\n"
                + String.format(format, "mv-3", "3.0", "ft:cli:3", "2026-11-09T00:00:00Z", "1", "84.0%", "-2.0 pt", "+2.0 pt") + "\n");
    }

    @Test
    void unknownAgentAndStudyAreTheServers404() {
        CliRunner.Result agent = cli(RealServer.KEY).run("models", "timeline", "--agent", "nobody");
        assertThat(agent.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(agent.err()).startsWith("sextant: the server at " + server.url() + " could not read the model timeline: 404 ");
        CliRunner.Result study = cli(RealServer.KEY).run("hpo", "suggest", "hpo_missing");
        assertThat(study.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(study.err()).startsWith("sextant: the server at " + server.url() + " could not suggest a trial: 404 ");
    }

    @Test
    void anotherWorkspacesKeySeesNoStudiesNoVersions() {
        CliRunner.Result studies = cli(otherKey).run("hpo", "studies");
        assertThat(studies.exitCode()).as(studies.err()).isEqualTo(ExitCode.OK);
        assertThat(studies.out()).isEqualTo("No hyperparameter studies.\n");
        CliRunner.Result suggest = cli(otherKey).run("hpo", "suggest", gridId);
        assertThat(suggest.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(suggest.err()).contains(": 404 ");
        CliRunner.Result timeline = cli(otherKey).run("models", "timeline", "--agent", "cli-bot");
        assertThat(timeline.exitCode()).isEqualTo(ExitCode.REFUSED);
        assertThat(timeline.err()).contains(": 404 ");
    }

    @Test
    void jsonIsTheServersAnswer() {
        CliRunner.Result r = cli(RealServer.KEY).run("hpo", "suggest", gridId, "--json");
        assertThat(Json.MAPPER.readTree(r.out()).path("method").asString()).isEqualTo("grid");
        CliRunner.Result t = cli(RealServer.KEY).run("models", "timeline", "--agent", "cli-bot", "--json");
        assertThat(Json.MAPPER.readTree(t.out()).path("versions").size()).isEqualTo(3);
    }
}
