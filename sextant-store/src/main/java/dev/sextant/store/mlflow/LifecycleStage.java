package dev.sextant.store.mlflow;

import java.util.Arrays;
import java.util.Locale;

/** MLflow's lifecycle of an experiment or run: active until deleted. */
public enum LifecycleStage {
    ACTIVE, DELETED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static LifecycleStage fromWire(String text) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("lifecycle_stage must be active or deleted, was '" + text + "'"));
    }
}
