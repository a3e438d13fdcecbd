package dev.sextant.cost;

import dev.sextant.model.ModelPrice;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The versioned price catalog shipped in the jar ({@value #SHIPPED_RESOURCE}): list prices per
 * model, with validity periods and context-length tiers, in USD per 1M tokens. Loading
 * validates every entry and fails with a message that names the entry and the rule it breaks.
 */
public final class PriceCatalog {

    public static final String SHIPPED_RESOURCE = "sextant/prices/catalog.json";

    private final String version;
    private final LocalDate published;
    private final List<CatalogModel> models;
    private final List<ModelPrice> entries;
    private final PriceTable table;

    PriceCatalog(String version, LocalDate published, List<CatalogModel> models) {
        this.version = Objects.requireNonNull(version, "version");
        this.published = Objects.requireNonNull(published, "published");
        this.models = List.copyOf(models);
        this.entries = this.models.stream().flatMap(m -> m.prices().stream()).toList();
        this.table = PriceTable.of(entries);
    }

    /** The catalog resource shipped in this jar, read and validated once. */
    public static PriceCatalog shipped() {
        return Shipped.CATALOG;
    }

    /** Reads and validates a catalog from a classpath resource (tests, custom catalogs). */
    public static PriceCatalog fromResource(String resource) {
        try (InputStream in = PriceCatalog.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidPriceCatalogException("price catalog " + resource + " is not on the classpath");
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new InvalidPriceCatalogException("price catalog " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads and validates a catalog; {@code name} only appears in error messages. */
    public static PriceCatalog read(InputStream json, String name) {
        return CatalogReader.read(json, name);
    }

    public String version() {
        return version;
    }

    public LocalDate published() {
        return published;
    }

    /** Every price, flattened one per model, period and tier. */
    public List<ModelPrice> entries() {
        return entries;
    }

    /** The models as written in the catalog, with their sources. */
    public List<CatalogModel> models() {
        return models;
    }

    /**
     * The price for a call of {@code model} on {@code day} whose prompt (input tokens, cached
     * ones included) has {@code promptTokens} tokens; empty when no entry knows the model on
     * that day.
     */
    public Optional<ModelPrice> find(String model, LocalDate day, long promptTokens) {
        return table.find(model, Objects.requireNonNull(day, "day"), promptTokens);
    }

    private static final class Shipped {
        static final PriceCatalog CATALOG = fromResource(SHIPPED_RESOURCE);
    }
}
