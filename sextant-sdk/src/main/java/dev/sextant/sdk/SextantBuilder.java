package dev.sextant.sdk;

import dev.sextant.sdk.internal.ExportSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a {@link Sextant} client. Everything is checked here, in {@link #build()} at the
 * latest, with messages that say what is wrong: a client that builds never throws afterwards.
 */
public final class SextantBuilder {
    static final int MAX_BATCH = 50_000;

    private URI endpoint;
    private String apiKey;
    private String agentId;
    private int queueCapacity = 8_192;
    private int maxBatchSize = 512;
    private Duration flushInterval = Duration.ofSeconds(1);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int maxAttempts = 8;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration closeTimeout = Duration.ofSeconds(10);
    private boolean closeOnShutdown;
    static final Duration DEFAULT_EXPERIMENT_CACHE_TTL = Duration.ofSeconds(60);
    private Duration experimentCacheTtl = DEFAULT_EXPERIMENT_CACHE_TTL;
    static final Duration DEFAULT_CONFIGURATION_TTL = Duration.ofSeconds(30);
    private Duration configurationTtl = DEFAULT_CONFIGURATION_TTL;

    SextantBuilder() {}

    /** The server's base URL, e.g. {@code http://localhost:7070}; records go to {@code /api/v1/ingest} under it. */
    public SextantBuilder endpoint(URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint must not be null");
        String scheme = endpoint.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an absolute http or https URL such as "
                    + "http://localhost:7070, was " + endpoint);
        }
        if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("endpoint must be the server's base URL without query or fragment, was "
                    + endpoint);
        }
        this.endpoint = endpoint;
        return this;
    }

    public SextantBuilder endpoint(String endpoint) {
        Objects.requireNonNull(endpoint, "endpoint must not be null");
        try {
            return endpoint(URI.create(endpoint.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("endpoint") ? e.getMessage()
                    : "endpoint must be an absolute http or https URL, was \"" + endpoint + "\": " + e.getMessage(), e);
        }
    }

    /** An API key with the {@code ingest:write} scope ({@code sk-...}). */
    public SextantBuilder apiKey(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey must not be null");
        if (apiKey.isBlank() || apiKey.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw new IllegalArgumentException("apiKey must be a non-blank key without spaces or control characters");
        }
        this.apiKey = apiKey;
        return this;
    }

    /** The agent id traces and sessions get unless they name another. */
    public SextantBuilder agentId(String agentId) {
        Objects.requireNonNull(agentId, "agentId must not be null");
        if (agentId.isBlank() || agentId.length() > 256) {
            throw new IllegalArgumentException("agentId must be 1 to 256 characters and not blank, was \"" + agentId + "\"");
        }
        this.agentId = agentId;
        return this;
    }

    /** Records waiting to be sent (default 8,192); when full, new ones are dropped and counted. */
    public SextantBuilder queueCapacity(int queueCapacity) {
        this.queueCapacity = range("queueCapacity", queueCapacity, 1, 10_000_000);
        return this;
    }

    /** Records per POST (default 512, at most the server's 50,000). */
    public SextantBuilder maxBatchSize(int maxBatchSize) {
        this.maxBatchSize = range("maxBatchSize", maxBatchSize, 1, MAX_BATCH);
        return this;
    }

    /** How long a record may wait for a batch to fill (default 1 s). */
    public SextantBuilder flushInterval(Duration flushInterval) {
        this.flushInterval = positive("flushInterval", flushInterval);
        return this;
    }

    /** Connect and answer timeout of one POST (default 10 s). */
    public SextantBuilder requestTimeout(Duration requestTimeout) {
        this.requestTimeout = positive("requestTimeout", requestTimeout);
        return this;
    }

    /** POSTs per batch, the first included, before it is counted as failed (default 8). */
    public SextantBuilder maxAttempts(int maxAttempts) {
        this.maxAttempts = range("maxAttempts", maxAttempts, 1, 1_000);
        return this;
    }

    /** First and longest wait between attempts (defaults 500 ms and 30 s); doubled each time, with jitter, at least Retry-After. */
    public SextantBuilder retryBackoff(Duration initial, Duration max) {
        Duration first = positive("retryBackoff initial", initial);
        Duration longest = positive("retryBackoff max", max);
        if (longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("retryBackoff max (" + longest + ") must not be shorter than initial ("
                    + first + ")");
        }
        this.initialBackoff = first;
        this.maxBackoff = longest;
        return this;
    }

    /** How long {@link Sextant#close()} waits for queued records to be sent (default 10 s). */
    public SextantBuilder closeTimeout(Duration closeTimeout) {
        this.closeTimeout = positive("closeTimeout", closeTimeout);
        return this;
    }

    /** Closes the client (sending what is queued) when the JVM shuts down. Off by default. */
    public SextantBuilder closeOnShutdown(boolean closeOnShutdown) {
        this.closeOnShutdown = closeOnShutdown;
        return this;
    }

    /**
     * How long an experiment's definition is used before it is revalidated with its ETag
     * (default 60 s): a stopped experiment reaches agents within this time.
     */
    public SextantBuilder experimentCacheTtl(Duration experimentCacheTtl) {
        this.experimentCacheTtl = positive("experimentCacheTtl", experimentCacheTtl);
        return this;
    }

    /**
     * How long {@link Sextant#configuration} serves a configuration without asking the server
     * (default 30 s); after it, the server is asked with the known ETag. Zero asks every time.
     */
    public SextantBuilder configurationTtl(Duration configurationTtl) {
        Objects.requireNonNull(configurationTtl, "configurationTtl must not be null");
        if (configurationTtl.isNegative()) {
            throw new IllegalArgumentException("configurationTtl must not be negative, was " + configurationTtl);
        }
        this.configurationTtl = configurationTtl;
        return this;
    }

    public Sextant build() {
        if (endpoint == null) {
            throw new IllegalStateException("endpoint is not set: call endpoint(\"http://localhost:7070\")");
        }
        if (apiKey == null) {
            throw new IllegalStateException("apiKey is not set: call apiKey(...) with a key that has the ingest:write scope");
        }
        String base = endpoint.toString().replaceAll("/+$", "");
        ExportSettings settings = new ExportSettings(URI.create(base + "/api/v1/ingest"), apiKey, queueCapacity,
                maxBatchSize, flushInterval, requestTimeout, maxAttempts, initialBackoff, maxBackoff);
        return new Sextant(settings, agentId, closeTimeout, closeOnShutdown, experimentCacheTtl, configurationTtl);
    }

    private static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
