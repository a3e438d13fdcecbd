package dev.sextant.server.experiments;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentSpec;
import dev.sextant.store.ExperimentStatus;
import dev.sextant.store.ExperimentStore;
import dev.sextant.store.SextantStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Records experiments that ran in the past, at their own times: the demo loader's story. An
 * experiment is created as a draft and started at the times given (through
 * {@link SextantStore#experimentsAt}, whose writes carry those times); a finished one is concluded
 * only by what its results say at the moment of concluding — the real analysis over the stored
 * traces, never a written-in winner. Requests never use this.
 */
@Component
public final class ExperimentHistory {
    private final SextantStore store;
    private final ExperimentResults results;
    private final ConfigurationVersions versions;

    ExperimentHistory(SextantStore store, ExperimentResults results, ConfigurationVersions versions) {
        this.store = store;
        this.results = results;
        this.versions = versions;
    }

    /** Creates the experiment at {@code created} and starts it at {@code started}; every variant's version must exist. */
    public Experiment record(WorkspaceId ws, String id, ExperimentSpec spec, Instant created, Instant started) {
        for (ExperimentSpec.Variant v : spec.variants()) {
            if (!versions.exists(ws, v.configurationVersion())) {
                throw new IllegalArgumentException("variant '" + v.id() + "' of experiment '" + id
                        + "' runs configuration version '" + v.configurationVersion() + "', which does not exist");
            }
        }
        ExperimentStore at = store.experimentsAt(Clock.fixed(created, ZoneOffset.UTC));
        at.add(ws, id, spec, ExperimentStatus.DRAFT);
        return store.experimentsAt(Clock.fixed(started, ZoneOffset.UTC))
                .transition(ws, id, Set.of(ExperimentStatus.DRAFT), ExperimentStatus.RUNNING, started).orElseThrow();
    }

    /**
     * Analyses the experiment as of {@code at} and concludes it when the verdict is a winner or no
     * difference, with the verdict's recommendation as the conclusion; otherwise it keeps running.
     */
    public Experiment concludeByResults(WorkspaceId ws, String id, Instant at) {
        Experiment e = store.experiments().find(ws, id).orElseThrow();
        ExperimentResultsView view = results.results(ws, e, at); // the plan of ResultsPlan, as the endpoint's
        String kind = view.verdict().kind();
        if (!kind.equals("winner") && !kind.equals("no_difference")) {
            return e;
        }
        return store.experimentsAt(Clock.fixed(at, ZoneOffset.UTC))
                .conclude(ws, id, view.verdict().winner(), view.verdict().recommendation(), at).orElseThrow();
    }
}
