package dev.sextant.server.mlflow;

import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.store.SextantStore;
import dev.sextant.store.training.MetricSample;
import dev.sextant.store.training.TrainingRun;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logging to an MLflow run: log-metric, log-parameter, log-batch, set-tag, delete-tag. Metrics keep
 * the key the client logged; params become the run's hyperparameters (text; a key logged again with
 * another value is INVALID_PARAMETER_VALUE); tags the run's tags. Each answers {@code {}}.
 */
@RestController
@RequestMapping("/api/2.0/mlflow/runs")
class MlflowLogController {
    static final int MAX_BATCH_METRICS = 1000;
    static final int MAX_BATCH_PARAMS = 100;
    static final int MAX_BATCH_TAGS = 100;

    private final MlflowRuns runs;
    private final DataVersions versions;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    MlflowLogController(SextantStore store, DataVersions versions, JsonMapper json) {
        this.runs = new MlflowRuns(store);
        this.versions = versions;
        this.json = json;
    }

    @PostMapping("/log-metric")
    @RequiresScope(Scope.INGEST_WRITE)
    Map<String, Object> logMetric(@AuthenticationPrincipal Caller caller, HttpServletRequest request) throws IOException {
        ProtoJson message = ProtoJson.body(request, json);
        MlflowRuns.Linked run = runs.find(caller.workspace(), message);
        append(caller.workspace(), run.run(), List.of(metric(message)));
        return Map.of();
    }

    @PostMapping("/log-parameter")
    @RequiresScope(Scope.INGEST_WRITE)
    Map<String, Object> logParameter(@AuthenticationPrincipal Caller caller, HttpServletRequest request) throws IOException {
        ProtoJson message = ProtoJson.body(request, json);
        MlflowRuns.Linked run = runs.find(caller.workspace(), message);
        Map<String, String> params = new LinkedHashMap<>();
        params.put(Keys.key("key", message.text("key")), paramValue(message));
        setParams(caller.workspace(), run.run(), params);
        return Map.of();
    }

    @PostMapping("/set-tag")
    @RequiresScope(Scope.INGEST_WRITE)
    Map<String, Object> setTag(@AuthenticationPrincipal Caller caller, HttpServletRequest request) throws IOException {
        ProtoJson message = ProtoJson.body(request, json);
        MlflowRuns.Linked run = runs.find(caller.workspace(), message);
        String key = Keys.key("key", message.text("key"));
        String value = Keys.value("value", message.text("value"), Keys.MAX_TAG_VALUE);
        setTags(caller.workspace(), run.run(), Map.of(key, value == null ? "" : value));
        return Map.of();
    }

    @PostMapping("/delete-tag")
    @RequiresScope(Scope.INGEST_WRITE)
    Map<String, Object> deleteTag(@AuthenticationPrincipal Caller caller, HttpServletRequest request) throws IOException {
        ProtoJson message = ProtoJson.body(request, json);
        MlflowRuns.Linked run = runs.find(caller.workspace(), message);
        String key = Keys.key("key", message.text("key"));
        if (!run.run().spec().tags().containsKey(key)) {
            throw MlflowException.missing("No tag with name: " + Keys.shorten(key) + " in run with id " + run.run().id());
        }
        runs.trainingRuns().removeTag(caller.workspace(), run.run().id(), key);
        versions.changed(caller.workspace());
        return Map.of();
    }

