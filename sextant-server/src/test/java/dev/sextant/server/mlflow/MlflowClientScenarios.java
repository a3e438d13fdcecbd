package dev.sextant.server.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import org.mlflow.tracking.RunsPage;
import tools.jackson.databind.JsonNode;

/**
 * The real MLflow Java client (org.mlflow:mlflow-client) logging a training run to Sextant, which
 * then shows it in the native training API with its quality; and another workspace's token.
 */
abstract class MlflowClientScenarios {
    private static final long T0 = 1_790_000_000_000L;

    abstract SextantTestServer server();

    MlflowTraffic traffic() {
        return new MlflowTraffic(server());
    }

    @Test
    void theMlflowJavaClientLogsARunThatSextantAnalyses() {
        String key = traffic().workspace();
        MlflowClient client = traffic().client(key);
        String name = "sft-" + UUID.randomUUID();
        String experimentId = client.createExperiment(name);
        Experiment experiment = client.getExperiment(experimentId);
        assertThat(experiment.getName()).isEqualTo(name);
        assertThat(experiment.getLifecycleStage()).isEqualTo("active");
        assertThat(client.getExperimentByName(name).orElseThrow().getExperimentId()).isEqualTo(experimentId);
        assertThat(client.getExperimentByName("no-such-" + name)).isEmpty();

        RunInfo created = client.createRun(CreateRun.newBuilder().setExperimentId(experimentId).setRunName("lora-r8")
                .setStartTime(T0).addTags(RunTag.newBuilder().setKey("team").setValue("nlp"))
                .addTags(RunTag.newBuilder().setKey("sextant.agent_id").setValue("support-bot")).build());
        String runId = created.getRunId();
        assertThat(created.getRunName()).isEqualTo("lora-r8");
        assertThat(created.getStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(created.getStartTime()).isEqualTo(T0);
        assertThat(created.getExperimentId()).isEqualTo(experimentId);

        client.logParam(runId, "learning_rate", "0.0001");
        client.logParam(runId, "batch_size", "32");
        client.logParam(runId, "batch_size", "32"); // the same value again is no change, as in MLflow
        client.logMetric(runId, "loss", 2.0, T0, 0);
        // 20 evaluations: training loss falls all along, validation loss is best at the 9th and rises after
        double[] train = new double[20];
        double[] val = new double[20];
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long step = (i + 1) * 100L;
            train[i] = 2.0 * Math.pow(0.85, i);
            val[i] = 1.0 + 0.05 * (i - 8) * (i - 8);
            metrics.add(Metric.newBuilder().setKey("loss").setValue(train[i]).setStep(step).setTimestamp(T0 + step).build());
            metrics.add(Metric.newBuilder().setKey("eval_loss").setValue(val[i]).setStep(step).setTimestamp(T0 + step).build());
        }
        client.logBatch(runId, metrics, List.of(Param.newBuilder().setKey("optimizer").setValue("adamw").build()),
                List.of(RunTag.newBuilder().setKey("dataset").setValue("tickets-v2").build()));
        client.setTag(runId, "stage", "sft");
        client.setTag(runId, "scratch", "x");
        client.deleteTag(runId, "scratch");

        MlflowHttpException changed = org.junit.jupiter.api.Assertions.assertThrows(MlflowHttpException.class,
                () -> client.logParam(runId, "batch_size", "64"));
        assertThat(changed.getStatusCode()).isEqualTo(400);
        assertThat(changed.getBodyMessage()).contains("INVALID_PARAMETER_VALUE").contains("batch_size");

        client.setTerminated(runId, RunStatus.FINISHED, T0 + 5_000);

        Run run = client.getRun(runId);
        assertThat(run.getInfo().getStatus()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.getInfo().getEndTime()).isEqualTo(T0 + 5_000);
        assertThat(run.getInfo().getRunName()).isEqualTo("lora-r8");
        assertThat(params(run)).isEqualTo(Map.of("learning_rate", "0.0001", "batch_size", "32", "optimizer", "adamw"));
        assertThat(run.getData().getTagsList().stream().collect(Collectors.toMap(RunTag::getKey, RunTag::getValue)))
                .containsEntry("team", "nlp").containsEntry("stage", "sft").containsEntry("dataset", "tickets-v2")
                .containsEntry("mlflow.runName", "lora-r8").doesNotContainKey("scratch");
        Map<String, Metric> latest = run.getData().getMetricsList().stream()
                .collect(Collectors.toMap(Metric::getKey, m -> m));
        assertThat(latest.keySet()).containsExactlyInAnyOrder("loss", "eval_loss");
        assertThat(latest.get("eval_loss").getValue()).isEqualTo(val[19]);
        assertThat(latest.get("eval_loss").getStep()).isEqualTo(2000);
        assertThat(latest.get("loss").getValue()).isEqualTo(train[19]);

        List<Metric> history = client.getMetricHistory(runId, "loss");
        assertThat(history).hasSize(21);
        assertThat(history.get(0).getValue()).isEqualTo(2.0);
        assertThat(history.get(0).getStep()).isZero();
        assertThat(history.get(0).getTimestamp()).isEqualTo(T0);
        for (int i = 0; i < 20; i++) {
            assertThat(history.get(i + 1).getValue()).isEqualTo(train[i]);
            assertThat(history.get(i + 1).getStep()).isEqualTo((i + 1) * 100L);
            assertThat(history.get(i + 1).getTimestamp()).isEqualTo(T0 + (i + 1) * 100L);
        }

        String other = client.createRun(experimentId).getRunId();
        client.logMetric(other, "eval_loss", 3.0, T0, 1);
        client.logParam(other, "batch_size", "16");
        List<RunInfo> found = client.searchRuns(List.of(experimentId), "metrics.eval_loss > 5.0 and params.batch_size = '32'");
        assertThat(found).extracting(RunInfo::getRunId).containsExactly(runId);
        assertThat(client.searchRuns(List.of(experimentId), "")).extracting(RunInfo::getRunId)
                .containsExactlyInAnyOrder(runId, other);
        assertThat(client.searchRuns(List.of(experimentId), "attributes.status = 'FINISHED' and tags.team = 'nlp'"))
                .extracting(RunInfo::getRunId).containsExactly(runId);
        RunsPage first = client.searchRuns(List.of(experimentId), "", ViewType.ACTIVE_ONLY, 1, List.of("metrics.eval_loss DESC"));
        assertThat(first.getItems()).extracting(r -> r.getInfo().getRunId()).containsExactly(runId);
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.getNextPage().getItems()).extracting(r -> r.getInfo().getRunId()).containsExactly(other);
        assertThat(client.searchExperiments("name = '" + name + "'").getItems()).extracting(Experiment::getExperimentId)
                .containsExactly(experimentId);

