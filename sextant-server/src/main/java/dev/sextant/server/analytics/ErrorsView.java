package dev.sextant.server.analytics;

import dev.sextant.store.ErrorPatterns;
import java.time.Instant;
import java.util.List;

/** Error patterns as the API answers them. */
record ErrorsView(Instant dataAsOf, List<ErrorPatterns.Pattern> patterns) {

    static ErrorsView of(ErrorPatterns e, Instant queriedAt) {
        return new ErrorsView(e.dataAsOf() == null ? queriedAt : e.dataAsOf(), e.patterns());
    }
}
