package dev.sextant.server.analytics;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TopologyQuery;
import dev.sextant.store.TopologyReader;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agent topology (issue 5 item 4): which agent calls or hands off to which in multi-agent
 * workflows, with volumes, cost and failure rates on the edges. Cached and exported as a table
 * like every analytics answer (the filters under /api/v1/analytics/ do that).
 */
@RestController
@RequestMapping("/api/v1/analytics")
class TopologyController {
    private final TopologyReader reader;
    private final Clock clock;

    TopologyController(SextantStore store, Clock clock) {
        this.reader = store.topology();
        this.clock = clock;
    }

    @GetMapping("/topology")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    TopologyView topology(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        TopologyQuery query = TopologyParameters.read(request.getParameterMap());
        return TopologyView.of(query, reader.topology(caller.workspace(), query), clock.instant());
    }
}
