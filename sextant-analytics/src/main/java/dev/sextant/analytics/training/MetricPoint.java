package dev.sextant.analytics.training;

import java.util.Objects;

/** One logged metric value of a run: the optimizer step, the (possibly fractional) epoch, its name and value. */
public record MetricPoint(long step, double epoch, String name, double value) {

    public static final String TRAINING_LOSS = "train_loss";
    public static final String VALIDATION_LOSS = "val_loss";
    public static final String GRADIENT_NORM = "grad_norm";

    public MetricPoint {
        Objects.requireNonNull(name, "name");
    }
}