        // the same run through Sextant's own training API, with its quality from loss and eval_loss
        Response native_ = server().get("/api/v1/training/runs/" + runId, key);
        assertThat(native_.status()).as(native_.toString()).isEqualTo(200);
        JsonNode r = native_.json();
        assertThat(r.get("status").asString()).isEqualTo("completed");
        assertThat(r.get("name").asString()).isEqualTo("lora-r8");
        assertThat(r.get("agent_id").asString()).isEqualTo("support-bot");
        assertThat(r.get("training_type").asString()).isEqualTo("fine_tuning");
        assertThat(r.get("hyperparameters").get("batch_size").asString()).isEqualTo("32");
        assertThat(r.get("tags").get("team").asString()).isEqualTo("nlp");
        assertThat(r.get("point_count").asLong()).isEqualTo(41);
        assertThat(r.get("started_at").asString()).isEqualTo(java.time.Instant.ofEpochMilli(T0).toString());
        int best = 0;
        for (int i = 1; i < 20; i++) {
            best = val[i] < val[best] ? i : best;
        }
        JsonNode q = r.get("quality");
        assertThat(q.get("summary").get("status").asString()).isEqualTo("overfitting");
        assertThat(q.get("summary").get("best_validation_loss").asDouble()).isEqualTo(val[best]);
        assertThat(q.get("summary").get("best_step").asLong()).isEqualTo((best + 1) * 100L);
        assertThat(q.get("summary").get("final_training_loss").asDouble()).isEqualTo(train[19]);
        assertThat(q.get("summary").get("final_validation_loss").asDouble()).isEqualTo(val[19]);
        assertThat(q.get("overfitting").get("overfitting").asBoolean()).isTrue();
        assertThat(q.get("early_stopping").get("best_index").asInt()).isEqualTo(best);
        Response list = server().get("/api/v1/training/runs?agent_id=support-bot", key);
        assertThat(list.json().get("runs").get(0).get("id").asString()).isEqualTo(runId);

        // another workspace's token finds none of it
        MlflowClient stranger = traffic().client(traffic().workspace());
        assertNotFound(() -> stranger.getRun(runId));
        assertNotFound(() -> stranger.getExperiment(experimentId));
        assertNotFound(() -> stranger.getMetricHistory(runId, "loss"));
        assertNotFound(() -> stranger.logMetric(runId, "loss", 1.0));
        assertNotFound(() -> stranger.logParam(runId, "x", "1"));
        assertNotFound(() -> stranger.setTag(runId, "x", "1"));
        assertNotFound(() -> stranger.setTerminated(runId, RunStatus.KILLED));
        assertThat(stranger.getExperimentByName(name)).isEmpty();
        assertThat(stranger.searchRuns(List.of(experimentId), "")).isEmpty();
        assertThat(client.getRun(runId).getData().getMetricsCount()).isEqualTo(2);
    }

    private static Map<String, String> params(Run run) {
        return run.getData().getParamsList().stream().collect(Collectors.toMap(Param::getKey, Param::getValue));
    }

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MlflowHttpException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(404);
            assertThat(e.getBodyMessage()).contains("RESOURCE_DOES_NOT_EXIST");
        });
    }
}
