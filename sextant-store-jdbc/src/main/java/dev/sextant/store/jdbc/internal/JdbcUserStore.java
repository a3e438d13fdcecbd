package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ActiveSession;
import dev.sextant.store.ConflictException;
import dev.sextant.store.LoginSession;
import dev.sextant.store.Member;
import dev.sextant.store.Membership;
import dev.sextant.store.Role;
import dev.sextant.store.StoreException;
import dev.sextant.store.User;
import dev.sextant.store.UserLogin;
import dev.sextant.store.UserStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Users, memberships and login sessions; emails are unique by their trimmed lower-case key. */
final class JdbcUserStore implements UserStore {
    private static final String USER_COLUMNS = "u.id, u.email, u.name, u.created_at, u.disabled";

    private final Database database;
    private final Clock clock;

    JdbcUserStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public User createUser(String email, String name, String passwordHash) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "password hash");
        User user = new User(Ids.next("usr_"), email.strip(), name, now(), false);
        String key = emailKey(email);
        try {
            return database.write("creating user", c -> {
                try (PreparedStatement taken = c.prepareStatement("SELECT COUNT(*) FROM users WHERE email_key = ?")) {
                    taken.setString(1, key);
                    try (ResultSet rs = taken.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            throw new ConflictException("a user with email '" + email.strip() + "' exists");
                        }
                    }
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO users"
                        + " (id, email, email_key, password_hash, name, created_at, disabled) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, user.id());
                    insert.setString(2, user.email());
                    insert.setString(3, key);
                    insert.setString(4, passwordHash);
                    insert.setString(5, name);
                    insert.setObject(6, SqlValues.time(user.createdAt()));
                    insert.setBoolean(7, false);
                    insert.executeUpdate();
                }
                return user;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Conflicts.isUniqueViolation(sql)) {
                throw new ConflictException("a user with email '" + email.strip() + "' exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<User> findUser(String userId) {
        return database.read("finding user", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = ?")) {
                select.setString(1, userId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(user(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<UserLogin> findLogin(String email) {
        return database.read("finding user by email", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + USER_COLUMNS + ", u.password_hash FROM users u WHERE u.email_key = ?")) {
                select.setString(1, emailKey(email));
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new UserLogin(user(rs), rs.getString("password_hash"))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean updatePassword(String userId, String passwordHash, String keepSessionId) {
        Objects.requireNonNull(userId, "user id");
        Objects.requireNonNull(passwordHash, "password hash");
        return database.write("changing a user's password", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
                update.setString(1, passwordHash);
                update.setString(2, userId);
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement sessions = c.prepareStatement(
                    "DELETE FROM login_sessions WHERE user_id = ? AND id <> ?")) {
                sessions.setString(1, userId);
                // no session id is the empty string (ids are token hashes), so null keeps none
                sessions.setString(2, keepSessionId == null ? "" : keepSessionId);
                sessions.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<Membership> workspacesOf(String userId) {
        return database.read("listing a user's workspaces", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT workspace_id, role FROM memberships WHERE user_id = ? ORDER BY created_at, workspace_id")) {
                select.setString(1, userId);
                List<Membership> memberships = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        memberships.add(new Membership(WorkspaceId.of(rs.getString("workspace_id")), role(rs)));
                    }
                }
                return memberships;
            }
        });
    }

    @Override
    public boolean setRole(WorkspaceId workspace, String userId, Role role) {
        Objects.requireNonNull(role, "role");
        return database.write("setting a member's role", c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE memberships SET role = ? WHERE workspace_id = ? AND user_id = ?")) {
                update.setString(1, role.wire());
                update.setString(2, workspace.value());
                update.setString(3, userId);
                if (update.executeUpdate() > 0) {
                    return false;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, workspace.value());
                insert.setString(2, userId);
                insert.setString(3, role.wire());
                insert.setObject(4, SqlValues.time(now()));
                insert.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public List<Member> members(WorkspaceId workspace) {
        return database.read("listing members", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + USER_COLUMNS + ", m.role FROM memberships m"
                    + " JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? ORDER BY u.email_key, u.id")) {
                select.setString(1, workspace.value());
                List<Member> members = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        members.add(new Member(user(rs), role(rs)));
                    }
                }
                return members;
            }
        });
    }

    @Override
    public Optional<Member> findMember(WorkspaceId workspace, String userId) {
        return database.read("finding a member", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + USER_COLUMNS + ", m.role FROM memberships m"
                    + " JOIN users u ON u.id = m.user_id WHERE m.workspace_id = ? AND m.user_id = ?")) {
                select.setString(1, workspace.value());
                select.setString(2, userId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Member(user(rs), role(rs))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean removeMember(WorkspaceId workspace, String userId) {
        return database.write("removing a member", c -> {
            try (PreparedStatement sessions = c.prepareStatement(
                    "DELETE FROM login_sessions WHERE workspace_id = ? AND user_id = ?")) {
                sessions.setString(1, workspace.value());
                sessions.setString(2, userId);
                sessions.executeUpdate();
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM memberships WHERE workspace_id = ? AND user_id = ?")) {
                delete.setString(1, workspace.value());
                delete.setString(2, userId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public LoginSession createSession(WorkspaceId workspace, String userId, String tokenHash, Instant expiresAt) {
        Instant now = now();
        LoginSession session = new LoginSession(tokenHash, userId, workspace, now, now,
                expiresAt.truncatedTo(ChronoUnit.MICROS));
        return database.write("creating a login session", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO login_sessions"
                    + " (id, user_id, workspace_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, tokenHash);
                insert.setString(2, userId);
                insert.setString(3, workspace.value());
                insert.setObject(4, SqlValues.time(now));
                insert.setObject(5, SqlValues.time(now));
                insert.setObject(6, SqlValues.time(session.expiresAt()));
                insert.executeUpdate();
            }
            return session;
        });
    }

    @Override
    public Optional<ActiveSession> findSession(String tokenHash) {
        return database.read("finding a login session", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + USER_COLUMNS + ", m.role,"
                    + " s.id AS session_id, s.workspace_id, s.created_at AS session_created_at, s.last_seen_at, s.expires_at"
                    + " FROM login_sessions s"
                    + " JOIN users u ON u.id = s.user_id"
                    + " JOIN memberships m ON m.user_id = s.user_id AND m.workspace_id = s.workspace_id"
                    + " WHERE s.id = ? AND NOT u.disabled")) {
                select.setString(1, tokenHash);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    User user = user(rs);
                    LoginSession session = new LoginSession(rs.getString("session_id"), user.id(),
                            WorkspaceId.of(rs.getString("workspace_id")), SqlValues.instant(rs, "session_created_at"),
                            SqlValues.instant(rs, "last_seen_at"), SqlValues.instant(rs, "expires_at"));
                    return Optional.of(new ActiveSession(session, user, role(rs)));
                }
            }
        });
    }

    @Override
    public void touchSession(WorkspaceId workspace, String tokenHash, Instant seenAt) {
        database.write("touching a login session", c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE login_sessions SET last_seen_at = ? WHERE workspace_id = ? AND id = ?")) {
                update.setObject(1, SqlValues.time(seenAt.truncatedTo(ChronoUnit.MICROS)));
                update.setString(2, workspace.value());
                update.setString(3, tokenHash);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public boolean switchSession(WorkspaceId target, String tokenHash) {
        return database.write("switching a login session's workspace", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE login_sessions SET workspace_id = ?"
                    + " WHERE id = ? AND user_id IN (SELECT user_id FROM memberships WHERE workspace_id = ?)")) {
                update.setString(1, target.value());
                update.setString(2, tokenHash);
                update.setString(3, target.value());
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean deleteSession(WorkspaceId workspace, String tokenHash) {
        return database.write("deleting a login session", c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM login_sessions WHERE workspace_id = ? AND id = ?")) {
                delete.setString(1, workspace.value());
                delete.setString(2, tokenHash);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int purgeExpiredSessions(Instant now, Instant seenBefore, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
        return database.write("purging expired login sessions", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM login_sessions WHERE id IN"
                    + " (SELECT e.id FROM login_sessions e WHERE e.expires_at <= ? OR e.last_seen_at < ? LIMIT ?)")) {
                delete.setObject(1, SqlValues.time(now));
                delete.setObject(2, SqlValues.time(seenBefore));
                delete.setInt(3, limit);
                return delete.executeUpdate();
            }
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("email"), rs.getString("name"),
                SqlValues.instant(rs, "created_at"), rs.getBoolean("disabled"));
    }

    private static Role role(ResultSet rs) throws SQLException {
        String wire = rs.getString("role");
        return Role.fromWire(wire).orElseThrow(() -> new IllegalStateException("unknown role '" + wire + "' in memberships"));
    }
}
