package dev.sextant.sdk;

import dev.sextant.sdk.internal.PromptClient;
import java.util.List;
import java.util.Map;

/**
 * The production version of a prompt template, as {@link Sextant#prompt} fetched it. When it
 * could not be fetched, {@link #error()} says why and {@link #text()} is null. Pass it to
 * {@link SpanBuilder#prompt(Prompt)} so that the LLM span counts as a use of this version.
 */
public final class Prompt {
    private final PromptClient client;
    private final String templateId;
    private final Integer version;
    private final String text;
    private final List<String> variables;
    private final String error;

    Prompt(PromptClient client, String templateId, Integer version, String text, List<String> variables, String error) {
        this.client = client;
        this.templateId = templateId;
        this.version = version;
        this.text = text;
        this.variables = List.copyOf(variables);
        this.error = error;
    }

    public String templateId() {
        return templateId;
    }

    /** The version number; null when the template could not be fetched. */
    public Integer version() {
        return version;
    }

    /** The template text (Mustache); null when the template could not be fetched. */
    public String text() {
        return text;
    }

    /** The names of the variables this version declares. */
    public List<String> variables() {
        return variables;
    }

    /** Why the template could not be fetched; null when it was. */
    public String error() {
        return error;
    }

    public boolean ok() {
        return error == null;
    }

    /**
     * Renders this version on the server with these values (strings, numbers, booleans); waits
     * for the answer (at most the request timeout) and never throws: a missing or undeclared
     * variable, or no answer, is a {@link Rendered} with an error.
     */
    public Rendered render(Map<String, ?> values) {
        if (version == null) {
            return new Rendered(templateId, null, null, error);
        }
        PromptClient.Rendered r = client.render(templateId, version, values);
        return new Rendered(r.templateId(), r.version(), r.text(), r.error());
    }

    /** A rendered prompt: {@code text}, or {@code error} saying why there is none. */
    public record Rendered(String templateId, Integer version, String text, String error) {
        public boolean ok() {
            return error == null;
        }
    }
}
