package dev.sextant.analytics;

import dev.sextant.store.TrendQuery;
import dev.sextant.store.TrendResult;
import dev.sextant.store.TrendResult.Bucket;
import dev.sextant.store.TrendResult.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A trend read's series, each with its period-over-period change and its classified slope. The
 * slope and the change use complete buckets only: a bucket still running at the end of the range
 * (today, this hour) would pull it down, and a first bucket that began before the range's start
 * holds only part of its interval.
 */
public record TrendAnalysis(List<AnalysedSeries> series, Instant dataAsOf) {

    public record AnalysedSeries(Series series, PeriodChange change, TrendVerdict verdict) {
    }

    public TrendAnalysis {
        series = List.copyOf(series);
    }

    /** {@code now} is the time of the request: a bucket that has not ended by then is not complete. */
    public static TrendAnalysis of(TrendQuery query, TrendResult result, Instant now) {
        Instant completeBy = completeBy(query, now);
        List<AnalysedSeries> analysed = new ArrayList<>();
        for (Series s : result.series()) {
            List<Bucket> complete = s.buckets().stream()
                    .filter(b -> PeriodChange.complete(b, query.interval(), query.filter().from(), completeBy)).toList();
            analysed.add(new AnalysedSeries(s,
                    PeriodChange.of(s.buckets(), query.interval(), query.filter().from(), completeBy),
                    TrendClassifier.classify(query.metric(), complete)));
        }
        return new TrendAnalysis(analysed, result.dataAsOf());
    }

    /** The earlier of the query's end and now: no bucket ending later is complete. */
    public static Instant completeBy(TrendQuery query, Instant now) {
        return query.filter().to().isBefore(now) ? query.filter().to() : now;
    }
}
