package dev.sextant.store;

import java.util.Objects;

/**
 * A version to add: its content (a JSON object text, already validated), its parent (null: the
 * active version; ignored for version 1), a message, who made it, the SDK version it needs and
 * the validation result (a JSON object text, copied onto its events).
 */
public record NewVersion(String content, Integer parentVersion, String message, String createdBy,
        String minSdkVersion, String validation) {
    public NewVersion {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(minSdkVersion, "minSdkVersion");
        Objects.requireNonNull(validation, "validation");
    }
}
