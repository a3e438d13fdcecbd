package dev.sextant.server.configurations;

import dev.sextant.model.WorkspaceId;
import dev.sextant.server.cache.DataVersions;
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
    private final DataVersions dataVersions;

    ConfigurationHistory(SextantStore store, DataVersions dataVersions) {
        this.store = store;
        this.schema = new ContentSchema();
        this.dataVersions = dataVersions;
    }

    /** Creates a configuration with version 1 active, as {@code POST /api/v1/configurations} would have at {@code at}. */
    public ConfigurationVersion create(WorkspaceId ws, Instant at, String actor, String id, String agentId, String name,
            String description, JsonNode content, String message) {
        ConfigurationVersion v1 = changesAt(at).create(ws, new CreateBody(id, agentId, name, description, content, message,
                null), actor);
        dataVersions.changed(ws); // as the API does: analytics of configurations change
        return v1;
    }

    /** Adds a version (parent null: the active one), as {@code POST .../versions} would have at {@code at}. */
    public ConfigurationVersion addVersion(WorkspaceId ws, Instant at, String actor, String id, Integer parentVersion,
            JsonNode content, String message, boolean activate) {
        ConfigurationVersion added = changesAt(at).addVersion(ws, id, new VersionBody(content, parentVersion, message,
                activate, null), actor);
        dataVersions.changed(ws);
        return added;
    }

    /** Activates a version, as {@code POST .../versions/{n}/activate} would have at {@code at}. */
    public ConfigurationVersion activate(WorkspaceId ws, Instant at, String actor, String id, int number) {
        ConfigurationVersion active = changesAt(at).activate(ws, id, number, ChangeKind.ACTIVATE, actor);
        dataVersions.changed(ws);
        return active;
    }

    private ConfigurationChanges changesAt(Instant at) {
        return new ConfigurationChanges(store.configurationsAt(Clock.fixed(at, ZoneOffset.UTC)), schema,
                new SdkCompatibility(new SeenSdkVersions(Clock.fixed(at, ZoneOffset.UTC))));
    }
}
