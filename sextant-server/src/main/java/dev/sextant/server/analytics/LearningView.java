package dev.sextant.server.analytics;

import dev.sextant.analytics.PeriodChange;
import dev.sextant.analytics.TrendVerdict;
import dev.sextant.store.LearningQuery;
import dev.sextant.store.LearningStats;
import dev.sextant.store.TrendResult.Bucket;
import java.time.Instant;
import java.util.List;

/**
 * Learning events as the API answers it: overall figures, the mean confidence per bucket with
 * its classified slope and last-period change, and the same figures per pattern.
 */
record LearningView(String interval, Instant from, Instant to, Instant dataAsOf, FiguresView overall,
        ConfidenceTrend confidenceTrend, List<FiguresView> byPattern, String insufficientData) {

    record FiguresView(String pattern, long events, long withConfidence, Double meanConfidence, long withApplied,
            long applied, Double applicationRate, long succeeded, long failed, Double applicationSuccessRate) {

        static FiguresView of(LearningStats.Figures f) {
            return new FiguresView(f.pattern(), f.events(), f.withConfidence(), f.meanConfidence(), f.withApplied(),
                    f.applied(), f.applicationRate(), f.succeeded(), f.failed(), f.applicationSuccessRate());
        }
    }

    record ConfidenceTrend(TrendView.TrendClass trend, PeriodChange change, List<Bucket> buckets) {
    }

    static LearningView of(LearningQuery q, LearningStats s, TrendVerdict trend, PeriodChange change,
            Instant queriedAt) {
        LearningStats.Figures all = s.overall();
        String insufficient = all.events() == 0
                ? "no learning spans on the interactions selected from " + q.filter().from() + " to " + q.filter().to()
                        + " (0 events)"
                : all.withConfidence() == 0 ? "none of the " + all.events()
                        + " learning events carries a confidence: no confidence trend" : null;
        return new LearningView(q.interval().wire(), q.filter().from(), q.filter().to(),
                s.dataAsOf() == null ? queriedAt : s.dataAsOf(), FiguresView.of(all),
                new ConfidenceTrend(TrendView.TrendClass.of(trend), change, s.confidence()),
                s.byPattern().stream().map(FiguresView::of).toList(), insufficient);
    }
}
