package dev.sextant.server.access;

import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import java.util.Set;

/** Who is calling: the API key that authenticated the request, and its workspace and scopes. */
public record Caller(WorkspaceId workspace, String keyId, String keyName, Set<Scope> scopes) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** Admin implies every other scope. */
    public boolean has(Scope scope) {
        return scopes.contains(scope) || scopes.contains(Scope.ADMIN);
    }
}
