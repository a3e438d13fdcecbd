package dev.sextant.server.models;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.SextantStore;
import dev.sextant.store.models.ModelVersion;
import dev.sextant.store.models.ModelVersionStore;
import dev.sextant.store.models.NewEvaluation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Benchmark evaluations of a model version: record one, list them. */
@RestController
@RequestMapping("/api/v1/model-versions/{id}/evaluations")
class EvaluationController {
    private final ModelVersionStore versions;
    private final VersionLookup lookup;
    private final Clock clock = Clock.systemUTC();

    EvaluationController(SextantStore store) {
        this.versions = store.modelVersions();
        this.lookup = new VersionLookup(versions);
    }

    @PostMapping
    @RequiresScope(Scope.CONFIG_WRITE)
    ResponseEntity<EvaluationView> add(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestBody EvaluationBody body) {
        ModelVersion version = lookup.find(caller, id);
        NewEvaluation valid = body.validated(clock.instant());
        return versions.addEvaluation(caller.workspace(), version.id(), valid)
                .map(e -> ResponseEntity.status(HttpStatus.CREATED).body(EvaluationView.of(e)))
                .orElseThrow(() -> new NotFoundException("model version", id));
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Evaluations list(@AuthenticationPrincipal Caller caller, @PathVariable String id, HttpServletRequest request) {
        QueryParams.none(request.getParameterMap());
        ModelVersion version = lookup.find(caller, id);
        return new Evaluations(version.id(), versions.evaluations(caller.workspace(), version.id()).stream()
                .map(EvaluationView::of).toList());
    }

    record Evaluations(String versionId, List<EvaluationView> evaluations) {}
}
