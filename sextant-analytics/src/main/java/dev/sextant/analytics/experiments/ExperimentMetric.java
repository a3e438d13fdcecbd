package dev.sextant.analytics.experiments;

import dev.sextant.store.ExperimentUnitOutcome;
import java.util.Locale;
import java.util.Optional;

/**
 * What an experiment measures, each as a ratio of per-unit sums Σy / Σd over the units that have
 * the denominator: a rate over the unit's traces, a mean rating over its ratings, a mean response
 * time over its traces with a duration, or cost per unit (d = 1). The pre-period value of the same
 * metric, where the unit has one, is its CUPED covariate.
 */
public enum ExperimentMetric {
    SUCCESS_RATE(true, true),
    SATISFACTION(true, false),
    RESPONSE_TIME(false, false),
    ERROR_RATE(false, true),
    HANDOFF_RATE(false, true),
    COST_PER_UNIT(false, false);

    private final boolean higherIsBetter;
    private final boolean rate;

    ExperimentMetric(boolean higherIsBetter, boolean rate) {
        this.higherIsBetter = higherIsBetter;
        this.rate = rate;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** A proportion (effect size Cohen's h) rather than a mean (Cohen's d). */
    public boolean rate() {
        return rate;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Words for the recommendation sentence. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static Optional<ExperimentMetric> fromWire(String wire) {
        for (ExperimentMetric m : values()) {
            if (m.wire().equals(wire)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The unit's numerator for this metric. */
    double numerator(ExperimentUnitOutcome u) {
        return switch (this) {
            case SUCCESS_RATE -> u.successes();
            case SATISFACTION -> u.ratingSum();
            case RESPONSE_TIME -> u.durationMsSum();
            case ERROR_RATE -> u.errors();
            case HANDOFF_RATE -> u.handoffs();
            case COST_PER_UNIT -> u.costUsd().doubleValue();
        };
    }

    /** The unit's denominator; 0 leaves the unit out of this metric (no rating, no duration). */
    double denominator(ExperimentUnitOutcome u) {
        return switch (this) {
            case SUCCESS_RATE, ERROR_RATE, HANDOFF_RATE -> u.traces();
            case SATISFACTION -> u.ratingCount();
            case RESPONSE_TIME -> u.durationCount();
            case COST_PER_UNIT -> 1;
        };
    }

    /** The unit's value of this metric before the experiment, or NaN when it has none (hand-offs are not kept). */
    double preValue(ExperimentUnitOutcome u) {
        ExperimentUnitOutcome.Pre p = u.pre();
        if (p == null || p.traces() == 0) {
            return Double.NaN;
        }
        return switch (this) {
            case SUCCESS_RATE -> (double) p.successes() / p.traces();
            case ERROR_RATE -> (double) (p.traces() - p.successes()) / p.traces();
            case SATISFACTION -> p.ratingCount() == 0 ? Double.NaN : p.ratingSum() / p.ratingCount();
            case RESPONSE_TIME -> p.durationCount() == 0 ? Double.NaN : (double) p.durationMsSum() / p.durationCount();
            case COST_PER_UNIT -> p.costUsd().doubleValue();
            case HANDOFF_RATE -> Double.NaN;
        };
    }
}
