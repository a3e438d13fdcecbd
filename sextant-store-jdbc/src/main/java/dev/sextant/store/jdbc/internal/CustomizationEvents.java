package dev.sextant.store.jdbc.internal;

import dev.sextant.store.ChangeKind;
import dev.sextant.store.ConfigurationVersion;
import dev.sextant.store.CustomizationEvent;
import dev.sextant.store.ImpactLevel;
import dev.sextant.store.ParameterChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The customization_events rows: written inside a configuration change, read in sequence. */
final class CustomizationEvents {
    /**
     * Writes one row per change after sequence {@code last} (one row without a parameter when
     * nothing changed); answers the new last sequence.
     */
    long append(Connection c, String ws, String configurationId, long last, ChangeKind kind, String from,
            ConfigurationVersion to, List<ParameterChange> changes, String by, Instant at) throws SQLException {
        List<ParameterChange> rows = changes;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO customization_events (workspace_id, "
                + ConfigurationRows.EVENT + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long seq = last;
            if (rows.isEmpty()) {
                seq++;
                SqlValues.bind(insert, Arrays.asList(ws, configurationId, seq, kind.wire(), from, to.versionId(), null,
                        null, null, ImpactLevel.LOW.wire(), to.validation(), by, at));
                insert.addBatch();
            }
            for (ParameterChange change : rows) {
                seq++;
                SqlValues.bind(insert, Arrays.asList(ws, configurationId, seq, kind.wire(), from, to.versionId(),
                        change.parameter(), change.oldValue(), change.newValue(), change.impact().wire(),
                        to.validation(), by, at));
                insert.addBatch();
            }
            insert.executeBatch();
            return seq;
        }
    }

    List<CustomizationEvent> list(Connection c, String ws, String configurationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + ConfigurationRows.EVENT
                + " FROM customization_events WHERE workspace_id = ? AND configuration_id = ? ORDER BY seq")) {
            select.setString(1, ws);
            select.setString(2, configurationId);
            List<CustomizationEvent> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(ConfigurationRows.event(rs));
                }
            }
            return found;
        }
    }

    List<CustomizationEvent> between(Connection c, String ws, Instant from, Instant to) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + ConfigurationRows.EVENT
                + " FROM customization_events WHERE workspace_id = ? AND created_at >= ? AND created_at < ?"
                + " ORDER BY created_at, configuration_id, seq")) {
            SqlValues.bind(select, Arrays.asList(ws, from, to));
            List<CustomizationEvent> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(ConfigurationRows.event(rs));
                }
            }
            return found;
        }
    }
}
