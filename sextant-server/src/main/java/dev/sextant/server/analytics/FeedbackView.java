package dev.sextant.server.analytics;

import dev.sextant.analytics.FeedbackThemes;
import dev.sextant.analytics.TrendVerdict;
import dev.sextant.store.FeedbackComment;
import dev.sextant.store.FeedbackQuery;
import dev.sextant.store.FeedbackSummary;
import java.time.Instant;
import java.util.List;

/**
 * Feedback as the API answers it. {@code insufficient_data} says, with the counts, when there is
 * nothing to compute from; a figure without data is null, never made up. {@code low_rated_examples}
 * are the newest low-rated comments with their interaction, so a reader can open what went wrong.
 */
record FeedbackView(String score, String interval, String groupBy, Instant from, Instant to, Instant dataAsOf,
        long count, long numericCount, Double mean, List<FeedbackSummary.ValueCount> distribution,
        ThumbsView thumbs, OverTime overTime, List<FeedbackSummary.Group> groups, ThemesView themes,
        List<FeedbackComment> lowRatedExamples, String insufficientData) {

    record ThumbsView(long up, long down, Double upRatio) {
    }

    record OverTime(TrendView.TrendClass trend, List<FeedbackSummary.Bucket> buckets) {
    }

    record ThemesView(long comments, boolean capped, double lowMax, double highMin, long lowRatedComments,
            long highRatedComments, List<CommonTerm> common, List<FeedbackThemes.Theme> lowRated,
            List<FeedbackThemes.Theme> highRated, String reason) {
    }

    record CommonTerm(String term, long comments, List<String> examples) {
    }

    static FeedbackView of(FeedbackParameters p, FeedbackSummary s, TrendVerdict trend, FeedbackThemes.Themes themes,
            boolean capped, List<FeedbackComment> lowRatedExamples, Instant queriedAt) {
        FeedbackQuery q = p.query();
        String groupBy = q.groupBy() == null ? null
                : q.groupBy() == FeedbackQuery.GroupBy.METADATA ? "metadata." + q.metadataKey() : q.groupBy().wire();
        String insufficient = s.count() == 0
                ? "no '" + q.scoreName() + "' scores on the interactions selected from " + q.filter().from()
                        + " to " + q.filter().to() + " (0 scores)"
                : s.numericCount() == 0 ? "the " + s.count() + " '" + q.scoreName()
                        + "' scores are all categorical: no mean or trend" : null;
        ThemesView t = new ThemesView(themes.comments(), capped, p.lowMax(), p.highMin(), themes.lowComments(),
                themes.highComments(), themes.common().stream()
                        .map(c -> new CommonTerm(c.term(), c.comments(), c.examples())).toList(),
                themes.lowRated(), themes.highRated(), themes.reason());
        return new FeedbackView(q.scoreName(), q.interval().wire(), groupBy, q.filter().from(), q.filter().to(),
                s.dataAsOf() == null ? queriedAt : s.dataAsOf(), s.count(), s.numericCount(), s.mean(),
                s.distribution(), new ThumbsView(s.thumbs().up(), s.thumbs().down(), s.thumbs().upRatio()),
                new OverTime(TrendView.TrendClass.of(trend), s.buckets()), s.groups(), t, lowRatedExamples, insufficient);
    }
}
