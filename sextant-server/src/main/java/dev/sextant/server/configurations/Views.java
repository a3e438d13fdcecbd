package dev.sextant.server.configurations;

import dev.sextant.store.Configuration;
import dev.sextant.store.ConfigurationVersion;
import dev.sextant.store.CustomizationEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON shapes of configurations, versions and events (snake_case by the server's mapper). */
final class Views {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Views() {}

    record ConfigurationView(String id, String agentId, String name, String description, int activeVersion,
            String activeVersionId, int latestVersion, String createdBy, Instant createdAt, Instant updatedAt,
            VersionView active) {}

    record VersionView(String configurationId, int version, String versionId, Integer parentVersion,
            String parentVersionId, boolean active, JsonNode content, String message, String createdBy,
            Instant createdAt, String minSdkVersion, JsonNode validation, Map<String, Object> compatibility) {}

    record EventView(long sequence, String kind, String fromVersion, String toVersion, String parameter,
            JsonNode oldValue, JsonNode newValue, String impactLevel, JsonNode validation, String createdBy,
            Instant createdAt) {}

    record ConfigurationList(List<ConfigurationView> configurations) {}

    record VersionList(String configurationId, List<VersionView> versions) {}

    record EventList(String configurationId, List<EventView> events) {}

    static ConfigurationView of(Configuration c, VersionView active) {
        return new ConfigurationView(c.id(), c.agentId(), c.name(), c.description(), c.activeVersion(),
                c.activeVersionId(), c.latestVersion(), c.createdBy(), c.createdAt(), c.updatedAt(), active);
    }

    /**
     * A version with {@code compatibility} as of now (against the SDK versions seen lately);
     * {@code validation.compatibility} is what was known when it was written.
     */
    static VersionView of(ConfigurationVersion v, Map<String, Object> compatibility) {
        return new VersionView(v.configurationId(), v.number(), v.versionId(), v.parentVersion(),
                v.parentVersion() == null ? null : ConfigurationVersion.versionId(v.configurationId(), v.parentVersion()),
                v.active(), tree(v.content()), v.message(), v.createdBy(), v.createdAt(), v.minSdkVersion(),
                tree(v.validation()), compatibility);
    }

    static EventView of(CustomizationEvent e) {
        return new EventView(e.sequence(), e.kind().wire(), e.fromVersion(), e.toVersion(), e.parameter(),
                tree(e.oldValue()), tree(e.newValue()), e.impact().wire(), tree(e.validation()), e.createdBy(),
                e.createdAt());
    }

    static JsonNode tree(String json) {
        return json == null ? null : JSON.readTree(json);
    }
}
