package dev.sextant.server.mlflow;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.SextantStore;
import dev.sextant.store.mlflow.MlflowExperiment;
import dev.sextant.store.mlflow.MlflowRunLink;
import dev.sextant.store.mlflow.MlflowStore;
import dev.sextant.store.training.DownsampleQuery;
import dev.sextant.store.training.MetricBucket;
import dev.sextant.store.training.MetricSeries;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingRunStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs and experiments of the caller's workspace as MLflow names them; missing ones are RESOURCE_DOES_NOT_EXIST. */
final class MlflowRuns {
    private final TrainingRunStore runs;
    private final MlflowStore mlflow;

    MlflowRuns(SextantStore store) {
        this.runs = store.trainingRuns();
        this.mlflow = store.mlflow();
    }

    TrainingRunStore trainingRuns() {
        return runs;
    }

    MlflowStore store() {
        return mlflow;
    }

    /** A run logged through MLflow with its link. */
    record Linked(MlflowRunLink link, TrainingRun run) {}

    /** The run named by {@code run_id} (or the older {@code run_uuid}) of the message. */
    Linked find(WorkspaceId workspace, ProtoJson message) {
        String id = message.text("run_id");
        if (id == null || id.isEmpty()) {
            id = message.text("run_uuid");
        }
        if (id == null || id.isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter 'run_id'");
        }
        return find(workspace, id);
    }

    Linked find(WorkspaceId workspace, String id) {
        if (!Keys.RUN_ID.matcher(id).matches()) {
            throw notFound(id);
        }
        MlflowRunLink link = mlflow.run(workspace, id).orElseThrow(() -> notFound(id));
        TrainingRun run = runs.find(workspace, id).orElseThrow(() -> notFound(id));
        return new Linked(link, run);
    }

    static MlflowException notFound(String id) {
        return MlflowException.missing("Run with id=" + Keys.shorten(id) + " not found");
    }

    MlflowExperiment experiment(WorkspaceId workspace, String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw MlflowException.missing("No Experiment with id=" + Keys.shorten(String.valueOf(id)) + " exists");
        }
        long number = Long.parseLong(id);
        if (number == MlflowStore.DEFAULT_EXPERIMENT_ID) {
            return mlflow.defaultExperiment(workspace);
        }
        return mlflow.experiment(workspace, number)
                .orElseThrow(() -> MlflowException.missing("No Experiment with id=" + id + " exists"));
    }

    Views.RunInfo info(Linked r) {
        TrainingRun run = r.run();
        MlflowRunLink link = r.link();
        return new Views.RunInfo(run.id(), run.id(), run.spec().name(), Long.toString(link.experimentId()),
                link.userId(), RunStatus.of(run.status()).name(), run.startedAt().toEpochMilli(),
                run.endedAt() == null ? null : run.endedAt().toEpochMilli(),
                "mlflow-artifacts:/" + link.experimentId() + "/" + run.id() + "/artifacts", link.lifecycleStage().wire());
    }

    Views.Run view(WorkspaceId workspace, Linked r) {
        return view(r, latest(workspace, r.run()));
    }

    Views.Run view(Linked r, Map<String, Views.Metric> latest) {
        return new Views.Run(info(r), new Views.RunData(List.copyOf(latest.values()),
                Views.KeyValue.of(r.run().spec().hyperparameters()), Views.KeyValue.of(r.run().spec().tags())), Map.of());
    }

    /** Each metric's latest value (at its highest step, the last logged there), by key; computed by the database. */
    Map<String, Views.Metric> latest(WorkspaceId workspace, TrainingRun run) {
        Map<String, Views.Metric> latest = new TreeMap<>();
        if (run.pointCount() == 0) {
            return latest;
        }
        for (MetricSeries s : runs.downsampled(workspace, run.id(), new DownsampleQuery(List.of(), null, null, 1))) {
            MetricBucket b = s.buckets().getLast();
            latest.put(s.name(), new Views.Metric(s.name(), b.last(), millis(b.lastTimestamp(), run), b.lastStep()));
        }
        return latest;
    }

    static long millis(Instant timestamp, TrainingRun run) {
        return (timestamp == null ? run.startedAt() : timestamp).toEpochMilli();
    }

    /** The tags of a create-run message ({@code tags: [{key, value}]}), checked, in order. */
    static Map<String, String> tags(ProtoJson message, int max) {
        List<ProtoJson> entries = message.messages("tags");
        if (entries.size() > max) {
            throw MlflowException.invalid("A request can contain at most " + max + " tags. Got " + entries.size() + " tags.");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (ProtoJson t : entries) {
            String key = Keys.key(t.path() + "key", t.text("key"));
            String value = Keys.value(t.path() + "value", t.text("value"), Keys.MAX_TAG_VALUE);
            tags.put(key, value == null ? "" : value);
        }
        return tags;
    }

    static String first(Map<String, String> map, String... keys) {
        for (String key : keys) {
            String value = map.get(key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

}
