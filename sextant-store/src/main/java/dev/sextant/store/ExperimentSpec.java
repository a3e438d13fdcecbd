package dev.sextant.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an experiment says, as its owner wrote it: the variants with their traffic share in whole
 * percent (one of them the control), the metrics it is judged by (primary first), the guardrails
 * that must not get worse, and the statistical settings. The server validates a posted body
 * fully; this record only keeps the invariants every stored experiment has.
 */
public record ExperimentSpec(String name, String hypothesis, String agentId, ExperimentUnitKind unit, List<Variant> variants,
        List<String> successMetrics, List<String> guardrails, Long minimumSampleSize, Double minimumDetectableEffect,
        Double baseline, double alpha, double power, ExperimentCorrection correction, boolean autoConclude, Instant startsAt,
        Instant endsAt) {

    /** One arm: its id, name, the configuration version it runs, its share of traffic and whether it is the control. */
    public record Variant(String id, String name, String configurationVersion, int allocation, boolean control) {
        public Variant {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(configurationVersion, "configurationVersion");
        }
    }

    public ExperimentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(correction, "correction");
        variants = List.copyOf(variants);
        successMetrics = List.copyOf(successMetrics);
        guardrails = List.copyOf(guardrails);
        if (variants.stream().filter(Variant::control).count() != 1) {
            throw new IllegalArgumentException("exactly one variant must be the control");
        }
        if (variants.stream().mapToInt(Variant::allocation).sum() != 100) {
            throw new IllegalArgumentException("the allocations must sum to 100");
        }
    }

    /** The control variant. */
    public Variant control() {
        return variants.stream().filter(Variant::control).findFirst().orElseThrow();
    }
}
