package dev.sextant.store.hpo;

import java.time.Instant;
import java.util.Objects;

/** A stored study: its id, what it says, when it was created and how many trials it has. */
public record HpoStudy(String id, HpoStudySpec spec, Instant createdAt, long trialCount) {
    public HpoStudy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
