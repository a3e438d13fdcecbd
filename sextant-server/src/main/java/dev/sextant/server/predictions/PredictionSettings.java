package dev.sextant.server.predictions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sextant.predictions.*} (docs/CONFIGURATION.md): how often each workspace's models are
 * retrained (skipped while its data did not change), how many of the newest rows a training reads
 * per target, and the seed of the learners (the same data trains the same model).
 */
@ConfigurationProperties("sextant.predictions")
record PredictionSettings(
        @DefaultValue("24h") Duration retrainInterval,
        @DefaultValue("200000") int maxRows,
        @DefaultValue("20261123") long seed) {

    PredictionSettings {
        if (retrainInterval == null || retrainInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("sextant.predictions.retrain-interval must be at least 1s, was "
                    + retrainInterval);
        }
        if (maxRows < 1 || maxRows > dev.sextant.store.predictions.PredictionStore.MAX_ROWS) {
            throw new IllegalArgumentException("sextant.predictions.max-rows must be between 1 and "
                    + dev.sextant.store.predictions.PredictionStore.MAX_ROWS + ", was " + maxRows);
        }
    }
}
