package dev.sextant.server.learnings;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.TextFields;
import dev.sextant.store.learnings.LearningStatus;
import java.util.ArrayList;
import java.util.List;

/** A change to a learning: a new {@code statement} and/or {@code status} (active, retired); at least one. */
record LearningPatch(String statement, String status) {

    record Valid(String statement, LearningStatus status) {}

    Valid validated() {
        List<FieldProblem> problems = new ArrayList<>();
        if (statement == null && status == null) {
            throw InvalidRequestException.of(FieldProblem.field("body", "name what to change: statement and/or status"
                    + " (active, retired)"));
        }
        String said = statement == null ? null
                : TextFields.text("statement", statement, LearningBody.MAX_STATEMENT, true, problems);
        LearningStatus to = null;
        if (status != null) {
            to = LearningStatus.fromWire(status).orElse(null);
            if (to == null) {
                problems.add(FieldProblem.field("status", "status must be active or retired, was '" + Shown.text(status)
                        + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Valid(said, to);
    }
}
