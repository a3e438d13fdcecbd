package dev.sextant.store;

import dev.sextant.model.ApiKey;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public interface ApiKeyStore {

    /** Stores a new key; {@code secretHash} is the hex SHA-256 of the whole secret. */
    ApiKey create(WorkspaceId workspace, String name, String prefix, String secretHash, Set<Scope> scopes);

    List<ApiKey> list(WorkspaceId workspace);

    Optional<ApiKey> find(WorkspaceId workspace, String keyId);

    /** Marks the key revoked; false when the workspace has no such key. */
    boolean revoke(WorkspaceId workspace, String keyId);

    /**
     * Authentication: the one lookup that starts without a workspace, because the key is what
     * tells the workspace. Finds only keys that are not revoked.
     */
    Optional<ApiKey> findLiveBySecretHash(String secretHash);

    void touch(WorkspaceId workspace, String keyId, Instant usedAt);
}
