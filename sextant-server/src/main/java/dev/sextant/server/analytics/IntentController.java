package dev.sextant.server.analytics;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.BehaviourReader;
import dev.sextant.store.IntentQuery;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Intents (issue 4 item 3): per primary intent volume, cost, latency, confidence, feedback, hand-offs, errors. */
@RestController
@RequestMapping("/api/v1/analytics")
class IntentController {
    private final BehaviourReader reader;
    private final Clock clock;

    IntentController(SextantStore store, Clock clock) {
        this.reader = store.behaviour();
        this.clock = clock;
    }

    @GetMapping("/intents")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    IntentsView intents(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        Instant now = clock.instant();
        IntentQuery query = IntentParameters.read(request.getParameterMap(), now);
        return IntentsView.of(query, reader.intents(caller.workspace(), query), now);
    }
}
