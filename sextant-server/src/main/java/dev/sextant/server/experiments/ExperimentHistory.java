package dev.sextant.server.experiments;

import dev.sextant.analytics.experiments.Assignment.Allocation;
import dev.sextant.analytics.experiments.ExperimentMetric;
import dev.sextant.analytics.experiments.ExperimentPlan;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentSpec;
import dev.sextant.store.ExperimentStatus;
import dev.sextant.store.ExperimentStore;
import dev.sextant.store.ExperimentUnitKind;
import dev.sextant.store.SextantStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
        ExperimentResultsView view = results.results(ws, plan(e, at), at);
        String kind = view.verdict().kind();
        if (!kind.equals("winner") && !kind.equals("no_difference")) {
            return e;
        }
        return store.experimentsAt(Clock.fixed(at, ZoneOffset.UTC))
                .conclude(ws, id, view.verdict().winner(), view.verdict().recommendation(), at).orElseThrow();
    }

    /**
     * The analysis plan of a stored experiment: its started time to its planned end, the success
     * metrics then the guardrails ({@code cost} is the cost per unit), and the minimum detectable
     * effect as a fraction of the control's value (the stored absolute one over the baseline; 10%
     * when either is missing).
     */
    static ExperimentPlan plan(Experiment e, Instant now) {
        ExperimentSpec s = e.spec();
        List<Allocation> split = s.variants().stream().map(v -> new Allocation(v.id(), v.allocation())).toList();
        double mde = s.minimumDetectableEffect() != null && s.baseline() != null
                ? Math.abs(s.minimumDetectableEffect()) / s.baseline() : 0.1;
        return new ExperimentPlan(e.id(), ExperimentUnitKind.valueOf(s.unit().name()), split, s.control().id(),
                metrics(s.successMetrics()), metrics(s.guardrails()), s.alpha(),
                ExperimentPlan.Correction.valueOf(s.correction().name()),
                s.minimumSampleSize() == null ? 0 : s.minimumSampleSize(), mde, e.startedAt(), s.endsAt(), now);
    }

    private static List<ExperimentMetric> metrics(List<String> names) {
        return names.stream().map(n -> ExperimentMetric.fromWire(n.equals("cost") ? "cost_per_unit" : n).orElseThrow(
                () -> new IllegalArgumentException("unknown metric '" + n + "'"))).toList();
    }
}
