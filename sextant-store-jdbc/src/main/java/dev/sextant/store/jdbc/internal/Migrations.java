package dev.sextant.store.jdbc.internal;

import dev.sextant.store.StoreException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The schema, by Flyway: versioned SQL under {@code db/migration}, one text for both dialects,
 * plus a dialect's own versions (see {@link Dialect#migrationLocations()}).
 */
final class Migrations {
    private Migrations() {}

    static void migrate(Database database) {
        FluentConfiguration config = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(database.readers())
                .locations(database.dialect().migrationLocations())
                .placeholders(database.dialect().placeholders())
                .failOnMissingLocations(true);
        if (database.schema() != null) {
            config.schemas(database.schema()).createSchemas(true);
        }
        try {
            config.load().migrate();
        } catch (FlywayException e) {
            throw new StoreException("migrating the " + database.dialect() + " schema failed: " + e.getMessage(), e);
        }
    }
}
