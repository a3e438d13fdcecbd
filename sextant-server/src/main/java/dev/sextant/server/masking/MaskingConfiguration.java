package dev.sextant.server.masking;

import dev.sextant.ingest.masking.IngestMasking;
import dev.sextant.store.SextantStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The masking that the ingest path applies to every batch (see {@link IngestMasking}). */
@Configuration(proxyBeanMethods = false)
class MaskingConfiguration {

    @Bean
    IngestMasking ingestMasking(SextantStore store, Clock clock) {
        return IngestMasking.using(store.masking(), clock);
    }
}
