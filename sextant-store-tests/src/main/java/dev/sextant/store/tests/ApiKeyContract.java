package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.ApiKey;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class ApiKeyContract extends StoreContract {

    private static String hash() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    public void aCreatedKeyIsListedFoundAndAuthenticates() {
        WorkspaceId ws = newWorkspace();
        String hash = hash();
        ApiKey key = store().apiKeys().create(ws, "ci", "sx_live_ab", hash, Set.of(Scope.INGEST_WRITE, Scope.ANALYTICS_VIEW));

        assertThat(key.id()).matches("key_[a-z2-7]{16}");
        assertThat(key.workspaceId()).isEqualTo(ws);
        assertThat(key.scopes()).containsExactlyInAnyOrder(Scope.INGEST_WRITE, Scope.ANALYTICS_VIEW);
        assertThat(key.revoked()).isFalse();
        assertThat(store().apiKeys().list(ws)).containsExactly(key);
        assertThat(store().apiKeys().find(ws, key.id())).contains(key);
        assertThat(store().apiKeys().findLiveBySecretHash(hash)).contains(key);
        assertThat(store().apiKeys().findLiveBySecretHash(hash())).isEmpty();
    }

    @Test
    public void aRevokedKeyNoLongerAuthenticatesButIsStillListed() {
        WorkspaceId ws = newWorkspace();
        String hash = hash();
        ApiKey key = store().apiKeys().create(ws, "old", "sx_live_cd", hash, Set.of(Scope.ADMIN));

        assertThat(store().apiKeys().revoke(ws, key.id())).isTrue();
        assertThat(store().apiKeys().findLiveBySecretHash(hash)).isEmpty();
        ApiKey revoked = store().apiKeys().find(ws, key.id()).orElseThrow();
        assertThat(revoked.revoked()).isTrue();
        assertThat(store().apiKeys().list(ws)).extracting(ApiKey::revoked).containsExactly(true);
        assertThat(store().apiKeys().revoke(ws, "key_doesnotexist0000")).isFalse();
    }

    @Test
    public void touchRecordsTheLastUse() {
        WorkspaceId ws = newWorkspace();
        ApiKey key = store().apiKeys().create(ws, "k", "sx_live_ef", hash(), Set.of(Scope.CONFIG_WRITE));
        Instant used = Instant.parse("2026-11-02T08:30:00.123456Z");
        store().apiKeys().touch(ws, key.id(), used);
        assertThat(store().apiKeys().find(ws, key.id()).orElseThrow().lastUsedAt()).isEqualTo(used);
    }

    @Test
    public void aKeyWithoutScopesRoundTrips() {
        WorkspaceId ws = newWorkspace();
        ApiKey key = store().apiKeys().create(ws, "none", "sx_live_gh", hash(), Set.of());
        assertThat(store().apiKeys().find(ws, key.id()).orElseThrow().scopes()).isEmpty();
    }
}
