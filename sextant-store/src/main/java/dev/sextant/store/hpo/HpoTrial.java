package dev.sextant.store.hpo;

import java.time.Instant;
import java.util.Objects;

/** A stored trial: its id, its number in the study (1, 2, ... in the order trials arrived), what it says, when. */
public record HpoTrial(String id, long number, HpoTrialSpec spec, Instant createdAt) {
    public HpoTrial {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
