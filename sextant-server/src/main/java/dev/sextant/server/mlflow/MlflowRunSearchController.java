package dev.sextant.server.mlflow;

import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.SextantStore;
import dev.sextant.store.mlflow.MlflowRunLink;
import dev.sextant.store.mlflow.MlflowStore;
import dev.sextant.store.training.TrainingRun;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code runs/search}: the runs of the given experiments that pass the filter, in order, one page.
 * Filtering and ordering run over at most {@link MlflowStore#MAX_LIST} runs of those experiments.
 */
@RestController
class MlflowRunSearchController {
    private static final Set<String> ORDER_ATTRIBUTES = Set.of("start_time", "end_time", "run_name", "run_id", "status",
            "user_id");

    private final MlflowRuns runs;
    private final JsonMapper json;

    MlflowRunSearchController(SextantStore store, JsonMapper json) {
        this.runs = new MlflowRuns(store);
        this.json = json;
    }

    @PostMapping("/api/2.0/mlflow/runs/search")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Views.Runs search(@AuthenticationPrincipal Caller caller, HttpServletRequest request) throws IOException {
        ProtoJson message = ProtoJson.body(request, json);
        List<Long> experiments = new ArrayList<>();
        for (String id : message.texts("experiment_ids")) {
            if (!id.matches("[0-9]{1,18}")) {
                throw MlflowException.invalid("Invalid value for parameter 'experiment_ids': '" + Keys.shorten(id)
                        + "' is not an experiment id");
            }
            experiments.add(Long.parseLong(id));
        }
        if (experiments.isEmpty()) {
            throw MlflowException.invalid("Missing value for required parameter 'experiment_ids'");
        }
        SearchFilter filter = SearchFilter.parse(message.text("filter"), SearchFilter.Target.RUNS);
        ViewType view = ViewType.parse("run_view_type", message.text("run_view_type"));
        int max = SearchPage.maxResults(message, 1000, 50_000);
        Comparator<Found> order = order(message.texts("order_by"));
        int offset = SearchPage.offset(message.text("page_token"));
        WorkspaceId ws = caller.workspace();
        List<Found> matching = new ArrayList<>();
        for (MlflowRunLink link : runs.store().runs(ws, experiments, MlflowStore.MAX_LIST)) {
            if (!view.includes(link.lifecycleStage())) {
                continue;
            }
            Optional<TrainingRun> run = runs.trainingRuns().find(ws, link.runId());
            if (run.isEmpty()) {
                continue;
            }
            Found found = new Found(runs, new MlflowRuns.Linked(link, run.get()), runs.latest(ws, run.get()));
            if (filter.matches(found)) {
                matching.add(found);
            }
        }
        matching.sort(order);
        SearchPage<Found> page = SearchPage.of(matching, offset, max);
        return new Views.Runs(page.items().stream().map(f -> runs.view(f.run(), f.latest())).toList(), page.nextToken());
    }

    private static Comparator<Found> order(List<String> orderBy) {
        Comparator<Found> order = (a, b) -> 0;
        for (OrderBy o : OrderBy.parse(orderBy, ORDER_ATTRIBUTES, true)) {
            order = order.thenComparing(o.<Found>comparator(f -> f));
        }
        return order.thenComparing((Found f) -> f.run().run().startedAt(), Comparator.reverseOrder())
                .thenComparing(f -> f.run().run().id());
    }

    /** A run with its latest metrics, as the filter and the order read it. */
    record Found(MlflowRuns runs, MlflowRuns.Linked run, Map<String, Views.Metric> latest) implements SearchFilter.Subject {
        @Override
        public Object attribute(String key) {
            Views.RunInfo info = runs.info(run);
            return switch (key) {
                case "run_id" -> info.runId();
                case "run_name" -> info.runName();
                case "status" -> info.status();
                case "user_id" -> info.userId();
                case "lifecycle_stage" -> info.lifecycleStage();
                case "start_time" -> info.startTime();
                case "end_time" -> info.endTime();
                default -> null;
            };
        }

        @Override
        public String param(String key) {
            Object value = run.run().spec().hyperparameters().get(key);
            return value == null ? null : String.valueOf(value);
        }

        @Override
        public String tag(String key) {
            return run.run().spec().tags().get(key);
        }

        @Override
        public Double metric(String key) {
            Views.Metric m = latest.get(key);
            return m == null ? null : m.value();
        }
    }
}
