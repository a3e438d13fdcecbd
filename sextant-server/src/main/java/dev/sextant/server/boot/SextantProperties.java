package dev.sextant.server.boot;

import dev.sextant.ingest.IngestSettings;
import dev.sextant.server.access.KeySecret;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code sextant.*} setting (environment variables bind by Spring's relaxed rules:
 * {@code SEXTANT_DB_URL} is {@code sextant.db.url}). Documented in docs/CONFIGURATION.md.
 * Values are checked here, so a bad one stops the start with a message naming it.
 */
@ConfigurationProperties("sextant")
public record SextantProperties(
        @DefaultValue("./.sextant") Path dataDir,
        String bootstrapKey,
        @DefaultValue("false") boolean demo,
        @DefaultValue Db db,
        @DefaultValue Ingest ingest,
        String bootstrapAdminEmail,
        String bootstrapAdminPassword,
        @DefaultValue Sessions sessions) {

    public SextantProperties {
        if (bootstrapKey != null && !bootstrapKey.isBlank()) {
            try {
                new KeySecret(bootstrapKey);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("SEXTANT_BOOTSTRAP_KEY (sextant.bootstrap-key) is not usable: "
                        + e.getMessage() + ". Unset it to have a key generated, or fix it.");
            }
        } else {
            bootstrapKey = null;
        }
        bootstrapAdminEmail = bootstrapAdminEmail == null || bootstrapAdminEmail.isBlank() ? null : bootstrapAdminEmail.strip();
        bootstrapAdminPassword = bootstrapAdminPassword == null || bootstrapAdminPassword.isEmpty() ? null : bootstrapAdminPassword;
    }

    /**
     * Dashboard login sessions: idle and absolute lifetime; login throttling (at most
     * {@code loginMaxFailures} wrong passwords per email, {@code loginMaxFailuresPerIp} per client
     * address, within {@code loginWindow}); and how often expired sessions are purged, in batches
     * of {@code purgeBatchSize}.
     */
    public record Sessions(
            @DefaultValue("12h") Duration idleTimeout,
            @DefaultValue("7d") Duration absoluteTimeout,
            @DefaultValue("10") int loginMaxFailures,
            @DefaultValue("100") int loginMaxFailuresPerIp,
            @DefaultValue("15m") Duration loginWindow,
            @DefaultValue("1h") Duration purgeInterval,
            @DefaultValue("1000") int purgeBatchSize) {
        public Sessions {
            positive("idle-timeout", idleTimeout);
            positive("absolute-timeout", absoluteTimeout);
            positive("login-window", loginWindow);
            positive("purge-interval", purgeInterval);
            if (loginMaxFailures < 1) {
                throw new IllegalArgumentException("sextant.sessions.login-max-failures must be 1 or more, was " + loginMaxFailures);
            }
            if (loginMaxFailuresPerIp < 1) {
                throw new IllegalArgumentException(
                        "sextant.sessions.login-max-failures-per-ip must be 1 or more, was " + loginMaxFailuresPerIp);
            }
            if (purgeBatchSize < 1 || purgeBatchSize > 100_000) {
                throw new IllegalArgumentException(
                        "sextant.sessions.purge-batch-size must be between 1 and 100000, was " + purgeBatchSize);
            }
        }

        private static void positive(String name, Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("sextant.sessions." + name + " must be positive, was " + value);
            }
        }
    }

    @Override
    public String toString() {
        return "SextantProperties[dataDir=" + dataDir + ", bootstrapKey=" + (bootstrapKey == null ? "unset" : "(set)")
                + ", demo=" + demo + ", db.url=" + db.url() + ", bootstrapAdminEmail=" + bootstrapAdminEmail
                + ", bootstrapAdminPassword=" + (bootstrapAdminPassword == null ? "unset" : "(set)") + ", sessions=" + sessions + "]";
    }

    /** The DuckDB file used when no database URL is set. */
    public Path duckDbFile() {
        return dataDir.resolve("sextant.duckdb");
    }

    /** {@code url} null means the embedded DuckDB file under {@code dataDir}. */
    public record Db(String url, String user, String password, @DefaultValue("public") String schema) {
        public Db {
            if (url != null && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:duckdb:")) {
                throw new IllegalArgumentException("SEXTANT_DB_URL (sextant.db.url) must start with jdbc:postgresql: "
                        + "or jdbc:duckdb:, was " + url);
            }
        }

        boolean postgres() {
            return url != null && url.startsWith("jdbc:postgresql:");
        }
    }

    public record Ingest(
            @DefaultValue("33554432") long maxBodyBytes,
            @DefaultValue("50000") int maxItemsPerBatch,
            @DefaultValue("200000") int queueCapacity,
            @DefaultValue("20000") int maxItemsPerCommit,
            @DefaultValue("30s") Duration commitTimeout) {

        public Ingest {
            positive("sextant.ingest.max-body-bytes", maxBodyBytes);
            positive("sextant.ingest.max-items-per-batch", maxItemsPerBatch);
            positive("sextant.ingest.queue-capacity", queueCapacity);
            positive("sextant.ingest.max-items-per-commit", maxItemsPerCommit);
            if (commitTimeout.isNegative() || commitTimeout.isZero()) {
                throw new IllegalArgumentException("sextant.ingest.commit-timeout must be positive, was " + commitTimeout);
            }
        }

        public IngestSettings settings() {
            return new IngestSettings(maxBodyBytes, maxItemsPerBatch, queueCapacity, maxItemsPerCommit, commitTimeout);
        }

        private static void positive(String name, long value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
        }
    }
}
