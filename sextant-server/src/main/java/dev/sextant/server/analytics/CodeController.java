package dev.sextant.server.analytics;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.interactions.InteractionFilters;
import dev.sextant.store.CodeGenerationReader;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Code generation (issue 4 item 6): acceptance and modification rates, time to accept or reject
 * and size statistics of the {@code code_generation} spans of the interactions the list filters
 * select (every filter of {@code GET /api/v1/interactions}, no paging; no range means all time).
 */
@RestController
@RequestMapping("/api/v1/analytics")
class CodeController {
    private final CodeGenerationReader reader;
    private final Clock clock;

    CodeController(SextantStore store, Clock clock) {
        this.reader = store.codeGeneration();
        this.clock = clock;
    }

    @GetMapping("/code")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    CodeView code(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        var query = InteractionFilters.query(request.getParameterMap(), false);
        return CodeView.of(reader.codeGeneration(caller.workspace(), query), clock.instant());
    }
}
