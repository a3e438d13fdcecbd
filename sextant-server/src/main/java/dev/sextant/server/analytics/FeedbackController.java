package dev.sextant.server.analytics;

import dev.sextant.analytics.FeedbackThemes;
import dev.sextant.analytics.PeriodChange;
import dev.sextant.analytics.TrendClassifier;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.FeedbackComment;
import dev.sextant.store.FeedbackQuery;
import dev.sextant.store.FeedbackReader;
import dev.sextant.store.FeedbackSummary;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TrendQuery.Metric;
import dev.sextant.store.TrendResult;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Satisfaction and feedback (issue 4 item 5): one score's count, mean, distribution, buckets
 * (with the slope of the mean classed like a trend), groups, thumbs, and the themes of its
 * comments ({@link FeedbackThemes}: terms that set low-rated comments apart, by G²).
 */
@RestController
@RequestMapping("/api/v1/analytics")
class FeedbackController {
    /** The newest comments read for themes; the answer says when there were more. */
    static final int MAX_COMMENTS = 5000;
    /** The newest low-rated comments listed with their interaction. */
    static final int LOW_RATED_EXAMPLES = 10;

    private final FeedbackReader reader;
    private final Clock clock;

    FeedbackController(SextantStore store, Clock clock) {
        this.reader = store.feedback();
        this.clock = clock;
    }

    @GetMapping("/feedback")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    FeedbackView feedback(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        Instant now = clock.instant();
        FeedbackParameters p = FeedbackParameters.read(request.getParameterMap(), now);
        FeedbackQuery q = p.query();
        FeedbackSummary summary = reader.summary(caller.workspace(), q);
        List<FeedbackComment> comments = reader.comments(caller.workspace(), q, MAX_COMMENTS + 1);
        boolean capped = comments.size() > MAX_COMMENTS;
        List<FeedbackComment> read = capped ? comments.subList(0, MAX_COMMENTS) : comments;
        FeedbackThemes.Themes themes = FeedbackThemes.of(read, p.lowMax(), p.highMin(), p.themes());
        List<FeedbackComment> lowRated = read.stream().filter(c -> c.value() != null && c.value() <= p.lowMax())
                .limit(LOW_RATED_EXAMPLES).toList();
        // the slope over complete buckets only: the running one would pull it towards its few scores
        Instant completeBy = q.filter().to().isBefore(now) ? q.filter().to() : now;
        List<TrendResult.Bucket> complete = summary.buckets().stream()
                .filter(b -> !PeriodChange.end(b.start(), q.interval()).isAfter(completeBy))
                .map(b -> new TrendResult.Bucket(b.start(), b.mean(), b.count())).toList();
        return FeedbackView.of(p, summary, TrendClassifier.classify(Metric.SATISFACTION, complete), themes, capped, lowRated, now);
    }
}
