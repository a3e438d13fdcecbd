package dev.sextant.server.erasure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sextant.erasure.*} (documented in docs/CONFIGURATION.md).
 *
 * @param batchSize the most rows one statement of an erasure deletes, each batch its own transaction
 */
@ConfigurationProperties("sextant.erasure")
record ErasureSettings(@DefaultValue("1000") int batchSize) {
    static final int MAX_BATCH = 10_000;

    ErasureSettings {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("sextant.erasure.batch-size must be between 1 and " + MAX_BATCH
                    + ", was " + batchSize);
        }
    }
}
