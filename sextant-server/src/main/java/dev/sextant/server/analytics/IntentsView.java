package dev.sextant.server.analytics;

import dev.sextant.store.IntentAnalytics;
import dev.sextant.store.IntentQuery;
import java.time.Instant;
import java.util.List;

/**
 * Intents as the API answers them; {@code series} is null unless an interval was asked for.
 * {@code data_as_of}: the newest interaction start covered, or the query time when none.
 */
record IntentsView(Instant dataAsOf, String interval, Instant from, Instant to, long interactions,
        long withoutIntent, List<IntentAnalytics.Group> intents) {

    static IntentsView of(IntentQuery query, IntentAnalytics result, Instant queriedAt) {
        return new IntentsView(result.dataAsOf() == null ? queriedAt : result.dataAsOf(),
                query.interval() == null ? null : query.interval().wire(), query.filter().from(), query.filter().to(),
                result.interactions(), result.withoutIntent(), result.intents());
    }
}
