package dev.sextant.server.hpo;

import static dev.sextant.server.hpo.HpoTraffic.STUDIES;
import static dev.sextant.server.hpo.HpoTraffic.study;
import static dev.sextant.server.hpo.HpoTraffic.trial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The HPO API end to end; run on DuckDB ({@link ITHpoStudies}) and PostgreSQL ({@link ITHpoStudiesOnPostgres}). */
abstract class HpoStudyScenarios {

    abstract SextantTestServer server();

    private HpoTraffic traffic() {
        return new HpoTraffic(server());
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aBayesianStudyRunsTrialsAndReportsItsAnalysis() {
        String key = traffic().workspace(slug("hpo-life"));
        JsonNode s = traffic().created(key, STUDIES, study("bayesian"));
        String id = s.get("id").asString();
        assertThat(id).startsWith("hpo_");
        assertThat(s.get("method").asString()).isEqualTo("bayesian");
        assertThat(s.get("objective").toString()).isEqualTo("{\"metric\":\"validation_loss\",\"direction\":\"minimize\"}");
        assertThat(s.get("search_space").get("learning_rate").toString())
                .isEqualTo("{\"type\":\"float\",\"low\":1.0E-5,\"high\":0.1,\"log\":true}");
        assertThat(s.get("search_space").get("layers").toString()).isEqualTo("{\"type\":\"int\",\"low\":1,\"high\":4,\"log\":false}");
        assertThat(s.get("search_space").get("optimizer").toString()).isEqualTo("{\"type\":\"categorical\",\"values\":[\"adam\",\"sgd\"]}");
        assertThat(s.get("baseline").get("score").asDouble()).isEqualTo(0.9);
        assertThat(s.get("seed").asLong()).isEqualTo(7);
        assertThat(s.get("trial_count").asLong()).isZero();

        JsonNode first = traffic().suggest(id, key);
        assertThat(first.get("method").asString()).isEqualTo("bayesian");
        assertThat(first.get("expected_improvement").isNull()).isTrue();
        assertThat(first.get("reason").asString()).startsWith("random start: 0 of the first ");
        assertThat(traffic().suggest(id, key)).isEqualTo(first);

        JsonNode last = null;
        for (int i = 0; i < 12; i++) {
            JsonNode h = traffic().suggest(id, key).get("hyperparameters");
            last = traffic().created(key, STUDIES + "/" + id + "/trials", "{\"hyperparameters\": " + h + ", \"score\": "
                    + HpoTraffic.loss(h) + ", \"convergence_epoch\": " + (i + 1) + ", \"overfitting\": " + (i % 3 == 0) + "}");
            assertThat(last.get("number").asLong()).isEqualTo(i + 1);
        }
        assertThat(last.get("status").asString()).isEqualTo("completed");
        JsonNode modelled = traffic().suggest(id, key);
        assertThat(modelled.get("reason").asString()).startsWith("Gaussian process (Matérn 5/2) over 12 completed trials");
        assertThat(modelled.get("expected_improvement").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(modelled.get("exhausted").asBoolean()).isFalse();

        JsonNode trials = traffic().ok(STUDIES + "/" + id + "/trials", key).get("trials");
        assertThat(trials.size()).isEqualTo(12);
        double best = Double.MAX_VALUE;
        for (JsonNode t : trials) {
            best = Math.min(best, t.get("score").asDouble());
        }
        JsonNode detail = traffic().ok(STUDIES + "/" + id, key);
        assertThat(detail.get("id").asString()).isEqualTo(id);
        assertThat(detail.get("trial_count").asLong()).isEqualTo(12);
        JsonNode summary = detail.get("summary");
        assertThat(summary.get("trials").asInt()).isEqualTo(12);
        assertThat(summary.get("completed").asInt()).isEqualTo(12);
        assertThat(summary.get("best_trial").get("score").asDouble()).isEqualTo(best);
        assertThat(summary.get("improvement").get("absolute").asDouble()).isCloseTo(0.9 - best, within(1e-12));
        assertThat(summary.get("improvement").get("relative").asDouble()).isCloseTo((0.9 - best) / 0.9, within(1e-12));
        assertThat(summary.get("overfitting").toString()).isEqualTo("{\"count\":4,\"reported\":12}");
        assertThat(summary.get("convergence_epochs").toString())
                .isEqualTo("{\"count\":12,\"mean\":6.5,\"median\":6.5,\"min\":1,\"max\":12}");
        assertThat(detail.get("importance").get("method").asString()).isEqualTo("fanova_main_effects");
        assertThat(detail.get("importance").get("parameters").size()).isEqualTo(4);
        assertThat(detail.get("importance").get("parameters").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(detail.get("sensitivity").size()).isEqualTo(4);
        assertThat(traffic().ok(STUDIES, key).get("studies").get(0).get("trial_count").asLong()).isEqualTo(12);
    }

    @Test
    void aGridStudyEnumeratesItsPointsThenSaysItIsExhausted() {
        String key = traffic().workspace(slug("hpo-grid"));
        String id = traffic().created(key, STUDIES, """
                {"name": "grid", "method": "grid", "objective": {"metric": "accuracy", "direction": "maximize"},
                 "search_space": {"optimizer": {"type": "categorical", "values": ["adam", "sgd"]},
                                  "batch_size": {"type": "categorical", "values": [16, 32]}}}""").get("id").asString();
        for (int i = 0; i < 4; i++) {
            JsonNode s = traffic().suggest(id, key);
            assertThat(s.get("reason").asString()).isEqualTo("grid point " + (i + 1) + " of 4, the first that no trial has run");
            traffic().created(key, STUDIES + "/" + id + "/trials", "{\"hyperparameters\": " + s.get("hyperparameters")
                    + ", \"score\": 0." + (i + 5) + "}");
        }
        JsonNode done = traffic().suggest(id, key);
        assertThat(done.get("hyperparameters").isNull()).isTrue();
        assertThat(done.get("exhausted").asBoolean()).isTrue();
        assertThat(done.get("reason").asString()).isEqualTo("the grid is exhausted: all 4 points have been tried");
        JsonNode best = traffic().ok(STUDIES + "/" + id, key).get("summary").get("best_trial");
        assertThat(best.get("hyperparameters").toString()).isEqualTo("{\"optimizer\":\"sgd\",\"batch_size\":32}");
        assertThat(traffic().ok(STUDIES + "/" + id, key).get("summary").get("improvement").isNull()).isTrue();
    }

    @Test
    void failedAndPrunedTrialsCountButDoNotWin() {
        String key = traffic().workspace(slug("hpo-status"));
        String id = traffic().created(key, STUDIES, study("random")).get("id").asString();
        String path = STUDIES + "/" + id + "/trials";
        traffic().created(key, path, trial(1e-3, 0.1, 2, "adam", 0.5));
        traffic().created(key, path, "{\"hyperparameters\": {\"learning_rate\": 0.01, \"dropout\": 0.2, \"layers\": 1,"
                + " \"optimizer\": \"sgd\"}, \"status\": \"failed\"}");
        traffic().created(key, path, trial(1e-2, 0.3, 3, "sgd", 0.1).replace("\"completed\"", "\"pruned\""));
        JsonNode summary = traffic().ok(STUDIES + "/" + id, key).get("summary");
        assertThat(List.of(summary.get("completed").asInt(), summary.get("failed").asInt(), summary.get("pruned").asInt()))
                .containsExactly(1, 1, 1);
        assertThat(summary.get("best_trial").get("score").asDouble()).isEqualTo(0.5);
        assertThat(summary.get("improvement").get("absolute").asDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(traffic().ok(STUDIES + "/" + id, key).get("importance").get("parameters").size()).isZero();
        assertThat(traffic().ok(path, key).get("trials").get(1).get("score").isNull()).isTrue();
    }

    @Test
    void anotherWorkspacesKeyGets404OnEveryReadAndWrite() {
        String mine = traffic().workspace(slug("hpo-mine"));
        String other = traffic().workspace(slug("hpo-other"));
        String id = traffic().created(mine, STUDIES, study("evolutionary")).get("id").asString();
        traffic().created(mine, STUDIES + "/" + id + "/trials", trial(1e-3, 0.1, 2, "adam", 0.5));
        for (Response r : List.of(server().get(STUDIES + "/" + id, other), server().get(STUDIES + "/" + id + "/trials", other),
                server().post(STUDIES + "/" + id + "/suggest", other, ""),
                server().post(STUDIES + "/" + id + "/trials", other, trial(1e-3, 0.1, 2, "adam", 0.5)))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString()).isEqualTo("study '" + id + "' does not exist in this workspace");
        }
        assertThat(traffic().ok(STUDIES, other).get("studies").size()).isZero();
        assertThat(traffic().ok(STUDIES + "/" + id + "/trials", mine).get("trials").size()).isEqualTo(1);
        Response missing = server().get(STUDIES + "/hpo_nosuchstudy", mine);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asString()).isEqualTo("study 'hpo_nosuchstudy' does not exist in this workspace");
    }
}
