package dev.sextant.store.jdbc.internal;

import dev.sextant.model.ApiKey;
import dev.sextant.model.Scope;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ApiKeyStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** API keys; scopes are stored as their space-separated wire names. */
final class JdbcApiKeyStore implements ApiKeyStore {
    private static final String COLUMNS = "id, workspace_id, name, prefix, scopes, created_at, last_used_at, revoked_at";

    private final Database database;
    private final Clock clock;

    JdbcApiKeyStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public ApiKey create(WorkspaceId workspace, String name, String prefix, String secretHash, Set<Scope> scopes) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(secretHash, "secret hash");
        ApiKey key = new ApiKey(Ids.next("key_"), workspace, name, prefix, scopes,
                clock.instant().truncatedTo(ChronoUnit.MICROS), null, null);
        return database.write("creating API key " + name, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_keys"
                    + " (workspace_id, id, name, prefix, secret_hash, scopes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, workspace.value());
                insert.setString(2, key.id());
                insert.setString(3, name);
                insert.setString(4, prefix);
                insert.setString(5, secretHash);
                insert.setString(6, scopes.stream().sorted().map(Scope::wire).collect(Collectors.joining(" ")));
                insert.setObject(7, SqlValues.time(key.createdAt()));
                insert.executeUpdate();
            }
            return key;
        });
    }

    @Override
    public List<ApiKey> list(WorkspaceId workspace) {
        return database.read("listing API keys", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM api_keys WHERE workspace_id = ? ORDER BY created_at, id")) {
                select.setString(1, workspace.value());
                List<ApiKey> keys = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        keys.add(read(rs));
                    }
                }
                return keys;
            }
        });
    }

    @Override
    public Optional<ApiKey> find(WorkspaceId workspace, String keyId) {
        return one("workspace_id = ? AND id = ?", workspace.value(), keyId);
    }

    @Override
    public boolean revoke(WorkspaceId workspace, String keyId) {
        return update("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE workspace_id = ? AND id = ?",
                clock.instant(), workspace, keyId) > 0;
    }

    @Override
    public Optional<ApiKey> findLiveBySecretHash(String secretHash) {
        return one("secret_hash = ? AND revoked_at IS NULL", secretHash);
    }

    @Override
    public void touch(WorkspaceId workspace, String keyId, Instant usedAt) {
        update("UPDATE api_keys SET last_used_at = ? WHERE workspace_id = ? AND id = ?", usedAt, workspace, keyId);
    }

    private int update(String sql, Instant at, WorkspaceId workspace, String keyId) {
        return database.write("updating API key " + keyId, c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                update.setObject(1, SqlValues.time(at.truncatedTo(ChronoUnit.MICROS)));
                update.setString(2, workspace.value());
                update.setString(3, keyId);
                return update.executeUpdate();
            }
        });
    }

    private Optional<ApiKey> one(String where, String... values) {
        return database.read("finding API key", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE " + where)) {
                for (int i = 0; i < values.length; i++) {
                    select.setString(i + 1, values[i]);
                }
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static ApiKey read(ResultSet rs) throws SQLException {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(rs.getString("scopes").split(" "))
                .map(Scope::fromWire).flatMap(Optional::stream).forEach(scopes::add);
        return new ApiKey(rs.getString("id"), WorkspaceId.of(rs.getString("workspace_id")), rs.getString("name"),
                rs.getString("prefix"), scopes, SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "last_used_at"), SqlValues.instant(rs, "revoked_at"));
    }
}
