package dev.sextant.analytics.experiments;

import dev.sextant.store.ExperimentCorrection;
import dev.sextant.store.ExperimentUnitKind;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What an experiment's analysis needs to know of its definition: what it randomises (the unit:
 * user, session or conversation), the variants and their
 * allocation (validated as {@link Assignment} does), the control, the metrics in order with the
 * primary first, the guardrails (metrics that must not get significantly worse), the level α,
 * how p-values of several metrics are corrected, the minimum units per variant, the minimum
 * detectable effect as a fraction of the control's value (0.05: a 5% change), the start, the
 * planned end (null: open-ended) and the moment of the analysis.
 */
public record ExperimentPlan(String experimentId, ExperimentUnitKind unit, List<Assignment.Allocation> variants,
        String controlId,
        List<ExperimentMetric> metrics, List<ExperimentMetric> guardrails, double alpha, ExperimentCorrection correction,
        long minimumSamplePerVariant, double minimumDetectableEffect, Instant start, Instant end, Instant now) {

    public ExperimentPlan {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(correction, "correction");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(now, "now");
        variants = List.copyOf(new Assignment(variants).allocations()); // validates the allocation
        if (variants.size() < 2) {
            throw new IllegalArgumentException("an experiment compares at least 2 variants, had " + variants.size());
        }
        if (variants.stream().noneMatch(v -> v.variantId().equals(controlId))) {
            throw new IllegalArgumentException("the control '" + controlId + "' is not one of the variants");
        }
        metrics = List.copyOf(metrics);
        guardrails = List.copyOf(guardrails);
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one metric, the primary first");
        }
        if (new HashSet<>(metrics).size() != metrics.size() || new HashSet<>(guardrails).size() != guardrails.size()) {
            throw new IllegalArgumentException("a metric is listed twice among the metrics or the guardrails");
        }
        if (!(alpha > 0 && alpha <= 0.5)) {
            throw new IllegalArgumentException("alpha must be more than 0 and at most 0.5, was " + alpha);
        }
        if (minimumSamplePerVariant < 0) {
            throw new IllegalArgumentException("the minimum sample size must not be negative, was "
                    + minimumSamplePerVariant);
        }
        if (!(minimumDetectableEffect > 0) || Double.isInfinite(minimumDetectableEffect)) {
            throw new IllegalArgumentException("the minimum detectable effect must be a positive fraction of the "
                    + "control's value, was " + minimumDetectableEffect);
        }
        if (end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("the end must be after the start, was " + start + " to " + end);
        }
    }

    /** The same plan analysed at another moment. */
    public ExperimentPlan at(Instant moment) {
        return new ExperimentPlan(experimentId, unit, variants, controlId, metrics, guardrails, alpha, correction,
                minimumSamplePerVariant, minimumDetectableEffect, start, end, moment);
    }

    public ExperimentMetric primary() {
        return metrics.get(0);
    }

    /** The end of the data analysed: now, or the planned end when it has passed. */
    public Instant until() {
        return end != null && end.isBefore(now) ? end : now;
    }

    public boolean ended() {
        return end != null && !now.isBefore(end);
    }
}
