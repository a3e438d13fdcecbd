package dev.sextant.server.analytics;

import dev.sextant.analytics.PeriodChange;
import dev.sextant.analytics.TrendAnalysis;
import dev.sextant.analytics.TrendVerdict;
import dev.sextant.store.TrendQuery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A trend as the API answers it. {@code data_as_of} is the newest interaction start the answer
 * covers, or the query time when it covers none.
 */
record TrendView(String metric, String interval, String groupBy, Instant from, Instant to, Instant dataAsOf,
        List<SeriesView> series) {

    record SeriesView(String key, TrendClass trend, PeriodChange change, List<BucketView> buckets) {
    }

    /** A bucket; {@code partial} when it began before the range or has not ended yet (left out of trend and change). */
    record BucketView(Instant start, Double value, long samples, boolean partial) {
    }

    /** The classified slope: {@code class} is improving, stable or declining; {@code reason} says why. */
    record TrendClass(String direction, Double slope, Double pValue, int points, String reason) {
        static TrendClass of(TrendVerdict v) {
            return new TrendClass(v.trend().name().toLowerCase(Locale.ROOT), v.slope(), v.pValue(), v.points(),
                    v.reason());
        }
    }

    static TrendView of(TrendQuery query, TrendAnalysis analysis, Instant queriedAt) {
        Instant completeBy = TrendAnalysis.completeBy(query, queriedAt);
        return new TrendView(query.metric().wire(), query.interval().wire(),
                query.groupBy() == null ? null : query.groupBy().wire(), query.filter().from(), query.filter().to(),
                analysis.dataAsOf() == null ? queriedAt : analysis.dataAsOf(),
                analysis.series().stream().map(s -> new SeriesView(s.series().key(), TrendClass.of(s.verdict()),
                        s.change(), s.series().buckets().stream().map(b -> new BucketView(b.start(), b.value(),
                                b.samples(), !PeriodChange.complete(b, query.interval(), query.filter().from(),
                                        completeBy))).toList())).toList());
    }
}
