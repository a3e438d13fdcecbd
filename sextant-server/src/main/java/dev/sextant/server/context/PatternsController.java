package dev.sextant.server.context;

import dev.sextant.analytics.context.patterns.ContextRecord;
import dev.sextant.analytics.context.patterns.ContextTransactions;
import dev.sextant.analytics.context.patterns.PatternMiner;
import dev.sextant.analytics.context.patterns.PatternReport;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.store.SextantStore;
import dev.sextant.store.context.ContextObservation;
import dev.sextant.store.context.ContextQuery;
import dev.sextant.store.context.ContextStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Frequent context patterns that predict success or failure (issue 8 item 1): the interactions of
 * the window with their context, read in trace id order up to {@link #MAX_TRANSACTIONS}, mined by
 * {@link PatternMiner} (FP-Growth, Fisher + Benjamini–Hochberg, Wilson intervals).
 */
@RestController
class PatternsController {
    /** At most this many interactions are analysed (the first in trace id order); the answer says when more exist. */
    static final int MAX_TRANSACTIONS = 20_000;
    /** Mining stops after this many frequent itemsets; the answer says when it did. */
    static final int MAX_ITEMSETS = 20_000;

    private final ContextStore store;
    private final Clock clock;

    PatternsController(SextantStore store, Clock clock) {
        this.store = store.context();
        this.clock = clock;
    }

    @GetMapping("/api/v1/context/patterns")
    @RequiresScope(Scope.ANALYTICS_VIEW)
    PatternsView patterns(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        PatternsParameters p = PatternsParameters.of(request.getParameterMap(), clock.instant(), MAX_ITEMSETS);
        ContextQuery query = new ContextQuery(p.from(), p.to(), p.agentId(), null,
                Math.min(ContextQuery.MAX_LIMIT, MAX_TRANSACTIONS));
        List<ContextRecord> records = read(caller.workspace(), query);
        long inRange = records.size() < MAX_TRANSACTIONS ? records.size() : store.count(caller.workspace(), query);
        PatternReport report = PatternMiner.mine(ContextTransactions.of(records), p.settings());
        return PatternsView.of(p, report, inRange, MAX_TRANSACTIONS);
    }

    private List<ContextRecord> read(WorkspaceId workspace, ContextQuery first) {
        List<ContextRecord> records = new ArrayList<>();
        ContextQuery query = first;
        while (records.size() < MAX_TRANSACTIONS) {
            List<ContextObservation> page = store.observations(workspace, query);
            for (ContextObservation o : page) {
                if (records.size() < MAX_TRANSACTIONS) {
                    records.add(new ContextRecord(o.values(), o.numbers(), o.outcome().success()));
                }
            }
            if (page.size() < query.limit()) {
                break;
            }
            query = query.after(page.getLast().traceId());
        }
        return records;
    }
}
