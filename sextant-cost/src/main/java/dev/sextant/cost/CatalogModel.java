package dev.sextant.cost;

import dev.sextant.model.ModelPrice;
import java.util.List;

/**
 * One model of the shipped catalog as written in the resource: its name, provider, match
 * pattern, where its figures come from, and its prices flattened one per period and tier.
 */
public record CatalogModel(String model, String provider, String matchPattern, String source, List<ModelPrice> prices) {

    public CatalogModel {
        prices = List.copyOf(prices);
    }
}
