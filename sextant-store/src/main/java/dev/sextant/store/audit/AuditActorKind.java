package dev.sextant.store.audit;

/** Who acted: a person signed in to the dashboard, an API key, or the server itself (a scheduled job). */
public enum AuditActorKind {
    USER_SESSION("user_session"),
    API_KEY("api_key"),
    SYSTEM("system");

    private final String wire;

    AuditActorKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static AuditActorKind fromWire(String wire) {
        for (AuditActorKind k : values()) {
            if (k.wire.equals(wire)) {
                return k;
            }
        }
        throw new IllegalArgumentException("actor kind must be one of user_session, api_key, system, was " + wire);
    }
}
