package dev.sextant.server.mlflow;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.SextantStore;
import dev.sextant.store.training.MetricPage;
import dev.sextant.store.training.MetricQuery;
import dev.sextant.store.training.MetricSample;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** {@code metrics/get-history}: every value of one metric of a run, by step then logging order, paged. */
@RestController
class MlflowMetricHistoryController {
    static final int MAX_RESULTS = 25_000;

    private final MlflowRuns runs;
    private final JsonMapper json;

    MlflowMetricHistoryController(SextantStore store, JsonMapper json) {
        this.runs = new MlflowRuns(store);
        this.json = json;
    }

    @GetMapping("/api/2.0/mlflow/metrics/get-history")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Views.MetricHistory history(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        ProtoJson message = ProtoJson.query(request, json);
        MlflowRuns.Linked run = runs.find(caller.workspace(), message);
        String key = Keys.key("metric_key", message.text("metric_key"));
        int max = SearchPage.maxResults(message, MAX_RESULTS, MAX_RESULTS);
        String token = message.text("page_token");
        MetricPage page;
        try {
            page = runs.trainingRuns().points(caller.workspace(), run.run().id(), new MetricQuery(List.of(key), null, null,
                    max, token == null || token.isEmpty() ? null : token));
        } catch (IllegalArgumentException e) {
            throw MlflowException.invalid("Invalid page token '" + Keys.shorten(token) + "': not one this server issued");
        }
        List<Views.Metric> metrics = page.points().stream().map((MetricSample p) -> new Views.Metric(p.name(), p.value(),
                MlflowRuns.millis(p.timestamp(), run.run()), p.step())).toList();
        return new Views.MetricHistory(metrics, page.nextCursor());
    }
}
