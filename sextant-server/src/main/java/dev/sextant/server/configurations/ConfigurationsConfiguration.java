package dev.sextant.server.configurations;

import dev.sextant.store.SextantStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the configuration feature: the content schema (loaded once) and the change workflow. */
@Configuration(proxyBeanMethods = false)
class ConfigurationsConfiguration {

    @Bean
    ConfigurationChanges configurationChanges(SextantStore store) {
        return new ConfigurationChanges(store.configurations(), new ContentSchema());
    }
}
