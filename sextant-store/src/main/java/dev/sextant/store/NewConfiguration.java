package dev.sextant.store;

import java.util.Objects;

/** A configuration to create: its client-chosen id, its agent, a name and an optional description. */
public record NewConfiguration(String id, String agentId, String name, String description, String createdBy) {
    public NewConfiguration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdBy, "createdBy");
    }
}
