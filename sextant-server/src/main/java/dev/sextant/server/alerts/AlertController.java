package dev.sextant.server.alerts;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.users.SessionAuthentication;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.AlertQuery;
import dev.sextant.store.AlertStatus;
import dev.sextant.store.AlertStore;
import dev.sextant.store.PageRequest;
import dev.sextant.store.SextantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Alerts: list (status, rule, paging), one alert, and acknowledging one. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {
    private final AlertStore alerts;
    private final Clock clock;

    AlertController(SextantStore store, Clock clock) {
        this.alerts = store.alerts();
        this.clock = clock;
    }

    @GetMapping
    @RequiresScope(Scope.ANALYTICS_VIEW)
    Page list(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        QueryParams p = QueryParams.of(request.getParameterMap(), "status", "rule_id", "page", "page_size");
        String rawStatus = p.text("status");
        AlertStatus status = null;
        if (rawStatus != null) {
            try {
                status = AlertStatus.fromWire(rawStatus);
            } catch (IllegalArgumentException e) {
                p.problem("status", e.getMessage());
            }
        }
        String ruleId = p.text("rule_id");
        int page = p.whole("page", 1, 1_000_000, 1);
        int size = p.whole("page_size", 1, PageRequest.MAX_SIZE, PageRequest.DEFAULT_SIZE);
        p.done();
        Instant now = clock.instant();
        AlertStore.AlertPage found = alerts.list(caller.workspace(), new AlertQuery(status, ruleId, page, size));
        return new Page(found.items().stream().map(AlertView::of).toList(), page, size, found.hasMore(), now);
    }

    record Page(List<AlertView> items, int page, int pageSize, boolean hasMore, Instant dataAsOf) {}

    @GetMapping("/{id}")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    AlertView get(@AuthenticationPrincipal Caller caller, HttpServletRequest request, @PathVariable String id) {
        AlertRuleController.noParameters(request);
        return AlertView.of(alerts.find(caller.workspace(), id).orElseThrow(() -> new NotFoundException("alert", id)));
    }

    /** A person has taken the alert: it stays open (status acknowledged) until its condition clears. */
    @PostMapping("/{id}/acknowledge")
    @RequiresScope(Scope.CONFIG_WRITE)
    AlertView acknowledge(@AuthenticationPrincipal Caller caller, HttpServletRequest request, @PathVariable String id) {
        AlertRuleController.noParameters(request);
        // a dashboard login acts as its user (Caller holds the user's email and id then), a key as the key
        boolean user = SecurityContextHolder.getContext().getAuthentication() instanceof SessionAuthentication;
        String by = (user ? "user " : "key ") + caller.keyName() + " (" + caller.keyId() + ")";
        return AlertView.of(alerts.acknowledge(caller.workspace(), id, by, clock.instant())
                .orElseThrow(() -> new NotFoundException("alert", id)));
    }
}
