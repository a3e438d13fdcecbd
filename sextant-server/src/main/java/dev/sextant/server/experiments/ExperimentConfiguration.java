package dev.sextant.server.experiments;

import dev.sextant.store.SextantStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExperimentSettings.class)
class ExperimentConfiguration {

    /** A variant's configuration version must be one of the workspace's stored configuration versions. */
    @Bean
    ConfigurationVersions configurationVersions(SextantStore store) {
        return new StoredConfigurationVersions(store.configurations());
    }
}
