package dev.sextant.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One immutable version (1, 2, ...) of a prompt template: its text, declared variables, a change
 * message, and who made it ({@code key <name> (<id>)} or {@code user <email> (<id>)}) and when.
 */
public record PromptVersion(String templateId, int version, String text, List<PromptVariable> variables,
        String message, String createdBy, Instant createdAt) {
    public PromptVersion {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(text, "text");
        variables = List.copyOf(variables);
    }
}
