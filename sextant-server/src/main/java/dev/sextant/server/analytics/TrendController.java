package dev.sextant.server.analytics;

import dev.sextant.analytics.TrendAnalysis;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TrendQuery;
import dev.sextant.store.TrendReader;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trends (issue 4 item 1): one metric bucketed by time in UTC, per series the change of the last
 * complete period against the one before and the slope classed improving, stable or declining.
 */
@RestController
@RequestMapping("/api/v1/analytics")
class TrendController {
    private final TrendReader reader;
    private final Clock clock;

    TrendController(SextantStore store, Clock clock) {
        this.reader = store.trends();
        this.clock = clock;
    }

    @GetMapping("/trends")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    TrendView trends(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        Instant now = clock.instant();
        TrendQuery query = TrendParameters.read(request.getParameterMap(), now);
        return TrendView.of(query, TrendAnalysis.of(query, reader.trends(caller.workspace(), query), now), now);
    }
}
