package dev.sextant.store.predictions;

import dev.sextant.model.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** Training rows drawn from the workspace's own traces, spans and scores, and the models trained on them. */
public interface PredictionStore {
    /** Largest number of rows {@link #trainingRows} returns. */
    int MAX_ROWS = 200_000;

    /**
     * The newest {@code limit} (1 to {@link #MAX_ROWS}) labelled rows of the target, oldest
     * first (ties by id), from non-placeholder traces with a start time.
     */
    List<TrainingRow> trainingRows(WorkspaceId workspace, PredictionTarget target, int limit);

    /** Keeps the model as the target's next version and answers it with that version. */
    PredictionModel save(WorkspaceId workspace, PredictionModel model);

    /** The target's newest version. */
    Optional<PredictionModel> latest(WorkspaceId workspace, PredictionTarget target);

    /** The newest version of every target that has one, in target order. */
    List<PredictionModel> latest(WorkspaceId workspace);

    /**
     * The target's newest version without its serialized model ({@code model} null): cheap, for
     * checking on every prediction that a loaded model is still the newest and still offered
     * (erasure withdraws a model in place, at the same version).
     */
    Optional<PredictionModel> latestSummary(WorkspaceId workspace, PredictionTarget target);
}
