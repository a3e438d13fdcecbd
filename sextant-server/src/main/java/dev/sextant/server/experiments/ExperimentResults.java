package dev.sextant.server.experiments;

import dev.sextant.analytics.experiments.ExperimentAnalysis;
import dev.sextant.analytics.experiments.ExperimentPlan;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentOutcomeQuery;
import dev.sextant.store.ExperimentOutcomeReader;
import dev.sextant.store.ExperimentOutcomeTotals;
import dev.sextant.store.SextantStore;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The results of an experiment: one streamed read of its per-unit outcomes in [start, now or end)
 * with the units' {@link #PRE_PERIOD} before the start, fed straight into the analysis, so memory
 * does not grow with the number of traces. Nothing is stored: every request replays the daily
 * looks from the data, so the answer depends only on the data and the moment asked.
 */
@Component
class ExperimentResults {
    /** How far before the start the units' own history is read for CUPED. */
    static final Duration PRE_PERIOD = Duration.ofDays(14);

    private final ExperimentOutcomeReader outcomes;

    ExperimentResults(SextantStore store) {
        this.outcomes = store.experimentOutcomes();
    }

    /**
     * The results of a stored experiment: as of {@code now} while it runs, as of the moment it
     * stopped or was concluded afterwards; a draft has none (409, see {@link ResultsPlan}).
     */
    ExperimentResultsView results(WorkspaceId workspace, Experiment experiment, Instant now) {
        ExperimentPlan plan = ResultsPlan.of(experiment, now);
        return results(workspace, plan, plan.now());
    }

    /** The results view of {@code plan} at {@code now}; before the start, an analysis of no units. */
    ExperimentResultsView results(WorkspaceId workspace, ExperimentPlan plan, Instant now) {
        ExperimentPlan at = plan.at(now);
        ExperimentAnalysis analysis = new ExperimentAnalysis(at);
        ExperimentOutcomeTotals totals = new ExperimentOutcomeTotals(0, 0, 0, 0);
        if (at.until().isAfter(at.start())) {
            totals = outcomes.read(workspace, new ExperimentOutcomeQuery(at.experimentId(), at.unit(), at.start(),
                    at.until(), at.start().minus(PRE_PERIOD)), analysis);
        }
        return ExperimentResultsView.of(at, analysis.result(totals));
    }
}
