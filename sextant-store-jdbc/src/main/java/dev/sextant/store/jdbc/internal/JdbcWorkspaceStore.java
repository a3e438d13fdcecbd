package dev.sextant.store.jdbc.internal;

import dev.sextant.model.Workspace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConflictException;
import dev.sextant.store.StoreException;
import dev.sextant.store.WorkspaceStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class JdbcWorkspaceStore implements WorkspaceStore {
    private static final String COLUMNS = "id, slug, name, created_at";

    private final Database database;
    private final Clock clock;

    JdbcWorkspaceStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Workspace create(WorkspaceId id, String slug, String name) {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return database.write("creating workspace " + slug, c -> {
                try (PreparedStatement taken = c.prepareStatement(
                        "SELECT COUNT(*) FROM workspaces WHERE slug = ? OR id = ?")) {
                    taken.setString(1, slug);
                    taken.setString(2, id.value());
                    try (ResultSet rs = taken.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            throw new ConflictException("workspace slug '" + slug + "' or id '" + id + "' is taken");
                        }
                    }
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO workspaces (" + COLUMNS + ") VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, id.value());
                    insert.setString(2, slug);
                    insert.setString(3, name);
                    insert.setObject(4, SqlValues.time(now));
                    insert.executeUpdate();
                }
                return new Workspace(id, slug, name, now);
            });
        } catch (StoreException e) {
            // two servers creating the same slug at once: the unique key decides
            if (e.getCause() instanceof SQLException sql && Conflicts.isUniqueViolation(sql)) {
                throw new ConflictException("workspace slug '" + slug + "' or id '" + id + "' is taken");
            }
            throw e;
        }
    }

    @Override
    public Optional<Workspace> find(WorkspaceId id) {
        return one("WHERE id = ?", id.value());
    }

    @Override
    public Optional<Workspace> findBySlug(String slug) {
        return one("WHERE slug = ?", slug);
    }

    @Override
    public List<Workspace> list() {
        return database.read("listing workspaces", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM workspaces ORDER BY created_at, id");
                    ResultSet rs = select.executeQuery()) {
                List<Workspace> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(read(rs));
                }
                return all;
            }
        });
    }

    private Optional<Workspace> one(String where, String value) {
        return database.read("finding workspace " + value, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM workspaces " + where)) {
                select.setString(1, value);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static Workspace read(ResultSet rs) throws SQLException {
        return new Workspace(WorkspaceId.of(rs.getString("id")), rs.getString("slug"), rs.getString("name"),
                SqlValues.instant(rs, "created_at"));
    }
}
