package dev.sextant.server.hpo;

import dev.sextant.analytics.hpo.HpoSuggester;
import dev.sextant.analytics.hpo.SearchSpace;
import dev.sextant.analytics.hpo.Suggestion;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.ConflictException;
import dev.sextant.store.SextantStore;
import dev.sextant.store.hpo.HpoStudy;
import dev.sextant.store.hpo.HpoStudyStore;
import dev.sextant.store.hpo.HpoTrial;
import dev.sextant.store.hpo.HpoTrialSpec;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A study's trials: report one, list them, and ask for the next one to run. */
@RestController
@RequestMapping("/api/v1/hpo/studies/{id}")
class HpoTrialController {
    /** A study takes at most this many trials; the analysis reads them all on every request. */
    static final int MAX_TRIALS = 10_000;

    private final HpoStudyStore studies;
    private final StudyLookup lookup;

    HpoTrialController(SextantStore store) {
        this.studies = store.hpoStudies();
        this.lookup = new StudyLookup(studies);
    }

    @PostMapping("/trials")
    @RequiresScope({Scope.CONFIG_WRITE, Scope.INGEST_WRITE})
    ResponseEntity<TrialView> add(@AuthenticationPrincipal Caller caller, @PathVariable String id, @RequestBody TrialBody body) {
        HpoStudy study = lookup.find(caller, id);
        HpoTrialSpec trial = body.validated(SearchSpace.of(study.spec().searchSpace()));
        if (study.trialCount() >= MAX_TRIALS) {
            throw new ConflictException("study '" + id + "' has " + study.trialCount() + " trials, the most a study takes ("
                    + MAX_TRIALS + "); start a new study");
        }
        HpoTrial added = studies.addTrial(caller.workspace(), id, trial).orElseThrow(() -> new NotFoundException("study", id));
        return ResponseEntity.status(HttpStatus.CREATED).body(TrialView.of(added));
    }

    @GetMapping("/trials")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Trials list(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        lookup.find(caller, id);
        return new Trials(studies.listTrials(caller.workspace(), id).stream().map(TrialView::of).toList());
    }

    /** Suggesting changes nothing; it is a POST because each answer is a proposal for the trial to run next. */
    @PostMapping("/suggest")
    @RequiresScope({Scope.CONFIG_WRITE, Scope.INGEST_WRITE, Scope.ANALYTICS_VIEW})
    SuggestionView suggest(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        HpoStudy study = lookup.find(caller, id);
        Suggestion s = HpoSuggester.next(study.spec(), studies.listTrials(caller.workspace(), id));
        return new SuggestionView(s.hyperparameters(), s.method().wire(), s.expectedImprovement(), s.reason(),
                s.hyperparameters() == null);
    }

    record Trials(List<TrialView> trials) {}

    record SuggestionView(Map<String, Object> hyperparameters, String method, Double expectedImprovement, String reason,
            boolean exhausted) {}
}
