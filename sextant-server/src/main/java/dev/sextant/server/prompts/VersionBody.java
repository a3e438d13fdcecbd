package dev.sextant.server.prompts;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/** A new version as posted: {@code text}, {@code variables}, {@code message}. */
record VersionBody(String text, List<VariableBody> variables, String message) {

    DraftCheck.Checked validated() {
        List<FieldProblem> problems = new ArrayList<>();
        DraftCheck.Checked checked = DraftCheck.check(text, variables, message, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return checked;
    }
}
