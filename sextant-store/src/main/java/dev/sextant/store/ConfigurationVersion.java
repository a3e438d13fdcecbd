package dev.sextant.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a configuration. Its {@link #versionId()}, {@code "<configuration>-v<n>"}, is
 * what traces carry in {@code config_version}. Content and validation are JSON object texts.
 */
public record ConfigurationVersion(String configurationId, int number, Integer parentVersion, String content,
        String message, String createdBy, Instant createdAt, String minSdkVersion, String validation, boolean active) {
    public ConfigurationVersion {
        Objects.requireNonNull(configurationId, "configurationId");
        Objects.requireNonNull(content, "content");
    }

    public String versionId() {
        return versionId(configurationId, number);
    }

    public static String versionId(String configurationId, int number) {
        return configurationId + "-v" + number;
    }
}
