package dev.sextant.server.mlflow;

import dev.sextant.store.mlflow.LifecycleStage;
import java.util.Arrays;

/** Which lifecycle a search covers; ACTIVE_ONLY unless asked. */
enum ViewType {
    ACTIVE_ONLY, DELETED_ONLY, ALL;

    boolean includes(LifecycleStage stage) {
        return this == ALL || (this == ACTIVE_ONLY) == (stage == LifecycleStage.ACTIVE);
    }

    static ViewType parse(String field, String text) {
        if (text == null || text.isEmpty()) {
            return ACTIVE_ONLY;
        }
        return Arrays.stream(values()).filter(v -> v.name().equals(text)).findFirst()
                .orElseThrow(() -> MlflowException.invalid("Invalid value for parameter '" + field + "': must be one of"
                        + " ACTIVE_ONLY, DELETED_ONLY, ALL, was '" + Keys.shorten(text) + "'"));
    }
}
