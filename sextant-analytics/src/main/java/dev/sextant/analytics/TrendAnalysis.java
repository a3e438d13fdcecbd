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
 * slope is fitted over the complete buckets only: a bucket still running at the end of the range
 * (today, this hour) would pull it down.
 */
public record TrendAnalysis(List<AnalysedSeries> series, Instant dataAsOf) {

    public record AnalysedSeries(Series series, PeriodChange change, TrendVerdict verdict) {
    }

    public TrendAnalysis {
        series = List.copyOf(series);
    }

    /** {@code now} is the time of the request: a bucket that has not ended by then is not complete. */
    public static TrendAnalysis of(TrendQuery query, TrendResult result, Instant now) {
        Instant completeBy = query.filter().to().isBefore(now) ? query.filter().to() : now;
        List<AnalysedSeries> analysed = new ArrayList<>();
        for (Series s : result.series()) {
            List<Bucket> complete = s.buckets().stream()
                    .filter(b -> !PeriodChange.end(b.start(), query.interval()).isAfter(completeBy)).toList();
            analysed.add(new AnalysedSeries(s, PeriodChange.of(s.buckets(), query.interval(), completeBy),
                    TrendClassifier.classify(query.metric(), complete)));
        }
        return new TrendAnalysis(analysed, result.dataAsOf());
    }
}
