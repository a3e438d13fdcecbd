package dev.sextant.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What an insight read compares: the current period {@code [currentFrom, currentTo)} against the
 * baseline {@code [baselineFrom, currentFrom)} (the caller makes them equally long), on the
 * traces' start time, optionally for one agent only.
 */
public record InsightPeriods(Instant baselineFrom, Instant currentFrom, Instant currentTo, String agentId) {

    public InsightPeriods {
        Objects.requireNonNull(baselineFrom, "baselineFrom");
        Objects.requireNonNull(currentFrom, "currentFrom");
        Objects.requireNonNull(currentTo, "currentTo");
        if (!currentFrom.isAfter(baselineFrom) || !currentTo.isAfter(currentFrom)) {
            throw new IllegalArgumentException("periods must be in order: baseline from " + baselineFrom
                    + " < current from " + currentFrom + " < current to " + currentTo);
        }
    }

    /** Both periods, as an interaction filter (the traces an insight read looks at). */
    public InteractionQuery window() {
        return InteractionQuery.builder().from(baselineFrom).to(currentTo).agentId(agentId).build();
    }
}
