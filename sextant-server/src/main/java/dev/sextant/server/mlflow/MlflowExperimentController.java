package dev.sextant.server.mlflow;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.ConflictException;
import dev.sextant.store.SextantStore;
import dev.sextant.store.mlflow.MlflowExperiment;
import dev.sextant.store.mlflow.MlflowStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** MLflow experiments: create, get, get-by-name, search. */
@RestController
@RequestMapping("/api/2.0/mlflow/experiments")
class MlflowExperimentController {
    static final int MAX_TAGS = 100;

    private final MlflowRuns runs;
    private final MlflowStore experiments;
    private final JsonMapper json;

    MlflowExperimentController(SextantStore store, JsonMapper json) {
        this.runs = new MlflowRuns(store);
        this.experiments = store.mlflow();
        this.json = json;
    }

    @PostMapping("/create")
    @RequiresScope(Scope.INGEST_WRITE)
    Map<String, String> create(@AuthenticationPrincipal Caller caller, HttpServletRequest request) throws IOException {
        ProtoJson message = ProtoJson.body(request, json);
        String name = Keys.value("name", message.required("name"), Keys.MAX_NAME);
        if (name.isBlank()) {
            throw MlflowException.invalid("Invalid experiment name: '" + name + "'; it must not be blank");
        }
        String location = Keys.value("artifact_location", message.text("artifact_location"), 2000);
        Map<String, String> tags = MlflowRuns.tags(message, MAX_TAGS);
        if (name.equals(MlflowStore.DEFAULT_EXPERIMENT_NAME)) {
            experiments.defaultExperiment(caller.workspace()); // so that "Default" is the one experiment 0 always is
        }
        MlflowExperiment created;
        try {
            created = experiments.createExperiment(caller.workspace(), name, location, tags);
        } catch (ConflictException e) {
            throw new MlflowException(ErrorCode.RESOURCE_ALREADY_EXISTS, "Experiment(name=" + Keys.shorten(name)
                    + ") already exists.");
        }
        return Map.of("experiment_id", Long.toString(created.id()));
    }

    @GetMapping("/get")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Map<String, Object> get(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        ProtoJson message = ProtoJson.query(request, json);
        return Map.of("experiment", Views.Experiment.of(runs.experiment(caller.workspace(),
                message.required("experiment_id"))));
    }

    @GetMapping("/get-by-name")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Map<String, Object> getByName(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        String name = ProtoJson.query(request, json).required("experiment_name");
        if (name.equals(MlflowStore.DEFAULT_EXPERIMENT_NAME)) {
            experiments.defaultExperiment(caller.workspace());
        }
        MlflowException missing = MlflowException.missing("Could not find experiment with name '" + Keys.shorten(name) + "'");
        if (name.length() > Keys.MAX_NAME || name.indexOf('\u0000') >= 0) {
            throw missing; // no experiment can have it; a NUL never reaches PostgreSQL
        }
        MlflowExperiment found = experiments.experimentNamed(caller.workspace(), name).orElseThrow(() -> missing);
        return Map.of("experiment", Views.Experiment.of(found));
    }

    @PostMapping("/search")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Views.Experiments search(@AuthenticationPrincipal Caller caller, HttpServletRequest request) throws IOException {
        return search(caller, ProtoJson.body(request, json));
    }

    @GetMapping("/search")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Views.Experiments searchByQuery(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        return search(caller, ProtoJson.query(request, json));
    }

    private Views.Experiments search(Caller caller, ProtoJson message) {
        int max = SearchPage.maxResults(message, 1000, 50_000);
        int offset = SearchPage.offset(message.text("page_token"));
        ViewType view = ViewType.parse("view_type", message.text("view_type"));
        SearchFilter filter = SearchFilter.parse(message.text("filter"), SearchFilter.Target.EXPERIMENTS);
        Comparator<MlflowExperiment> order = ExperimentOrder.parse(message.texts("order_by"));
        experiments.defaultExperiment(caller.workspace());
        List<MlflowExperiment> matching = experiments.experiments(caller.workspace(), MlflowStore.MAX_LIST).stream()
                .filter(e -> view.includes(e.lifecycleStage()))
                .filter(filter::matches)
                .sorted(order)
                .toList();
        SearchPage<MlflowExperiment> page = SearchPage.of(matching, offset, max);
        return new Views.Experiments(page.items().stream().map(Views.Experiment::of).toList(), page.nextToken());
    }
}
