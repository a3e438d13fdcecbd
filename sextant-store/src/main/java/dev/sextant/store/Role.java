package dev.sextant.store;

import dev.sextant.model.Scope;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A member's role in a workspace, and the scopes it grants (DESIGN.md §3). */
public enum Role {
    VIEWER("viewer", EnumSet.of(Scope.ANALYTICS_VIEW)),
    MEMBER("member", EnumSet.of(Scope.ANALYTICS_VIEW, Scope.INGEST_WRITE, Scope.CONFIG_WRITE)),
    ADMIN("admin", EnumSet.allOf(Scope.class));

    private final String wire;
    private final Set<Scope> scopes;

    Role(String wire, Set<Scope> scopes) {
        this.wire = wire;
        this.scopes = Set.copyOf(scopes);
    }

    public String wire() {
        return wire;
    }

    public Set<Scope> scopes() {
        return scopes;
    }

    public static Optional<Role> fromWire(String wire) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(wire)).findFirst();
    }
}
