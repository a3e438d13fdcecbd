package dev.sextant.server.experiments;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExperimentConfiguration {

    /**
     * SEAM: accepts any well-formed configuration version id. When the configurations store
     * exists, replace this bean with one that looks the version up in the caller's workspace.
     */
    @Bean
    ConfigurationVersions configurationVersions() {
        return new WellFormedConfigurationVersions();
    }
}
