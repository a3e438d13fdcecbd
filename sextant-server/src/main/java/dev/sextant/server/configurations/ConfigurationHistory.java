package dev.sextant.server.configurations;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ChangeKind;
import dev.sextant.store.ConfigurationVersion;
import dev.sextant.store.SextantStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Records configuration changes that happened in the past, at their own times: the demo loader's
 * story. Each change goes through the same checks, content schema, diff and customization events
 * as the API ({@link ConfigurationChanges}); only the store role differs, one whose writes are
 * stamped at the change's time ({@link SextantStore#configurationsAt}). Requests never use this.
 */
@Component
public final class ConfigurationHistory {
    private final SextantStore store;
    private final ContentSchema schema;

    ConfigurationHistory(SextantStore store) {
        this.store = store;
        this.schema = new ContentSchema();
    }

    /** Creates a configuration with version 1 active, as {@code POST /api/v1/configurations} would have at {@code at}. */
    public ConfigurationVersion create(WorkspaceId ws, Instant at, String actor, String id, String agentId, String name,
            String description, JsonNode content, String message) {
        return changesAt(at).create(ws, new CreateBody(id, agentId, name, description, content, message, null), actor);
    }

    /** Adds a version (parent null: the active one), as {@code POST .../versions} would have at {@code at}. */
    public ConfigurationVersion addVersion(WorkspaceId ws, Instant at, String actor, String id, Integer parentVersion,
            JsonNode content, String message, boolean activate) {
        return changesAt(at).addVersion(ws, id, new VersionBody(content, parentVersion, message, activate, null), actor);
    }

    /** Activates a version, as {@code POST .../versions/{n}/activate} would have at {@code at}. */
    public ConfigurationVersion activate(WorkspaceId ws, Instant at, String actor, String id, int number) {
        return changesAt(at).activate(ws, id, number, ChangeKind.ACTIVATE, actor);
    }

    private ConfigurationChanges changesAt(Instant at) {
        return new ConfigurationChanges(store.configurationsAt(Clock.fixed(at, ZoneOffset.UTC)), schema);
    }
}
