package dev.sextant.server.analytics;

import dev.sextant.analytics.PeriodChange;
import dev.sextant.analytics.TrendClassifier;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.LearningQuery;
import dev.sextant.store.LearningReader;
import dev.sextant.store.LearningStats;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TrendQuery.Metric;
import dev.sextant.store.TrendResult.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Learning events (issue 4 item 7): how many, the confidence trend (slope over the complete
 * buckets, classed as for {@code avg_confidence}: rising is improving), how often a learned
 * pattern is applied and how often applying it succeeds, overall and per pattern.
 */
@RestController
@RequestMapping("/api/v1/analytics")
class LearningController {
    private final LearningReader reader;
    private final Clock clock;

    LearningController(SextantStore store, Clock clock) {
        this.reader = store.learning();
        this.clock = clock;
    }

    @GetMapping("/learning")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    LearningView learning(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        Instant now = clock.instant();
        LearningQuery q = LearningParameters.read(request.getParameterMap(), now);
        LearningStats stats = reader.learning(caller.workspace(), q);
        Instant completeBy = q.filter().to().isBefore(now) ? q.filter().to() : now;
        List<Bucket> complete = stats.confidence().stream()
                .filter(b -> !PeriodChange.end(b.start(), q.interval()).isAfter(completeBy)).toList();
        return LearningView.of(q, stats, TrendClassifier.classify(Metric.AVG_CONFIDENCE, complete),
                PeriodChange.of(stats.confidence(), q.interval(), completeBy), now);
    }
}
