package dev.sextant.sdk.internal;

import java.util.List;

/** What the SDK needs of an experiment: its status, winner and variants in their order. */
public record ExperimentDefinition(String id, String status, String winner, List<Variant> variants) {
    public record Variant(String id, String configurationVersion, int allocation, boolean control) {}

    public ExperimentDefinition {
        variants = List.copyOf(variants);
    }

    public Variant control() {
        return variants.stream().filter(Variant::control).findFirst().orElse(variants.isEmpty() ? null : variants.get(0));
    }

    public Variant variant(String variantId) {
        return variants.stream().filter(v -> v.id().equals(variantId)).findFirst().orElse(null);
    }
}
