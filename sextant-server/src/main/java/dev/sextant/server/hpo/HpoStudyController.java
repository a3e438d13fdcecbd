package dev.sextant.server.hpo;

import dev.sextant.analytics.hpo.ParameterEffects;
import dev.sextant.analytics.hpo.SearchSpace;
import dev.sextant.analytics.hpo.StudySummaries;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.SextantStore;
import dev.sextant.store.hpo.HpoStudy;
import dev.sextant.store.hpo.HpoStudyStore;
import dev.sextant.store.hpo.HpoTrial;
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

/** Hyperparameter optimization studies (issue 7 item 5): define, list, read with their analysis. */
@RestController
@RequestMapping("/api/v1/hpo/studies")
class HpoStudyController {
    private final HpoStudyStore studies;
    private final StudyLookup lookup;

    private final AuditTrail audit;

    HpoStudyController(SextantStore store, AuditTrail audit) {
        this.studies = store.hpoStudies();
        this.audit = audit;
        this.lookup = new StudyLookup(studies);
    }

    @PostMapping
    @RequiresScope({Scope.CONFIG_WRITE, Scope.INGEST_WRITE})
    ResponseEntity<StudyView> create(@AuthenticationPrincipal Caller caller, @RequestBody StudyBody body) {
        HpoStudy added = studies.addStudy(caller.workspace(), body.validated());
        audit.record(caller, "hpo_study.create", "hpo_study", added.id(), AuditTrail.details());
        return ResponseEntity.status(HttpStatus.CREATED).body(StudyView.of(added));
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Studies list(@AuthenticationPrincipal Caller caller) {
        return new Studies(studies.listStudies(caller.workspace()).stream().map(StudyView::of).toList());
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    StudyDetailView get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        HpoStudy study = lookup.find(caller, id);
        List<HpoTrial> trials = studies.listTrials(caller.workspace(), id);
        return StudyDetailView.of(StudyView.of(study), study.spec().baselineScore(),
                StudySummaries.of(study.spec(), trials),
                ParameterEffects.of(SearchSpace.of(study.spec().searchSpace()), study.spec().direction(), trials));
    }

    record Studies(List<StudyView> studies) {}
}
