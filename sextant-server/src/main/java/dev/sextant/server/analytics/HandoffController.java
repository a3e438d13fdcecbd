package dev.sextant.server.analytics;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.interactions.InteractionFilters;
import dev.sextant.store.BehaviourReader;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Hand-offs (issue 4 item 3): how often, why, to whom, how soon, and what happened after. */
@RestController
@RequestMapping("/api/v1/analytics")
class HandoffController {
    private final BehaviourReader reader;
    private final Clock clock;

    HandoffController(SextantStore store, Clock clock) {
        this.reader = store.behaviour();
        this.clock = clock;
    }

    @GetMapping("/handoffs")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    HandoffsView handoffs(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        var query = InteractionFilters.query(request.getParameterMap(), false);
        return HandoffsView.of(reader.handoffs(caller.workspace(), query), clock.instant());
    }
}
