package dev.sextant.server.experiments;

import dev.sextant.analytics.experiments.Assignment.Allocation;
import dev.sextant.analytics.experiments.ExperimentMetric;
import dev.sextant.analytics.experiments.ExperimentPlan;
import dev.sextant.store.ConflictException;
import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentSpec;
import dev.sextant.store.ExperimentStatus;
import java.time.Instant;
import java.util.List;

/**
 * The analysis plan of a stored experiment (docs/API.md, "Experiment results"): the definition's
 * variants, metrics and settings, analysed from its start to now (running) or to the moment it
 * stopped or was concluded.
 *
 * <p>The definition's {@code minimum_detectable_effect} is an absolute change of the primary
 * metric, which is what power analysis needs; the analysis needs it relative to the control's
 * value, because it applies to the guardrails (in their own units) too. With a {@code baseline}
 * and a rate as the primary metric it is {@code |mde| / baseline}; otherwise the documented
 * default {@value #DEFAULT_RELATIVE_MDE}.
 */
final class ResultsPlan {
    /** The relative minimum detectable effect when the definition does not give both an effect and a baseline. */
    static final double DEFAULT_RELATIVE_MDE = 0.1;

    private ResultsPlan() {}

    /** The plan as of {@code now}; a draft has no results (409). */
    static ExperimentPlan of(Experiment e, Instant now) {
        if (e.status() == ExperimentStatus.DRAFT || e.startedAt() == null) {
            throw new ConflictException("experiment '" + e.id() + "' is draft and has no results; start it first"
                    + " (POST /api/v1/experiments/" + e.id() + "/start)");
        }
        ExperimentSpec s = e.spec();
        Instant start = s.startsAt() != null && s.startsAt().isBefore(e.startedAt()) ? s.startsAt() : e.startedAt();
        Instant asOf = e.stoppedAt() != null ? e.stoppedAt() : e.concludedAt() != null ? e.concludedAt() : now;
        Instant end = s.endsAt();
        if (end != null && !end.isAfter(start)) {
            end = null; // started after its planned end: nothing inside the window
            asOf = start;
        }
        if (asOf.isBefore(start)) {
            asOf = start;
        }
        List<Allocation> variants = s.variants().stream().map(v -> new Allocation(v.id(), v.allocation())).toList();
        return new ExperimentPlan(e.id(), s.unit(), variants, s.control().id(), metrics(s.successMetrics()),
                metrics(s.guardrails()), s.alpha(), s.correction(), minimumSample(s), relativeEffect(s), start, end,
                asOf);
    }

    static double relativeEffect(ExperimentSpec s) {
        Double mde = s.minimumDetectableEffect();
        Double baseline = s.baseline();
        if (mde == null || baseline == null || !ExperimentMetrics.isRate(s.successMetrics().getFirst())) {
            return DEFAULT_RELATIVE_MDE;
        }
        return Math.abs(mde) / baseline;
    }

    /** The definition's minimum sample, else what its power settings call for, else none. */
    private static long minimumSample(ExperimentSpec s) {
        if (s.minimumSampleSize() != null) {
            return s.minimumSampleSize();
        }
        Long required = SampleSizePlan.of(s, null).perVariant();
        return required == null ? 0 : required;
    }

    private static List<ExperimentMetric> metrics(List<String> names) {
        return names.stream().map(ExperimentMetrics::of).toList();
    }
}
