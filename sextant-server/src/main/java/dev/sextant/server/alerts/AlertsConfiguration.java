package dev.sextant.server.alerts;

import dev.sextant.analytics.AlertEvaluator;
import dev.sextant.analytics.AnomalySettings;
import dev.sextant.store.SextantStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires alert evaluation (a plain-Java library) to the store. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertSettings.class)
class AlertsConfiguration {

    @Bean
    AlertEvaluator alertEvaluator(SextantStore store) {
        return new AlertEvaluator(store.metricWindows(), AnomalySettings.DEFAULTS);
    }
}
