package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.erasure.ErasureCounts;
import dev.sextant.store.erasure.ErasureReceipt;
import dev.sextant.store.erasure.ErasureStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Erasure of one end user (the batched purge) and the receipts of erasures. */
final class JdbcErasureStore implements ErasureStore {
    private static final String COLUMNS = "id, user_id, requested_at, completed_at, traces_deleted, spans_deleted,"
            + " scores_deleted, sessions_deleted, remaining";

    private final Database database;
    private final ErasurePurge purge;

    JdbcErasureStore(Database database) {
        this.database = database;
        this.purge = new ErasurePurge(database);
    }

    @Override
    public ErasureCounts erase(WorkspaceId workspace, Set<String> userIds, int batchSize) {
        return purge.run(workspace, userIds, batchSize);
    }

    @Override
    public long remaining(WorkspaceId workspace, Set<String> userIds) {
        return purge.remaining(workspace, userIds);
    }

    @Override
    public void record(WorkspaceId workspace, ErasureReceipt r) {
        ErasureCounts d = r.deleted();
        database.write("recording an erasure receipt", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO erasure_receipts (workspace_id, "
                    + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                SqlValues.bind(insert, Arrays.asList(workspace.value(), r.id(), r.userId(),
                        r.requestedAt().truncatedTo(ChronoUnit.MICROS), r.completedAt().truncatedTo(ChronoUnit.MICROS),
                        d.traces(), d.spans(), d.scores(), d.sessions(), r.remaining()));
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<ErasureReceipt> receipts(WorkspaceId workspace, String userId) {
        return database.read("reading erasure receipts", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM erasure_receipts"
                    + " WHERE workspace_id = ? AND user_id = ? ORDER BY requested_at DESC, id DESC")) {
                select.setString(1, workspace.value());
                select.setString(2, userId);
                List<ErasureReceipt> receipts = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        receipts.add(read(rs));
                    }
                }
                return receipts;
            }
        });
    }

    @Override
    public Optional<ErasureReceipt> receipt(WorkspaceId workspace, String receiptId) {
        return database.read("reading an erasure receipt", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM erasure_receipts"
                    + " WHERE workspace_id = ? AND id = ?")) {
                select.setString(1, workspace.value());
                select.setString(2, receiptId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static ErasureReceipt read(ResultSet rs) throws SQLException {
        return new ErasureReceipt(rs.getString("id"), rs.getString("user_id"), SqlValues.instant(rs, "requested_at"),
                SqlValues.instant(rs, "completed_at"), new ErasureCounts(rs.getLong("traces_deleted"),
                        rs.getLong("spans_deleted"), rs.getLong("scores_deleted"), rs.getLong("sessions_deleted")),
                rs.getLong("remaining"));
    }
}
