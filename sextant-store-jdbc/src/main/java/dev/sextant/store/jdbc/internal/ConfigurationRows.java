package dev.sextant.store.jdbc.internal;

import dev.sextant.store.ChangeKind;
import dev.sextant.store.Configuration;
import dev.sextant.store.ConfigurationVersion;
import dev.sextant.store.CustomizationEvent;
import dev.sextant.store.ImpactLevel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading configurations, their versions and events; every query is bound to one workspace. */
final class ConfigurationRows {
    static final String CONFIGURATION = "id, agent_id, name, description, active_version, latest_version, last_event,"
            + " created_by, created_at, updated_at";
    static final String VERSION = "v.configuration_id, v.version_number, v.parent_number, v.content, v.message,"
            + " v.created_by, v.created_at, v.min_sdk_version, v.validation, c.active_version";
    static final String VERSION_FROM = " FROM configuration_versions v JOIN configurations c"
            + " ON c.workspace_id = v.workspace_id AND c.id = v.configuration_id";
    static final String EVENT = "configuration_id, seq, kind, from_version, to_version, parameter_path, old_value,"
            + " new_value, impact_level, validation, created_by, created_at";

    private ConfigurationRows() {}

    static Optional<Configuration> configuration(Connection c, String workspace, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + CONFIGURATION
                + " FROM configurations WHERE workspace_id = ? AND id = ?")) {
            select.setString(1, workspace);
            select.setString(2, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(configuration(rs)) : Optional.empty();
            }
        }
    }

    static Optional<ConfigurationVersion> version(Connection c, String workspace, String id, int number)
            throws SQLException {
        List<ConfigurationVersion> found = versions(c, workspace, id, " AND v.version_number = ?", number);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    static List<ConfigurationVersion> versions(Connection c, String workspace, String id, String extra,
            Integer number) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + VERSION + VERSION_FROM
                + " WHERE v.workspace_id = ? AND v.configuration_id = ?" + extra + " ORDER BY v.version_number")) {
            select.setString(1, workspace);
            select.setString(2, id);
            if (number != null) {
                select.setInt(3, number);
            }
            List<ConfigurationVersion> versions = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    versions.add(version(rs));
                }
            }
            return versions;
        }
    }

    static Configuration configuration(ResultSet rs) throws SQLException {
        return new Configuration(rs.getString("id"), rs.getString("agent_id"), rs.getString("name"),
                rs.getString("description"), rs.getInt("active_version"), rs.getInt("latest_version"),
                rs.getString("created_by"), SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"));
    }

    static ConfigurationVersion version(ResultSet rs) throws SQLException {
        int number = rs.getInt("version_number");
        return new ConfigurationVersion(rs.getString("configuration_id"), number,
                SqlValues.nullableInt(rs, "parent_number"), rs.getString("content"), rs.getString("message"),
                rs.getString("created_by"), SqlValues.instant(rs, "created_at"), rs.getString("min_sdk_version"),
                rs.getString("validation"), rs.getInt("active_version") == number);
    }

    static CustomizationEvent event(ResultSet rs) throws SQLException {
        return new CustomizationEvent(rs.getString("configuration_id"), rs.getLong("seq"),
                ChangeKind.fromWire(rs.getString("kind")), rs.getString("from_version"), rs.getString("to_version"),
                rs.getString("parameter_path"), rs.getString("old_value"), rs.getString("new_value"),
                ImpactLevel.fromWire(rs.getString("impact_level")), rs.getString("validation"),
                rs.getString("created_by"), SqlValues.instant(rs, "created_at"));
    }
}
