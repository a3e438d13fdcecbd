package dev.sextant.server.prices;

import dev.sextant.cost.CostRecalculator;
import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Re-prices calculated and estimated span costs of a time range after a price change. */
@RestController
class CostController {
    private final CostRecalculator recalculator;

    CostController(CostRecalculator recalculator) {
        this.recalculator = recalculator;
    }

    @PostMapping("/api/v1/costs/recalculate")
    @RequiresScope(Scope.ADMIN)
    Recalculated recalculate(@AuthenticationPrincipal Caller caller, @RequestBody Range range) {
        range.validate();
        CostRecalculator.Result r = recalculator.recalculate(caller.workspace(), range.from().toInstant(), range.to().toInstant());
        return new Recalculated(r.examined(), r.changed(), r.unpriced(), r.before(), r.after());
    }

    /** Spans started in [from, to), RFC 3339 times with an offset. */
    record Range(OffsetDateTime from, OffsetDateTime to) {
        void validate() {
            List<FieldProblem> problems = new ArrayList<>();
            if (from == null) {
                problems.add(FieldProblem.field("from", "from is required: an RFC 3339 time, e.g. 2026-11-01T00:00:00Z"));
            }
            if (to == null) {
                problems.add(FieldProblem.field("to", "to is required: an RFC 3339 time, e.g. 2026-12-01T00:00:00Z"));
            }
            if (from != null && to != null && !to.isAfter(from)) {
                problems.add(FieldProblem.field("to", "to (" + to + ") must be after from (" + from + ")"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
        }
    }

    record Recalculated(long examined, long changed, long unpriced, BigDecimal totalBeforeUsd, BigDecimal totalAfterUsd) {}
}