    @PostMapping("/log-batch")
    @RequiresScope(Scope.INGEST_WRITE)
    Map<String, Object> logBatch(@AuthenticationPrincipal Caller caller, HttpServletRequest request) throws IOException {
        ProtoJson message = ProtoJson.body(request, json);
        List<ProtoJson> metrics = message.messages("metrics");
        List<ProtoJson> params = message.messages("params");
        List<ProtoJson> tags = message.messages("tags");
        limit("metrics", metrics.size(), MAX_BATCH_METRICS);
        limit("params", params.size(), MAX_BATCH_PARAMS);
        limit("tags", tags.size(), MAX_BATCH_TAGS);
        MlflowRuns.Linked run = runs.find(caller.workspace(), message);
        List<MetricSample> samples = new ArrayList<>(metrics.size());
        for (ProtoJson m : metrics) {
            samples.add(metric(m));
        }
        Map<String, String> paramValues = new LinkedHashMap<>();
        for (ProtoJson p : params) {
            String key = Keys.key(p.path() + "key", p.text("key"));
            String value = paramValue(p);
            String before = paramValues.putIfAbsent(key, value);
            if (before != null && !before.equals(value)) {
                throw MlflowException.invalid("Duplicate parameter keys have been submitted with different values: '"
                        + Keys.shorten(key) + "' is '" + Keys.shorten(before) + "' and '" + Keys.shorten(value) + "'");
            }
        }
        Map<String, String> tagValues = MlflowRuns.tags(message, MAX_BATCH_TAGS);
        if (!samples.isEmpty() && run.run().status().finished()) {
            throw MlflowException.invalid("Run " + run.run().id() + " is " + RunStatus.of(run.run().status())
                    + "; metrics are logged only to a running run");
        }
        setParams(caller.workspace(), run.run(), paramValues);
        setTags(caller.workspace(), run.run(), tagValues);
        append(caller.workspace(), run.run(), samples);
        return Map.of();
    }

    private static void limit(String what, int count, int max) {
        if (count > max) {
            throw MlflowException.invalid("A batch logging request can contain at most " + max + " " + what + ". Got "
                    + count + " " + what + ".");
        }
    }

    private MetricSample metric(ProtoJson m) {
        String key = Keys.key(m.path() + "key", m.text("key"));
        Double value = m.number("value");
        if (value == null) {
            throw MlflowException.invalid("Missing value for required parameter '" + m.path() + "value'");
        }
        Long timestamp = m.int64("timestamp");
        Long step = m.int64("step");
        if (step != null && step < 0) {
            throw MlflowException.invalid("Invalid value for parameter '" + m.path() + "step': Sextant takes steps of 0"
                    + " or more, was " + step);
        }
        Instant at;
        try {
            at = timestamp == null ? clock.instant() : Instant.ofEpochMilli(timestamp);
        } catch (java.time.DateTimeException e) {
            throw MlflowException.invalid("Invalid value for parameter '" + m.path() + "timestamp': " + timestamp
                    + " milliseconds is out of range");
        }
        return new MetricSample(step == null ? 0 : step, null, key, value, at);
    }

    private static String paramValue(ProtoJson message) {
        String value = Keys.value(message.path() + "value", message.text("value"), Keys.MAX_PARAM_VALUE);
        return value == null ? "" : value;
    }

    private void append(WorkspaceId ws, TrainingRun run, List<MetricSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        runs.trainingRuns().append(ws, run.id(), samples).orElseThrow(() -> MlflowRuns.notFound(run.id()));
        versions.changed(ws);
    }

    /** All or none: every key is checked against the run's params before the first is written. */
    private void setParams(WorkspaceId ws, TrainingRun run, Map<String, String> params) {
        Map<String, Object> current = run.spec().hyperparameters();
        for (Map.Entry<String, String> p : params.entrySet()) {
            Object before = current.get(p.getKey());
            if (before != null && !String.valueOf(before).equals(p.getValue())) {
                throw MlflowException.invalid("Changing param values is not allowed. Param with key='"
                        + Keys.shorten(p.getKey()) + "' was already logged with value='" + Keys.shorten(String.valueOf(before))
                        + "' for run ID='" + run.id() + "'. Attempted logging new value '" + Keys.shorten(p.getValue()) + "'.");
            }
        }
        for (Map.Entry<String, String> p : params.entrySet()) {
            runs.trainingRuns().setParam(ws, run.id(), p.getKey(), p.getValue());
        }
        if (!params.isEmpty()) {
            versions.changed(ws);
        }
    }

    private void setTags(WorkspaceId ws, TrainingRun run, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        runs.trainingRuns().setTags(ws, run.id(), tags);
        String name = tags.get(MlflowRunController.RUN_NAME_TAG);
        if (name != null && !name.isBlank()) {
            runs.trainingRuns().rename(ws, run.id(), Keys.value("run_name", name, Keys.MAX_NAME));
        }
        versions.changed(ws);
    }
}
