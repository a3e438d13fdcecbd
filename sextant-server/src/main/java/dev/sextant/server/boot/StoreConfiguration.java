package dev.sextant.server.boot;

import dev.sextant.cost.CatalogCostAccountant;
import dev.sextant.cost.CostRecalculator;
import dev.sextant.cost.PriceCatalog;
import dev.sextant.ingest.IngestService;
import dev.sextant.server.cache.DataVersions;
import dev.sextant.server.cache.VersionedCostStore;
import dev.sextant.server.cache.VersionedTrackingWriter;
import dev.sextant.store.ApiKeyStore;
import dev.sextant.store.InteractionReader;
import dev.sextant.store.PriceStore;
import dev.sextant.store.SessionReader;
import dev.sextant.store.SextantStore;
import dev.sextant.store.UserStore;
import dev.sextant.store.WorkspaceStore;
import dev.sextant.store.jdbc.JdbcStores;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the plain-Java libraries (store, cost, ingest). The schema is migrated by
 * {@link StartupSequence} after the port is open, so /health can say 503 meanwhile.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SextantProperties.class)
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    SextantStore sextantStore(SextantProperties properties) {
        SextantProperties.Db db = properties.db();
        if (db.url() == null) {
            return JdbcStores.duckdb(properties.duckDbFile());
        }
        if (db.postgres()) {
            return JdbcStores.postgres(db.url(), db.user(), db.password(), db.schema());
        }
        return JdbcStores.fromUrl(db.url(), db.user(), db.password());
    }

    @Bean
    WorkspaceStore workspaceStore(SextantStore store) {
        return store.workspaces();
    }

    @Bean
    ApiKeyStore apiKeyStore(SextantStore store) {
        return store.apiKeys();
    }

    @Bean
    UserStore userStore(SextantStore store) {
        return store.users();
    }

    @Bean
    InteractionReader interactionReader(SextantStore store) {
        return store.interactions();
    }

    @Bean
    SessionReader sessionReader(SextantStore store) {
        return store.sessions();
    }

    @Bean
    PriceStore priceStore(SextantStore store) {
        return store.prices();
    }

    @Bean
    PriceCatalog priceCatalog() {
        return PriceCatalog.shipped();
    }

    @Bean
    CatalogCostAccountant costAccountant(PriceCatalog catalog, PriceStore prices) {
        return new CatalogCostAccountant(catalog, prices);
    }

    @Bean
    CostRecalculator costRecalculator(SextantStore store, CatalogCostAccountant accountant, DataVersions versions) {
        return new CostRecalculator(new VersionedCostStore(store.costs(), versions), accountant);
    }

    @Bean(destroyMethod = "close")
    IngestService ingestService(SextantStore store, CatalogCostAccountant accountant, SextantProperties properties,
            DataVersions versions, dev.sextant.ingest.masking.IngestMasking masking) {
        return new IngestService(new VersionedTrackingWriter(store.tracking(), versions), accountant,
                properties.ingest().settings(), masking);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
