package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.audit.AuditActorKind;
import dev.sextant.store.audit.AuditEntry;
import dev.sextant.store.audit.AuditLogStore;
import dev.sextant.store.audit.AuditPage;
import dev.sextant.store.audit.AuditQuery;
import dev.sextant.store.audit.NewAuditEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The audit log: insert and keyset-paged reads, newest first; no statement updates or deletes a row. */
final class JdbcAuditLogStore implements AuditLogStore {
    private static final String COLUMNS = "id, occurred_at, actor_kind, actor_id, actor_name, action, target_type, target_id,"
            + " details, source_ip, user_agent, request_id";

    private final Database database;
    private final Clock clock;

    JdbcAuditLogStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public AuditEntry append(WorkspaceId workspace, NewAuditEntry e) {
        AuditEntry entry = new AuditEntry(Ids.next("au_"), clock.instant().truncatedTo(ChronoUnit.MICROS), e.actorKind(),
                e.actorId(), e.actorName(), e.action(), e.targetType(), e.targetId(), e.detailsJson(), e.sourceIp(),
                e.userAgent(), e.requestId());
        return database.write("recording audit entry " + e.action(), c -> {
            try (PreparedStatement insert = SqlValues.prepare(c, Arrays.asList(workspace.value(), entry.id(), entry.at(),
                    entry.actorKind().wire(), entry.actorId(), entry.actorName(), entry.action(), entry.targetType(),
                    entry.targetId(), entry.detailsJson(), entry.sourceIp(), entry.userAgent(), entry.requestId()),
                    "INSERT INTO audit_log (workspace_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.executeUpdate();
            }
            return entry;
        });
    }

    @Override
    public AuditPage page(WorkspaceId workspace, AuditQuery q) {
        AuditCursor after = q.after() == null ? null : AuditCursor.decode(q.after());
        String id = database.dialect().byteOrder("id");
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE workspace_id = ?");
        List<Object> values = new ArrayList<>(List.of(workspace.value()));
        if (q.action() != null) {
            if (q.action().endsWith(".")) {
                sql.append(" AND substr(action, 1, ").append(q.action().length()).append(") = ?");
            } else {
                sql.append(" AND action = ?");
            }
            values.add(q.action());
        }
        if (q.actor() != null) {
            sql.append(" AND (actor_id = ? OR actor_name = ?)");
            values.add(q.actor());
            values.add(q.actor());
        }
        if (q.targetType() != null) {
            sql.append(" AND target_type = ?");
            values.add(q.targetType());
        }
        if (q.targetId() != null) {
            sql.append(" AND target_id = ?");
            values.add(q.targetId());
        }
        if (q.from() != null) {
            sql.append(" AND occurred_at >= ?");
            values.add(q.from());
        }
        if (q.to() != null) {
            sql.append(" AND occurred_at < ?");
            values.add(q.to());
        }
        if (after != null) {
            sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND ").append(id).append(" < ?))");
            values.add(after.at());
            values.add(after.at());
            values.add(after.id());
        }
        sql.append(" ORDER BY occurred_at DESC, ").append(id).append(" DESC LIMIT ").append(q.limit() + 1);
        return database.read("reading the audit log", c -> {
            try (PreparedStatement select = SqlValues.prepare(c, values, sql.toString());
                    ResultSet rs = select.executeQuery()) {
                List<AuditEntry> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(entry(rs));
                }
                if (found.size() <= q.limit()) {
                    return new AuditPage(found, null);
                }
                List<AuditEntry> page = found.subList(0, q.limit());
                AuditEntry last = page.get(page.size() - 1);
                return new AuditPage(page, new AuditCursor(last.at(), last.id()).encode());
            }
        });
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        Instant at = SqlValues.instant(rs, "occurred_at");
        return new AuditEntry(rs.getString("id"), at, AuditActorKind.fromWire(rs.getString("actor_kind")),
                rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("details"), rs.getString("source_ip"), rs.getString("user_agent"),
                rs.getString("request_id"));
    }
}
