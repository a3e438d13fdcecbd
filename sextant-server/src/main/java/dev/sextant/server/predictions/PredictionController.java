package dev.sextant.server.predictions;

import dev.sextant.analytics.predictions.TrainedPredictor;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.ConflictException;
import dev.sextant.store.SextantStore;
import dev.sextant.store.predictions.PredictionModel;
import dev.sextant.store.predictions.PredictionStore;
import dev.sextant.store.predictions.PredictionTarget;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Predictions trained on the workspace's own data (issue 8 item 2). Reading models needs
 * analytics:view; retraining is a configuration write. A prediction is allowed with analytics:view
 * or ingest:write: the agent that asks before a call holds an ingest key (the SDK's), and the answer
 * is one number from the workspace's own model, nothing of the stored data.
 */
@RestController
class PredictionController {
    private final PredictionStore models;
    private final PredictionTraining training;
    private final Predictors predictors;
    private final AuditTrail audit;
    private final Clock clock;

    PredictionController(SextantStore store, PredictionTraining training, Predictors predictors, AuditTrail audit,
            Clock clock) {
        this.models = store.predictions();
        this.training = training;
        this.predictors = predictors;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/v1/predictions/models")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ModelList list(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        noParameters(request);
        Map<PredictionTarget, ModelView> views = new LinkedHashMap<>();
        for (PredictionTarget target : PredictionTarget.values()) {
            views.put(target, ModelView.untrained(target));
        }
        for (PredictionModel m : models.latest(caller.workspace())) {
            views.put(m.target(), ModelView.of(m));
        }
        return new ModelList(List.copyOf(views.values()));
    }

    @GetMapping("/api/v1/predictions/models/{target}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ModelView get(@AuthenticationPrincipal Caller caller, @PathVariable("target") String target,
            HttpServletRequest request) {
        noParameters(request);
        PredictionTarget t = target(target);
        return models.latest(caller.workspace(), t).map(ModelView::of).orElseGet(() -> ModelView.untrained(t));
    }

    @PostMapping("/api/v1/predictions/models/{target}/train")
    @RequiresScope(Scope.CONFIG_WRITE)
    ModelView train(@AuthenticationPrincipal Caller caller, @PathVariable("target") String target,
            HttpServletRequest request) {
        noParameters(request);
        PredictionModel m = training.train(caller.workspace(), target(target));
        audit.record(caller, "prediction_model.train", "prediction_model", m.target().wire(),
                AuditTrail.details("version", m.version(), "status", m.status()));
        return ModelView.of(m);
    }

    @PostMapping("/api/v1/predictions/{target}")
    @RequiresScope({Scope.ANALYTICS_VIEW, Scope.INGEST_WRITE})
    PredictionView predict(@AuthenticationPrincipal Caller caller, @PathVariable("target") String target,
            @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        noParameters(request);
        PredictionTarget t = target(target);
        PredictionRequest features = PredictionRequest.validated(body);
        PredictionModel m = models.latestSummary(caller.workspace(), t).orElseThrow(() -> untrained(t));
        if (!m.offered()) {
            throw notOffered(m);
        }
        TrainedPredictor predictor = predictors.loaded(caller.workspace(), m);
        if (predictor == null) {
            m = models.latest(caller.workspace(), t).orElseThrow(() -> untrained(t));
            if (!m.offered() || m.model() == null) {
                throw notOffered(m);
            }
            predictor = predictors.of(caller.workspace(), m);
        }
        Instant now = clock.instant();
        double value = predictor.predict(features.categories(), features.numbers(), features.indicators(), now);
        return PredictionView.of(ModelView.of(m), value);
    }

    private static ConflictException untrained(PredictionTarget t) {
        return new ConflictException("no " + t.wire() + " model has been trained in this workspace yet;"
                + " POST /api/v1/predictions/models/" + t.wire() + "/train");
    }

    private static ConflictException notOffered(PredictionModel m) {
        return new ConflictException("the " + m.target().wire() + " model (version " + m.version() + ") is not offered: "
                + m.reason());
    }

    private static PredictionTarget target(String wire) {
        return PredictionTarget.of(wire).orElseThrow(() -> new NotFoundException("prediction target",
                wire.length() > 64 ? wire.substring(0, 64) + "…" : wire));
    }

    private static void noParameters(HttpServletRequest request) {
        QueryParams.none(request.getParameterMap());
    }

    record ModelList(List<ModelView> models) {}
}
