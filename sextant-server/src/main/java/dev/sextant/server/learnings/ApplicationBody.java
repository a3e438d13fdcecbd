package dev.sextant.server.learnings;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.TextFields;
import dev.sextant.store.learnings.ApplicationOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * An application of a learning: the {@code trace_id} it was applied in (its trace may arrive
 * later) and, optionally, the {@code outcome} (success or failure); without one the trace's
 * outcome counts when read.
 */
record ApplicationBody(String traceId, String outcome) {
    static final int MAX_TRACE_ID = 256;

    record Valid(String traceId, ApplicationOutcome outcome) {}

    Valid validated() {
        List<FieldProblem> problems = new ArrayList<>();
        String trace = TextFields.text("trace_id", traceId, MAX_TRACE_ID, true, problems);
        ApplicationOutcome declared = null;
        if (outcome != null) {
            declared = ApplicationOutcome.fromWire(outcome).filter(o -> o != ApplicationOutcome.PENDING).orElse(null);
            if (declared == null) {
                problems.add(FieldProblem.field("outcome", "outcome must be success or failure (leave it out to take"
                        + " the trace's), was '" + Shown.text(outcome) + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Valid(trace, declared);
    }
}
