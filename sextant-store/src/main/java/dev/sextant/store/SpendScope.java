package dev.sextant.store;

import java.util.Locale;
import java.util.Objects;

/**
 * Whose spending is meant: the whole workspace, one agent (traces with that {@code agent_id}),
 * or one model (the cost of the spans that called it). On the wire: {@code workspace},
 * {@code agent:<id>}, {@code model:<name>}.
 */
public record SpendScope(Kind kind, String value) {
    public static final SpendScope WORKSPACE = new SpendScope(Kind.WORKSPACE, null);
    public static final int MAX_VALUE_LENGTH = 256;

    public enum Kind {
        WORKSPACE, AGENT, MODEL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SpendScope {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.WORKSPACE) {
            if (value != null) {
                throw new IllegalArgumentException("the workspace scope takes no value, was '" + value + "'");
            }
        } else if (value == null || value.isBlank() || value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("scope " + kind.wire() + ":<value> needs a value of 1-"
                    + MAX_VALUE_LENGTH + " characters");
        }
    }

    public static SpendScope agent(String agentId) {
        return new SpendScope(Kind.AGENT, agentId);
    }

    public static SpendScope model(String model) {
        return new SpendScope(Kind.MODEL, model);
    }

    /** Reads {@code workspace}, {@code agent:<id>} or {@code model:<name>}. */
    public static SpendScope fromWire(String wire) {
        if (wire == null) {
            throw new IllegalArgumentException("scope is required: workspace, agent:<id> or model:<name>");
        }
        if (wire.equals("workspace")) {
            return WORKSPACE;
        }
        int colon = wire.indexOf(':');
        String kind = colon < 0 ? wire : wire.substring(0, colon);
        String value = colon < 0 ? "" : wire.substring(colon + 1);
        if (!kind.equals("agent") && !kind.equals("model")) {
            throw new IllegalArgumentException("scope must be workspace, agent:<id> or model:<name>, was '" + wire + "'");
        }
        if (value.isBlank() || value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("scope " + kind + ":<value> needs a value of 1-" + MAX_VALUE_LENGTH
                    + " characters, was '" + wire + "'");
        }
        return new SpendScope(kind.equals("agent") ? Kind.AGENT : Kind.MODEL, value);
    }

    public String wire() {
        return kind == Kind.WORKSPACE ? "workspace" : kind.wire() + ":" + value;
    }

    /** Whether a call by this agent to this model spends from this scope (either may be null: unknown). */
    public boolean covers(String agentId, String model) {
        return switch (kind) {
            case WORKSPACE -> true;
            case AGENT -> value.equals(agentId);
            case MODEL -> value.equals(model);
        };
    }
}
