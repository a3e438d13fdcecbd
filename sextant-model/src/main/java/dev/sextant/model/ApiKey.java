package dev.sextant.model;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as stored: never the secret, only its hash (kept by the store) and a display
 * prefix. {@code revokedAt} is null while the key is live.
 */
public record ApiKey(
        String id,
        WorkspaceId workspaceId,
        String name,
        String prefix,
        Set<Scope> scopes,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
