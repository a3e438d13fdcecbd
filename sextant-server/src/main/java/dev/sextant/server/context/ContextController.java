package dev.sextant.server.context;

import dev.sextant.analytics.context.ContextCorrelations;
import dev.sextant.analytics.context.ContextRelevance;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.SextantStore;
import dev.sextant.store.context.ContextObservation;
import dev.sextant.store.context.ContextQuery;
import dev.sextant.store.context.ContextStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Context awareness (issue 8 item 1): relevance of context items to success, correlation of
 * context with success, latency, cost and rating, and the export of every interaction with its
 * context and outcome (what {@code sextant learning export} streams). The analytics read the
 * window's interactions page by page (at most {@value #MAX_ANALYSED}) and compute in Java.
 */
@RestController
@RequestMapping("/api/v1/context")
class ContextController {
    static final int MAX_ANALYSED = 200_000;

    private final ContextStore store;
    private final Clock clock;

    ContextController(SextantStore store, Clock clock) {
        this.store = store.context();
        this.clock = clock;
    }

    record Window(Instant from, Instant to, String agentId) {
        static Window of(ContextQuery q) {
            return new Window(q.from(), q.to(), q.agentId());
        }
    }

    record RelevanceView(Window window, String status, String reason, long interactions, long successes,
            Double successRate, int minCount, int itemsBelowMinCount, List<ContextRelevance.Relevance> items) {
    }

    record CorrelationsView(Window window, long interactions, int minCount, List<ContextCorrelations.NumericType> numeric,
            List<ContextCorrelations.CategoricalValue> categorical) {
    }

    record ExportItem(String traceId, String agentId, Instant startedAt, Map<String, Object> context, Outcome outcome) {
    }

    record Outcome(boolean success, boolean handoff, Long durationMs, Double costUsd, Double rating) {
    }

    record ExportView(Window window, long total, List<ExportItem> interactions, String nextCursor) {
    }

    @GetMapping("/relevance")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    RelevanceView relevance(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        ContextParameters p = ContextParameters.analytics(request.getParameterMap(), clock.instant());
        ContextRelevance.Report r = ContextRelevance.analyse(all(caller.workspace(), p.query()), p.minCount());
        return new RelevanceView(Window.of(p.query()), r.status(), r.reason(), r.interactions(), r.successes(),
                r.successRate(), r.minCount(), r.itemsBelowMinCount(), r.items());
    }

    @GetMapping("/correlations")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    CorrelationsView correlations(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        ContextParameters p = ContextParameters.analytics(request.getParameterMap(), clock.instant());
        ContextCorrelations.Report r = ContextCorrelations.analyse(all(caller.workspace(), p.query()), p.minCount());
        return new CorrelationsView(Window.of(p.query()), r.interactions(), r.minCount(), r.numeric(), r.categorical());
    }

    @GetMapping("/export")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    ExportView export(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        ContextParameters p = ContextParameters.export(request.getParameterMap(), clock.instant());
        ContextQuery q = p.query();
        List<ContextObservation> page = store.observations(caller.workspace(), q);
        List<ExportItem> items = new ArrayList<>(page.size());
        for (ContextObservation o : page) {
            items.add(new ExportItem(o.traceId(), o.agentId(), o.startedAt(), context(o), new Outcome(o.outcome().success(),
                    o.outcome().handoff(), o.outcome().durationMs(), o.outcome().costUsd(), o.outcome().rating())));
        }
        String next = page.size() == q.limit() ? ContextParameters.encode(page.getLast().traceId()) : null;
        return new ExportView(Window.of(q), store.count(caller.workspace(), q), items, next);
    }

    /** Categorical types as arrays of their values, numeric types as numbers, by type name. */
    static Map<String, Object> context(ContextObservation o) {
        Map<String, Object> context = new java.util.TreeMap<>();
        context.putAll(o.values());
        context.putAll(o.numbers());
        return new LinkedHashMap<>(context);
    }

    private List<ContextObservation> all(WorkspaceId workspace, ContextQuery query) {
        long count = store.count(workspace, query);
        if (count > MAX_ANALYSED) {
            throw new InvalidRequestException(List.of(FieldProblem.parameter("from", "the window holds " + count
                    + " interactions, over the limit of " + MAX_ANALYSED + " analysed at once: narrow from/to or give agent_id")));
        }
        List<ContextObservation> all = new ArrayList<>();
        ContextQuery page = query;
        while (true) {
            List<ContextObservation> part = store.observations(workspace, page);
            all.addAll(part);
            if (part.size() < page.limit()) {
                return all;
            }
            page = page.after(part.getLast().traceId());
        }
    }
}
