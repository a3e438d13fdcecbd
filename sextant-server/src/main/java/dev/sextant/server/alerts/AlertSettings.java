package dev.sextant.server.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sextant.alerts.*} (documented in docs/CONFIGURATION.md): how often enabled rules are
 * evaluated, and how webhook deliveries are attempted — each attempt waits at most
 * {@code webhookTimeout}; a 5xx, 408, 429 or no answer is retried after {@code retryBackoff},
 * doubling each time, until {@code maxAttempts} attempts were made.
 */
@ConfigurationProperties("sextant.alerts")
record AlertSettings(
        @DefaultValue("1m") Duration evaluationInterval,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("2s") Duration retryBackoff,
        @DefaultValue("10s") Duration webhookTimeout) {

    AlertSettings {
        positive("sextant.alerts.evaluation-interval", evaluationInterval);
        positive("sextant.alerts.retry-backoff", retryBackoff);
        positive("sextant.alerts.webhook-timeout", webhookTimeout);
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("sextant.alerts.max-attempts must be between 1 and 20, was " + maxAttempts);
        }
    }

    private static void positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
