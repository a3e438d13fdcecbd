package dev.sextant.sdk.internal;

import java.net.URI;
import java.time.Duration;

/** What the exporter needs, already validated by {@code SextantBuilder}. */
public record ExportSettings(URI ingestUri, String apiKey, int queueCapacity, int maxBatchSize,
        Duration flushInterval, Duration requestTimeout, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff) {}
