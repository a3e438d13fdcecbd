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

    /** Any detail of the session, sent as its JSON {@code context}. */
    public SessionBuilder context(String key, Object value) {
        if (key != null) {
            if (context == null) {
                context = new LinkedHashMap<>();
            }
            context.put(key, value);
        }
        return this;
    }

    /** Sends the session with its start; {@link Session#close()} sends it again with its end. */
    public Session open() {
        return new Session(sextant, id, userId, agentId, context == null ? null : Map.copyOf(context));
    }
}
