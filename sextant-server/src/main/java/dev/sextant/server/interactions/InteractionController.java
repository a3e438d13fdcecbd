package dev.sextant.server.interactions;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.InteractionReader;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reading interactions (traces): list, one with its spans and scores, and stats. */
@RestController
@RequestMapping("/api/v1/interactions")
class InteractionController {
    private final InteractionReader reader;
    private final dev.sextant.store.context.ContextStore context;

    InteractionController(InteractionReader reader, dev.sextant.store.SextantStore store) {
        this.reader = reader;
        this.context = store.context();
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    PageView list(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        var query = InteractionFilters.query(request.getParameterMap(), true);
        var page = InteractionFilters.page(request.getParameterMap());
        return PageView.of(reader.list(caller.workspace(), query, page));
    }

    @GetMapping("/stats")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    StatsView stats(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        var query = InteractionFilters.query(request.getParameterMap(), false);
        return StatsView.of(reader.stats(caller.workspace(), query));
    }

    @GetMapping("/{id}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    DetailView get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return reader.get(caller.workspace(), id).map(d -> DetailView.of(d, context.items(caller.workspace(), id)))
                .orElseThrow(() -> new NotFoundException("interaction", id));
    }
}
