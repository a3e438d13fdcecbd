package dev.sextant.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A prompt template: a client-chosen {@code id} (unique in the workspace), what it is for, and
 * its versions 1..{@code latestVersion}. The {@code production} label points at
 * {@code productionVersion} when one was set, else at the newest version.
 */
public record PromptTemplate(String id, String name, String description, String agentId, List<String> tags,
        Integer productionVersion, int latestVersion, Instant createdAt, Instant updatedAt) {
    public PromptTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        tags = List.copyOf(tags);
    }

    /** The version the {@code production} label points at. */
    public int production() {
        return productionVersion == null ? latestVersion : productionVersion;
    }

    /** What a new template says besides its first version. */
    public record Spec(String id, String name, String description, String agentId, List<String> tags) {
        public Spec {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            tags = List.copyOf(tags);
        }
    }
}
