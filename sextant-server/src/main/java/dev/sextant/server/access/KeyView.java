package dev.sextant.server.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.model.ApiKey;
import dev.sextant.model.Scope;
import java.time.Instant;
import java.util.List;

/** An API key as the API shows it: never the hash; the secret only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record KeyView(
        String id,
        String name,
        String prefix,
        List<String> scopes,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt,
        String secret) {

    static KeyView of(ApiKey key) {
        return new KeyView(key.id(), key.name(), key.prefix(),
                key.scopes().stream().sorted().map(Scope::wire).toList(), key.createdAt(), key.lastUsedAt(),
                key.revokedAt(), null);
    }

    static KeyView of(IssuedKey issued) {
        KeyView view = of(issued.key());
        return new KeyView(view.id, view.name, view.prefix, view.scopes, view.createdAt, view.lastUsedAt,
                view.revokedAt, issued.secret().value());
    }
}
