package dev.sextant.server.analytics;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.EffectivenessReader;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agent and tool effectiveness (issue 4 item 2): the tool ranking, per-agent figures and error
 * patterns over the interactions the list filters select. Every answer carries
 * {@code data_as_of}: the newest item it covers, or the query time when it covers none.
 */
@RestController
@RequestMapping("/api/v1/analytics")
class EffectivenessController {
    private final EffectivenessReader reader;
    private final Clock clock;

    EffectivenessController(SextantStore store, Clock clock) {
        this.reader = store.effectiveness();
        this.clock = clock;
    }

    @GetMapping("/tools")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ToolsView tools(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        var p = EffectivenessParameters.read(request.getParameterMap(), true);
        return ToolsView.of(reader.tools(caller.workspace(), p.query(), p.sort(), p.limit()), p.sort(),
                clock.instant());
    }

    @GetMapping("/agents")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    AgentsView agents(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        var p = EffectivenessParameters.read(request.getParameterMap(), false);
        return AgentsView.of(reader.agents(caller.workspace(), p.query(), p.limit()), clock.instant());
    }

    @GetMapping("/errors")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ErrorsView errors(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        var p = EffectivenessParameters.read(request.getParameterMap(), false);
        return ErrorsView.of(reader.errors(caller.workspace(), p.query(), p.limit()), clock.instant());
    }
}
