package dev.sextant.server.prompts;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.PromptTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A new template as posted: its {@code id} (a slug of the client's choosing), {@code name},
 * {@code description}, {@code agent_id}, {@code tags}, and its first version's {@code text},
 * {@code variables} and {@code message}. Every wrong field is reported at once.
 */
record TemplateBody(String id, String name, String description, String agentId, List<String> tags, String text,
        List<VariableBody> variables, String message) {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final int MAX_NAME = 200;
    static final int MAX_AGENT = 256;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 64;

    /** The checked template and first version. */
    record Valid(PromptTemplate.Spec spec, DraftCheck.Checked first) {}

    Valid validated() {
        List<FieldProblem> problems = new ArrayList<>();
        if (id == null) {
            problems.add(FieldProblem.field("id", "id is required: a slug of a-z, 0-9, '.', '_' and '-', e.g. 'support-answer'"));
        } else if (!ID.matcher(id).matches()) {
            problems.add(FieldProblem.field("id", "id must start with a-z or 0-9 followed by up to 63 of a-z, 0-9,"
                    + " '.', '_' and '-', was '" + Texts.shown(id) + "'"));
        }
        Texts.required("name", name, MAX_NAME, "e.g. 'Support answer'", problems);
        Texts.optional("description", description, DraftCheck.MAX_DESCRIPTION, problems);
        Texts.optional("agent_id", agentId, MAX_AGENT, problems);
        List<String> checkedTags = tags == null ? List.of() : tags;
        if (checkedTags.size() > MAX_TAGS) {
            problems.add(FieldProblem.field("tags", "at most " + MAX_TAGS + " tags, were " + checkedTags.size()));
        } else {
            for (int i = 0; i < checkedTags.size(); i++) {
                String tag = checkedTags.get(i);
                if (tag == null || tag.isBlank()) {
                    problems.add(FieldProblem.field("tags", "tags[" + i + "] is empty"));
                } else {
                    Texts.optional("tags[" + i + "]", tag, MAX_TAG, problems);
                }
            }
        }
        DraftCheck.Checked first = DraftCheck.check(text, variables, message, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Valid(new PromptTemplate.Spec(id, name.strip(), blankToNull(description), blankToNull(agentId),
                checkedTags.stream().map(String::strip).distinct().toList()), first);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
