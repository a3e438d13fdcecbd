package dev.sextant.server.mlflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.store.mlflow.MlflowExperiment;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** MLflow's response messages, as its REST API documents them (snake_case by the server's mapper; ids as strings, times in ms). */
final class Views {
    private Views() {}

    /** A tag or a param: {@code {"key", "value"}}. */
    record KeyValue(String key, String value) {
        static List<KeyValue> of(Map<String, ?> map) {
            return new TreeMap<>(map).entrySet().stream()
                    .map(e -> new KeyValue(e.getKey(), String.valueOf(e.getValue()))).toList();
        }
    }

    record Metric(String key, double value, long timestamp, long step) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Experiment(String experimentId, String name, String artifactLocation, String lifecycleStage,
            long lastUpdateTime, long creationTime, List<KeyValue> tags) {
        static Experiment of(MlflowExperiment e) {
            return new Experiment(Long.toString(e.id()), e.name(), e.artifactLocation(), e.lifecycleStage().wire(),
                    e.updatedAt().toEpochMilli(), e.createdAt().toEpochMilli(), KeyValue.of(e.tags()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RunInfo(String runId, String runUuid, String runName, String experimentId, String userId, String status,
            long startTime, Long endTime, String artifactUri, String lifecycleStage) {}

    record RunData(List<Metric> metrics, List<KeyValue> params, List<KeyValue> tags) {}

    record Run(RunInfo info, RunData data, Map<String, Object> inputs) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Experiments(List<Experiment> experiments, String nextPageToken) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Runs(List<Run> runs, String nextPageToken) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MetricHistory(List<Metric> metrics, String nextPageToken) {}
}
