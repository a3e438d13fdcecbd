package dev.sextant.server.insights;

import dev.sextant.analytics.insights.InsightEngine;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.InsightSource;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Insights (issue 4 item 11): the significant changes between the current period and the one
 * before it, found by the detectors of {@link InsightEngine}, ranked, each with its numbers and
 * links to the reads that show it. A window given by {@code from}/{@code to} is computed on request;
 * a window that ends now ({@code days} only) is answered from {@link InsightSnapshots}, recomputed in
 * the background, so the dashboard's overview does not wait for the detectors' reads.
 */
@RestController
@org.springframework.boot.context.properties.EnableConfigurationProperties(InsightSettings.class)
@RequestMapping("/api/v1")
class InsightController {
    private final InsightSource source;
    private final InsightSnapshots snapshots;
    private final Clock clock;

    InsightController(SextantStore store, InsightSnapshots snapshots, Clock clock) {
        this.source = store.insights();
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @GetMapping("/insights")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    InsightsView insights(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        Instant now = clock.instant();
        InsightParameters p = InsightParameters.read(request.getParameterMap(), now);
        if (!request.getParameterMap().containsKey("from") && !request.getParameterMap().containsKey("to")) {
            int days = (int) Duration.between(p.periods().currentFrom(), p.periods().currentTo()).toDays();
            return InsightsView.of(snapshots.get(caller.workspace(), days, p.periods().agentId()), now, true).limit(p.limit());
        }
        return InsightsView.of(InsightEngine.run(source, caller.workspace(), p.periods(), p.limit()), now, false);
    }
}
