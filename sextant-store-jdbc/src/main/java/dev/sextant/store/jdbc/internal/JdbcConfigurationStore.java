package dev.sextant.store.jdbc.internal;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ChangeDiff;
import dev.sextant.store.ChangeKind;
import dev.sextant.store.Configuration;
import dev.sextant.store.ConfigurationStore;
import dev.sextant.store.ConfigurationVersion;
import dev.sextant.store.ConflictException;
import dev.sextant.store.CustomizationEvent;
import dev.sextant.store.NewConfiguration;
import dev.sextant.store.NewVersion;
import dev.sextant.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Configurations, versions and customization events. A change first touches the configuration
 * row (a row lock on PostgreSQL; DuckDB has one writer anyway), then reads what is active and
 * the counters, so concurrent changes of one configuration run one after the other.
 */
final class JdbcConfigurationStore implements ConfigurationStore {
    private final Database database;
    private final Clock clock;
    private final CustomizationEvents events;

    JdbcConfigurationStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.events = new CustomizationEvents();
    }

    @Override
    public ConfigurationVersion create(WorkspaceId workspace, NewConfiguration cfg, NewVersion first, ChangeDiff diff) {
        Instant now = now();
        String ws = workspace.value();
        try {
            return database.write("creating configuration " + cfg.id(), c -> {
                if (ConfigurationRows.configuration(c, ws, cfg.id()).isPresent()) {
                    throw new ConflictException("configuration '" + cfg.id() + "' already exists in this workspace");
                }
                ConfigurationVersion v1 = new ConfigurationVersion(cfg.id(), 1, null, first.content(), first.message(),
                        first.createdBy(), now, first.minSdkVersion(), first.validation(), true);
                long last = events.append(c, ws, cfg.id(), 0, ChangeKind.CREATE, null, v1, diff.between(null,
                        first.content()), first.createdBy(), now);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO configurations (workspace_id, "
                        + ConfigurationRows.CONFIGURATION + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    SqlValues.bind(insert, Arrays.asList(ws, cfg.id(), cfg.agentId(), cfg.name(), cfg.description(),
                            1, 1, last, cfg.createdBy(), now, now));
                    insert.executeUpdate();
                }
                insertVersion(c, ws, v1);
                return v1;
            });
        } catch (StoreException e) {
            // two servers creating the same id at once: the primary key decides
            if (e.getCause() instanceof SQLException sql && Conflicts.isUniqueViolation(sql)) {
                throw new ConflictException("configuration '" + cfg.id() + "' already exists in this workspace");
            }
            throw e;
        }
    }

    @Override
    public List<Configuration> list(WorkspaceId workspace, String agentId) {
        return database.read("listing configurations", c -> {
            String sql = "SELECT " + ConfigurationRows.CONFIGURATION + " FROM configurations WHERE workspace_id = ?"
                    + (agentId == null ? "" : " AND agent_id = ?") + " ORDER BY created_at, "
                    + database.dialect().byteOrder("id");
            try (PreparedStatement select = c.prepareStatement(sql)) {
                select.setString(1, workspace.value());
                if (agentId != null) {
                    select.setString(2, agentId);
                }
                List<Configuration> found = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(ConfigurationRows.configuration(rs));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public Optional<Configuration> find(WorkspaceId workspace, String configurationId) {
        return database.read("reading configuration " + configurationId,
                c -> ConfigurationRows.configuration(c, workspace.value(), configurationId));
    }

    @Override
    public List<ConfigurationVersion> versions(WorkspaceId workspace, String configurationId) {
        return database.read("listing versions of " + configurationId,
                c -> ConfigurationRows.versions(c, workspace.value(), configurationId, "", null));
    }

    @Override
    public Optional<ConfigurationVersion> version(WorkspaceId workspace, String configurationId, int number) {
        return database.read("reading version " + number + " of " + configurationId,
                c -> ConfigurationRows.version(c, workspace.value(), configurationId, number));
    }

    @Override
    public Optional<ConfigurationVersion> active(WorkspaceId workspace, String configurationId) {
        return database.read("reading the active version of " + configurationId, c -> {
            List<ConfigurationVersion> found = ConfigurationRows.versions(c, workspace.value(), configurationId,
                    " AND v.version_number = c.active_version", null);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
        });
    }

    @Override
    public Optional<ConfigurationVersion> addVersion(WorkspaceId workspace, String configurationId, NewVersion version,
            boolean activate, ChangeDiff diff) {
        Instant now = now();
        String ws = workspace.value();
        return database.write("adding a version to " + configurationId, c -> {
            Optional<Configuration> locked = lock(c, ws, configurationId, now);
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            Configuration cfg = locked.get();
            int parentNumber = version.parentVersion() == null ? cfg.activeVersion() : version.parentVersion();
            ConfigurationVersion parent = ConfigurationRows.version(c, ws, configurationId, parentNumber)
                    .orElseThrow(() -> new IllegalArgumentException("parent_version " + parentNumber + " of configuration '"
                            + configurationId + "' does not exist; it has versions 1 to " + cfg.latestVersion()));
            int number = cfg.latestVersion() + 1;
            ConfigurationVersion added = new ConfigurationVersion(configurationId, number, parentNumber,
                    version.content(), version.message(), version.createdBy(), now, version.minSdkVersion(),
                    version.validation(), activate);
            insertVersion(c, ws, added);
            long last = events.append(c, ws, configurationId, lastEvent(c, ws, configurationId), ChangeKind.VERSION,
                    parent.versionId(), added, diff.between(parent.content(), added.content()), version.createdBy(), now);
            int active = cfg.activeVersion();
            if (activate) {
                ConfigurationVersion before = ConfigurationRows.version(c, ws, configurationId, active).orElseThrow();
                last = events.append(c, ws, configurationId, last, ChangeKind.ACTIVATE, before.versionId(), added,
                        diff.between(before.content(), added.content()), version.createdBy(), now);
                active = number;
            }
            update(c, ws, configurationId, active, number, last);
            return Optional.of(added);
        });
    }

    @Override
    public Optional<ConfigurationVersion> activate(WorkspaceId workspace, String configurationId, int number,
            ChangeKind kind, String by, ChangeDiff diff) {
        if (kind != ChangeKind.ACTIVATE && kind != ChangeKind.ROLLBACK) {
            throw new IllegalArgumentException("an activation is recorded as activate or rollback, not " + kind.wire());
        }
        Instant now = now();
        String ws = workspace.value();
        return database.write("activating version " + number + " of " + configurationId, c -> {
            Optional<Configuration> locked = lock(c, ws, configurationId, now);
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            Configuration cfg = locked.get();
            Optional<ConfigurationVersion> target = ConfigurationRows.version(c, ws, configurationId, number);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            if (kind == ChangeKind.ROLLBACK && number >= cfg.activeVersion()) {
                throw new ConflictException("a rollback goes to a version before the active one (version "
                        + cfg.activeVersion() + "); version " + number + " is not; activate it instead");
            }
            ConfigurationVersion chosen = withActive(target.get(), true);
            if (number == cfg.activeVersion()) {
                return Optional.of(chosen);
            }
            ConfigurationVersion before = ConfigurationRows.version(c, ws, configurationId, cfg.activeVersion())
                    .orElseThrow();
            long last = events.append(c, ws, configurationId, lastEvent(c, ws, configurationId), kind,
                    before.versionId(), chosen, diff.between(before.content(), chosen.content()), by, now);
            update(c, ws, configurationId, number, cfg.latestVersion(), last);
            return Optional.of(chosen);
        });
    }

    @Override
    public List<CustomizationEvent> events(WorkspaceId workspace, String configurationId) {
        return database.read("listing the events of " + configurationId, c -> events.list(c, workspace.value(),
                configurationId));
    }

    @Override
    public List<CustomizationEvent> eventsBetween(WorkspaceId workspace, Instant from, Instant to) {
        java.util.Objects.requireNonNull(from, "from");
        java.util.Objects.requireNonNull(to, "to");
        return database.read("listing the customization events from " + from + " to " + to,
                c -> events.between(c, workspace.value(), from, to));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Touches the configuration row first: the lock that serialises this configuration's changes. */
    private static Optional<Configuration> lock(Connection c, String ws, String id, Instant now) throws SQLException {
        try (PreparedStatement touch = c.prepareStatement("UPDATE configurations SET updated_at = ?"
                + " WHERE workspace_id = ? AND id = ?")) {
            SqlValues.bind(touch, Arrays.asList(now, ws, id));
            if (touch.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return ConfigurationRows.configuration(c, ws, id);
    }

    private static long lastEvent(Connection c, String ws, String id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT last_event FROM configurations"
                + " WHERE workspace_id = ? AND id = ?")) {
            select.setString(1, ws);
            select.setString(2, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection c, String ws, String id, int active, int latest, long lastEvent)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE configurations SET active_version = ?,"
                + " latest_version = ?, last_event = ? WHERE workspace_id = ? AND id = ?")) {
            SqlValues.bind(update, Arrays.asList(active, latest, lastEvent, ws, id));
            update.executeUpdate();
        }
    }

    private static void insertVersion(Connection c, String ws, ConfigurationVersion v) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO configuration_versions (workspace_id,"
                + " configuration_id, version_number, parent_number, content, message, created_by, created_at,"
                + " min_sdk_version, validation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            SqlValues.bind(insert, Arrays.asList(ws, v.configurationId(), v.number(), v.parentVersion(), v.content(),
                    v.message(), v.createdBy(), v.createdAt(), v.minSdkVersion(), v.validation()));
            insert.executeUpdate();
        }
    }

    private static ConfigurationVersion withActive(ConfigurationVersion v, boolean active) {
        return new ConfigurationVersion(v.configurationId(), v.number(), v.parentVersion(), v.content(), v.message(),
                v.createdBy(), v.createdAt(), v.minSdkVersion(), v.validation(), active);
    }
}
