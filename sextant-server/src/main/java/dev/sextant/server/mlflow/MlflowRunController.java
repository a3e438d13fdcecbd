package dev.sextant.server.mlflow;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.store.SextantStore;
import dev.sextant.store.mlflow.LifecycleStage;
import dev.sextant.store.mlflow.MlflowExperiment;
import dev.sextant.store.training.NewTrainingRun;
import dev.sextant.store.training.TrainingRun;
import dev.sextant.store.training.TrainingType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * MLflow runs: create, get, update. A run is a Sextant training run (training type from the tag
 * {@code sextant.training_type}, default fine_tuning; agent and base model from
 * {@code sextant.agent_id}, {@code sextant.base_model}) linked to its experiment.
 */
@RestController
@RequestMapping("/api/2.0/mlflow/runs")
class MlflowRunController {
    static final String RUN_NAME_TAG = "mlflow.runName";
    static final String USER_TAG = "mlflow.user";
    static final int MAX_TAGS = 100;

    private final MlflowRuns runs;
    private final DataVersions versions;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    MlflowRunController(SextantStore store, DataVersions versions, JsonMapper json) {
        this.runs = new MlflowRuns(store);
        this.versions = versions;
        this.json = json;
    }

    @PostMapping("/create")
    @RequiresScope(Scope.INGEST_WRITE)
    Map<String, Object> create(@AuthenticationPrincipal Caller caller, HttpServletRequest request) throws IOException {
        ProtoJson message = ProtoJson.body(request, json);
        String experimentId = message.text("experiment_id");
        Long startTime = message.int64("start_time");
        String runName = Keys.value("run_name", message.text("run_name"), Keys.MAX_NAME);
        String userId = Keys.value("user_id", message.text("user_id"), 256);
        Map<String, String> tags = new LinkedHashMap<>(MlflowRuns.tags(message, MAX_TAGS));
        MlflowExperiment experiment = runs.experiment(caller.workspace(), experimentId == null || experimentId.isEmpty()
                ? "0" : experimentId);
        if (experiment.lifecycleStage() != LifecycleStage.ACTIVE) {
            throw MlflowException.invalid("The experiment " + experiment.id() + " must be in the 'active' state");
        }
        String name = runName != null && !runName.isBlank() ? runName : MlflowRuns.first(tags, RUN_NAME_TAG);
        if (name == null) {
            name = RunNames.next();
        }
        Keys.value("run_name", name, Keys.MAX_NAME);
        tags.put(RUN_NAME_TAG, name);
        String user = userId != null && !userId.isBlank() ? userId : MlflowRuns.first(tags, USER_TAG);
        String typeTag = MlflowRuns.first(tags, "sextant.training_type");
        TrainingType type = typeTag == null ? TrainingType.FINE_TUNING : TrainingType.find(typeTag).orElseThrow(() ->
                MlflowException.invalid("Invalid value for tag 'sextant.training_type': must be one of fine_tuning,"
                        + " few_shot, reinforcement, transfer_learning, was '" + Keys.shorten(typeTag) + "'"));
        if (startTime != null && startTime < 0) {
            throw MlflowException.invalid("Invalid value for parameter 'start_time': must be 0 or more, was " + startTime);
        }
        NewTrainingRun spec = new NewTrainingRun(MlflowRuns.first(tags, "sextant.agent_id"), name,
                MlflowRuns.first(tags, "sextant.base_model"), type, Map.of(), null, null, tags);
        String id = UUID.randomUUID().toString().replace("-", "");
        TrainingRun run = runs.trainingRuns().create(caller.workspace(), id, spec,
                startTime == null ? null : Instant.ofEpochMilli(startTime));
        runs.store().linkRun(caller.workspace(), id, experiment.id(), user);
        versions.changed(caller.workspace());
        return Map.of("run", runs.view(caller.workspace(), runs.find(caller.workspace(), run.id())));
    }

    @GetMapping("/get")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Map<String, Object> get(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        MlflowRuns.Linked run = runs.find(caller.workspace(), ProtoJson.query(request, json));
        return Map.of("run", runs.view(caller.workspace(), run));
    }

    @PostMapping("/update")
    @RequiresScope(Scope.INGEST_WRITE)
    Map<String, Object> update(@AuthenticationPrincipal Caller caller, HttpServletRequest request) throws IOException {
        ProtoJson message = ProtoJson.body(request, json);
        MlflowRuns.Linked run = runs.find(caller.workspace(), message);
        String statusText = message.text("status");
        RunStatus status = statusText == null || statusText.isEmpty() ? null : RunStatus.parse("status", statusText);
        Long endTime = message.int64("end_time");
        String name = Keys.value("run_name", message.text("run_name"), Keys.MAX_NAME);
        if (endTime != null && endTime < 0) {
            throw MlflowException.invalid("Invalid value for parameter 'end_time': must be 0 or more, was " + endTime);
        }
        TrainingRun current = run.run();
        if (status != null && status.training() != current.status()) {
            if (current.status().finished()) {
                throw MlflowException.invalid("Run " + current.id() + " is already " + RunStatus.of(current.status())
                        + "; Sextant does not change the status of a finished run");
            }
            Instant ended = endTime == null ? clock.instant() : Instant.ofEpochMilli(endTime);
            runs.trainingRuns().finish(caller.workspace(), current.id(), status.training(), null, ended);
        }
        if (name != null && !name.isBlank() && !name.equals(current.spec().name())) {
            runs.trainingRuns().rename(caller.workspace(), current.id(), name);
            runs.trainingRuns().setTags(caller.workspace(), current.id(), Map.of(RUN_NAME_TAG, name));
        }
        versions.changed(caller.workspace());
        return Map.of("run_info", runs.info(runs.find(caller.workspace(), current.id())));
    }
}
