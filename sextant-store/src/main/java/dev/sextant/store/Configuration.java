package dev.sextant.store;

import java.time.Instant;
import java.util.Objects;

/** A stored configuration: which version is active and which is the newest. */
public record Configuration(String id, String agentId, String name, String description, int activeVersion,
        int latestVersion, String createdBy, Instant createdAt, Instant updatedAt) {
    public Configuration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
    }

    public String activeVersionId() {
        return ConfigurationVersion.versionId(id, activeVersion);
    }
}
