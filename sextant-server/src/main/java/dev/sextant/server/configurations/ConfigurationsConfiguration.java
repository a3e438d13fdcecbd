package dev.sextant.server.configurations;

import dev.sextant.store.SextantStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the configuration feature: the content schema (loaded once), the change workflow, and
 * the SDK versions seen in requests (in memory) that compatibility answers are checked against.
 */
@Configuration(proxyBeanMethods = false)
class ConfigurationsConfiguration {

    @Bean
    SeenSdkVersions seenSdkVersions(Clock clock) {
        return new SeenSdkVersions(clock);
    }

    @Bean
    SdkCompatibility sdkCompatibility(SeenSdkVersions seen) {
        return new SdkCompatibility(seen);
    }

    @Bean
    SdkSightings sdkSightings(SeenSdkVersions seen) {
        return new SdkSightings(seen);
    }

    @Bean
    ConfigurationChanges configurationChanges(SextantStore store, SdkCompatibility compatibility) {
        return new ConfigurationChanges(store.configurations(), new ContentSchema(), compatibility);
    }
}
