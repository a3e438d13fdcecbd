package dev.sextant.store;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One unit's outcomes in one variant of an experiment, summed over its traces in the window, and
 * its pre-period figures (zero traces when it was not seen before the window). A success is a trace
 * whose status is not {@code error}, as in the interaction stats; ratings are the trace's
 * {@code user_rating} scores; durations count only traces that have one.
 */
public record ExperimentUnitOutcome(String variantId, String unitId, Instant firstExposure, long traces,
        long successes, long errors, long handoffs, long durationMsSum, long durationCount, BigDecimal costUsd,
        double ratingSum, long ratingCount, Pre pre) {

    /** The unit's traces before the window, in any experiment or none. */
    public record Pre(long traces, long successes, long durationMsSum, long durationCount, BigDecimal costUsd,
            double ratingSum, long ratingCount) {
    }
}
