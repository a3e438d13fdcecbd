package dev.sextant.store;

import java.util.List;
import java.util.Objects;

/** What a new version of a prompt template says; the store numbers it and stamps the time. */
public record PromptDraft(String text, List<PromptVariable> variables, String message, String createdBy) {
    public PromptDraft {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdBy, "createdBy");
        variables = List.copyOf(variables);
    }
}
