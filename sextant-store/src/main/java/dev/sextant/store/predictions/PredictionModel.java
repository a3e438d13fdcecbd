package dev.sextant.store.predictions;

import java.time.Instant;
import java.util.Objects;

/**
 * One trained (or refused) model of a target: its version (1, 2, ... per workspace and target,
 * assigned when saved), status ({@code offered}, {@code not_offered} or
 * {@code insufficient_data}) and why, the held-out quality as a JSON object, and the
 * serialized model (null when no model was kept, e.g. too little data).
 */
public record PredictionModel(PredictionTarget target, int version, Instant trainedAt, String status, String reason,
        String qualityJson, byte[] model) {
    public PredictionModel {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(trainedAt, "trainedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(qualityJson, "qualityJson");
    }

    public boolean offered() {
        return "offered".equals(status);
    }
}
