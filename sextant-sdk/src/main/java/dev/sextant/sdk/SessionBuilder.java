package dev.sextant.sdk;

import java.util.LinkedHashMap;
import java.util.Map;

/** Describes a session (a group of traces, e.g. one working session of a person with an agent) before it opens. */
public final class SessionBuilder {
    private final Sextant sextant;
    private final String id;
    private String userId;
    private String agentId;
    private Map<String, Object> context;

    SessionBuilder(Sextant sextant, String id, String defaultAgent) {
        this.sextant = sextant;
        this.id = id;
        this.agentId = defaultAgent;
    }

    public SessionBuilder user(String userId) {
        this.userId = userId;
        return this;
    }

    public SessionBuilder agent(String agentId) {
        this.agentId = agentId;
        return this;
    }

    /**
     * Any detail of the session, sent as its JSON {@code context}: the server also keeps each
     * entry as a typed context item, so values must be strings, numbers, booleans or lists of
     * strings and numbers, and keys lower-case identifiers ({@code [a-z][a-z0-9_.]{0,63}}).
     */
    public SessionBuilder context(String key, Object value) {
        if (key != null) {
            if (context == null) {
                context = new LinkedHashMap<>();
            }
            context.put(key, value);
        }
        return this;
    }

    /**
     * A typed context item of the session, shared by its traces (e.g. {@code git_branch}): the
     * same as {@link #context(String, Object)} with a string. Type names are lower-case identifiers.
     */
    public SessionBuilder context(String type, String value) {
        return context(type, (Object) value);
    }

    /** A numeric context item of the session. */
    public SessionBuilder context(String type, Number value) {
        return context(type, (Object) value);
    }

    /** A boolean context item of the session. */
    public SessionBuilder context(String type, boolean value) {
        return context(type, (Object) Boolean.valueOf(value));
    }

    /** A multi-valued context item of the session (e.g. {@code files_open}). */
    public SessionBuilder context(String type, java.util.List<String> values) {
        return context(type, (Object) (values == null ? null : java.util.List.copyOf(values)));
    }

    /** Sends the session with its start; {@link Session#close()} sends it again with its end. */
    public Session open() {
        return new Session(sextant, id, userId, agentId, context == null ? null : Map.copyOf(context));
    }
}
