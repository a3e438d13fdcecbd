package dev.sextant.server.experiments;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConflictException;
import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentStatus;
import dev.sextant.store.ExperimentStore;
import dev.sextant.store.SextantStore;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Concluding an experiment from its results: by {@code auto_conclude} only on a {@code winner} or
 * {@code no_difference} verdict, with the verdict's recommendation as the conclusion; by a person
 * at any verdict, with their winner (or the verdict's) and their note beside the recommendation.
 */
@Component
class ExperimentConclusions {
    private final ExperimentStore experiments;
    private final ExperimentResults results;

    ExperimentConclusions(SextantStore store, ExperimentResults results) {
        this.experiments = store.experiments();
        this.results = results;
    }

    /** The verdict of a judgement, and the experiment when the judgement concluded it. */
    record Judgement(ExperimentResultsView.VerdictView verdict, Optional<Experiment> concluded) {}

    /**
     * Concludes a running experiment when its verdict at {@code now} is {@code winner} or
     * {@code no_difference}; not otherwise ({@code keep_running}, {@code invalid}), nor when it was
     * stopped or concluded meanwhile.
     */
    Judgement concludeIfDecided(WorkspaceId workspace, Experiment e, Instant now) {
        ExperimentResultsView.VerdictView verdict = results.results(workspace, e, now).verdict();
        if (!verdict.kind().equals("winner") && !verdict.kind().equals("no_difference")) {
            return new Judgement(verdict, Optional.empty());
        }
        return new Judgement(verdict, experiments.conclude(workspace, e.id(), verdict.winner(),
                verdict.recommendation(), now));
    }

    /** A person's conclusion of a running or stopped experiment (409 otherwise). */
    Experiment conclude(WorkspaceId workspace, Experiment e, ConcludeBody body, Instant now) {
        if (e.status() != ExperimentStatus.RUNNING && e.status() != ExperimentStatus.STOPPED) {
            throw new ConflictException("experiment '" + e.id() + "' is " + e.status().wire() + "; only a running or"
                    + " stopped experiment can be concluded");
        }
        ExperimentResultsView.VerdictView verdict = results.results(workspace, e, now).verdict();
        String winner = body.winnerGiven() ? body.winner() : verdict.winner();
        String conclusion = body.note() == null ? verdict.recommendation()
                : body.note() + " (results at the conclusion: " + verdict.recommendation() + ")";
        return experiments.conclude(workspace, e.id(), winner, conclusion, now)
                .orElseThrow(() -> new ConflictException("experiment '" + e.id() + "' changed while it was being"
                        + " concluded; read it again"));
    }
}
