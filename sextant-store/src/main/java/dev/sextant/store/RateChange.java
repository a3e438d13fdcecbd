package dev.sextant.store;

import java.time.Instant;

/** Events (e.g. failed calls) out of a total, for one key, in the current and the baseline period. */
public record RateChange(String key, long currentEvents, long currentTotal, long baselineEvents, long baselineTotal,
        Instant newest) {

    public RateChange {
        if (currentEvents < 0 || currentEvents > currentTotal || baselineEvents < 0 || baselineEvents > baselineTotal) {
            throw new IllegalArgumentException(key + ": events must be between 0 and the total, were " + currentEvents
                    + "/" + currentTotal + " and " + baselineEvents + "/" + baselineTotal);
        }
    }
}
