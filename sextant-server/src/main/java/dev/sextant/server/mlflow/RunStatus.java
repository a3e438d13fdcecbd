package dev.sextant.server.mlflow;

import dev.sextant.store.training.TrainingRunStatus;
import java.util.Arrays;

/** MLflow's run statuses and Sextant's: FINISHED is completed, KILLED is stopped, SCHEDULED is running. */
enum RunStatus {
    RUNNING, SCHEDULED, FINISHED, FAILED, KILLED;

    static RunStatus of(TrainingRunStatus status) {
        return switch (status) {
            case RUNNING -> RUNNING;
            case COMPLETED -> FINISHED;
            case FAILED -> FAILED;
            case STOPPED -> KILLED;
        };
    }

    TrainingRunStatus training() {
        return switch (this) {
            case RUNNING, SCHEDULED -> TrainingRunStatus.RUNNING;
            case FINISHED -> TrainingRunStatus.COMPLETED;
            case FAILED -> TrainingRunStatus.FAILED;
            case KILLED -> TrainingRunStatus.STOPPED;
        };
    }

    static RunStatus parse(String field, String text) {
        return Arrays.stream(values()).filter(s -> s.name().equals(text)).findFirst()
                .orElseThrow(() -> MlflowException.invalid("Invalid value for parameter '" + field + "': must be one of"
                        + " RUNNING, SCHEDULED, FINISHED, FAILED, KILLED, was '" + Keys.shorten(text) + "'"));
    }
}
