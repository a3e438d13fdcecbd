package dev.sextant.server.datasets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sextant.datasets.*} (documented in docs/CONFIGURATION.md): the largest dataset upload,
 * in bytes (default 1 GiB). A Content-Length above it is refused before a byte is read; a body
 * without one is counted while it is read and stopped where it crosses the limit.
 */
@ConfigurationProperties("sextant.datasets")
record DatasetUploadSettings(@DefaultValue("1073741824") long maxUploadBytes) {

    DatasetUploadSettings {
        if (maxUploadBytes < 1) {
            throw new IllegalArgumentException("sextant.datasets.max-upload-bytes must be at least 1, was " + maxUploadBytes);
        }
    }
}
