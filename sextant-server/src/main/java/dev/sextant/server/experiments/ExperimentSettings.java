package dev.sextant.server.experiments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sextant.experiments.*} (documented in docs/CONFIGURATION.md): how often the running
 * experiments with {@code auto_conclude} are judged, and whether that happens at all.
 */
@ConfigurationProperties("sextant.experiments")
record ExperimentSettings(@DefaultValue("true") boolean autoConclude, @DefaultValue("1h") Duration autoConcludeInterval) {

    ExperimentSettings {
        if (autoConcludeInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("sextant.experiments.auto-conclude-interval must be at least 1s, was "
                    + autoConcludeInterval);
        }
    }
}
