package dev.sextant.server.analytics;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.BehaviourReader;
import dev.sextant.store.DecisionQuery;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decisions (issue 4 item 4): per decision point the confidence distribution, the alternatives
 * chosen and offered, low-confidence decisions, and how the choice relates to errors, hand-offs
 * and ratings.
 */
@RestController
@RequestMapping("/api/v1/analytics")
class DecisionController {
    private final BehaviourReader reader;
    private final Clock clock;

    DecisionController(SextantStore store, Clock clock) {
        this.reader = store.behaviour();
        this.clock = clock;
    }

    @GetMapping("/decisions")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    DecisionsView decisions(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        DecisionQuery query = DecisionParameters.read(request.getParameterMap());
        return DecisionsView.of(reader.decisions(caller.workspace(), query), clock.instant());
    }
}
