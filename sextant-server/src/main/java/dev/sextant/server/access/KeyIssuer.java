package dev.sextant.server.access;

import dev.sextant.model.ApiKey;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ApiKeyStore;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Creates and revokes API keys; the only code that sees a secret before it is hashed. */
@Component
public class KeyIssuer {
    private final ApiKeyStore keys;
    private final KeyAuthenticator authenticator;

    KeyIssuer(ApiKeyStore keys, KeyAuthenticator authenticator) {
        this.keys = keys;
        this.authenticator = authenticator;
    }

    public IssuedKey issue(WorkspaceId workspace, String name, Set<Scope> scopes) {
        return issue(workspace, name, scopes, KeySecret.generate());
    }

    public IssuedKey issue(WorkspaceId workspace, String name, Set<Scope> scopes, KeySecret secret) {
        ApiKey key = keys.create(workspace, name, secret.prefix(), secret.hash(), scopes);
        return new IssuedKey(key, secret);
    }

    public boolean revoke(WorkspaceId workspace, String keyId) {
        boolean revoked = keys.revoke(workspace, keyId);
        authenticator.evict(keyId);
        return revoked;
    }

    public List<ApiKey> list(WorkspaceId workspace) {
        return keys.list(workspace);
    }
}
