package dev.sextant.ingest.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one training log held. Fields the file does not carry are null (or empty).
 *
 * @param format the format read
 * @param hyperparameters arguments found in the file, in file order, as plain JSON values
 *     (String, Boolean, Integer/Long/Double, null, List, Map): HF {@code trial_params} and the
 *     TrainingArguments the state records ({@code train_batch_size}, {@code num_train_epochs},
 *     {@code max_steps}, {@code logging_steps}, {@code eval_steps}, {@code save_steps}); JSON Lines
 *     {@code {"hyperparameters": {...}}} lines
 * @param totalSteps the planned number of optimizer steps (HF {@code max_steps} when above 0)
 * @param lastStep the last step reached (HF {@code global_step}, else the largest step read)
 * @param epochs the planned number of epochs (HF {@code num_train_epochs})
 * @param lastEpoch the epoch reached (HF {@code epoch}, else the largest epoch read)
 * @param bestMetric the best value of the metric the run tracked (HF {@code best_metric})
 * @param bestModelCheckpoint the checkpoint of that value (HF {@code best_model_checkpoint})
 * @param bestStep the step of that value (HF {@code best_global_step}, else the number of a
 *     {@code checkpoint-N} directory name)
 * @param summary whole-run figures that are not curve points: HF's final {@code train()} entry
 *     ({@code train_runtime}, {@code train_samples_per_second}, {@code train_steps_per_second},
 *     {@code total_flos}, its average training loss as {@code mean_train_loss}) and the state's
 *     {@code total_flos} and {@code num_input_tokens_seen}
 * @param metricNames the distinct (canonical) metric names of the points, sorted
 * @param pointCount how many points were read (and handed to the sink, when streaming)
 * @param points the points in file order when collected by {@link TrainingLogImporter#read}; empty
 *     when they were handed to a sink by {@link TrainingLogImporter#stream}
 * @param problems the first {@link ImportLimits#maxProblems()} skipped parts, in file order
 * @param problemCount how many parts were skipped in all
 */
public record ImportedRun(
        ImportFormat format,
        Map<String, Object> hyperparameters,
        Long totalSteps,
        Long lastStep,
        Double epochs,
        Double lastEpoch,
        Double bestMetric,
        String bestModelCheckpoint,
        Long bestStep,
        Map<String, Double> summary,
        List<String> metricNames,
        long pointCount,
        List<ImportedPoint> points,
        List<ImportProblem> problems,
        long problemCount) {

    public ImportedRun {
        Objects.requireNonNull(format, "format");
        // JSON null is a legitimate hyperparameter value, so no Map.copyOf here.
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
        metricNames = List.copyOf(metricNames);
        points = Collections.unmodifiableList(points);
        problems = List.copyOf(problems);
    }
}
