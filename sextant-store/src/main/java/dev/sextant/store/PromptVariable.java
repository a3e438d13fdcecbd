package dev.sextant.store;

import java.util.Objects;

/**
 * A variable a prompt template version declares: a required one must be given when the text is
 * rendered; an optional one takes {@code defaultValue} (or renders as nothing) when it is not.
 */
public record PromptVariable(String name, String description, boolean required, String defaultValue) {
    public PromptVariable {
        Objects.requireNonNull(name, "name");
    }
}
