package dev.sextant.server.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sextant.model.ApiKey;
import dev.sextant.store.ApiKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the live key behind a secret. Found keys are cached briefly (a revoke on this instance
 * evicts at once; other instances notice within {@link #CACHE_TTL}); last_used_at is written at
 * most once a minute per key so reads do not turn into writes.
 */
@Component
public class KeyAuthenticator {
    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiKeyStore keys;
    private final Clock clock;
    private final Cache<String, ApiKey> byHash =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(CACHE_TTL).build();
    private final Cache<String, Boolean> touched =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(TOUCH_EVERY).build();

    KeyAuthenticator(ApiKeyStore keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    Optional<Caller> authenticate(KeySecret secret) {
        String hash = secret.hash();
        ApiKey key = byHash.getIfPresent(hash);
        if (key == null) {
            key = keys.findLiveBySecretHash(hash).orElse(null);
            if (key == null) {
                return Optional.empty();
            }
            byHash.put(hash, key);
        }
        if (touched.asMap().putIfAbsent(key.id(), Boolean.TRUE) == null) {
            keys.touch(key.workspaceId(), key.id(), clock.instant());
        }
        return Optional.of(new Caller(key.workspaceId(), key.id(), key.name(), key.scopes()));
    }

    /** Forgets a revoked key at once. */
    void evict(String keyId) {
        byHash.asMap().values().removeIf(key -> key.id().equals(keyId));
    }
}
