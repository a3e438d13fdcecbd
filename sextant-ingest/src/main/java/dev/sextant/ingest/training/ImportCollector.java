package dev.sextant.ingest.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the readers find, gathered in one place: points go to the sink in batches (so a long log
 * never sits in one list), problems are kept up to the limit and all counted, and the run's
 * facts are filled in as they appear.
 */
final class ImportCollector {
    private final ImportLimits limits;
    private final int batchSize;
    private final Consumer<List<ImportedPoint>> sink;
    private List<ImportedPoint> batch;
    private final Set<String> names = new HashSet<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private long problemCount;
    private long pointCount;
    private Long maxStep;
    private Double maxEpoch;

    final Map<String, Object> hyperparameters = new LinkedHashMap<>();
    final Map<String, Double> summary = new LinkedHashMap<>();
    Long totalSteps;
    Long lastStep;
    Double epochs;
    Double lastEpoch;
    Double bestMetric;
    String bestModelCheckpoint;
    Long bestStep;

    ImportCollector(ImportLimits limits, int batchSize, Consumer<List<ImportedPoint>> sink) {
        this.limits = limits;
        this.batchSize = batchSize;
        this.sink = sink;
        this.batch = new ArrayList<>(Math.min(batchSize, 4096));
    }

    ImportLimits limits() {
        return limits;
    }

    void problem(ImportProblem problem) {
        problemCount++;
        if (problems.size() < limits.maxProblems()) {
            problems.add(problem);
        }
    }

    /**
     * Adds a point whose step and epoch are already valid; the name is checked here (a bad name
     * or one name too many is reported at {@code line}/{@code pointer} and the point skipped).
     */
    void point(Long line, String pointer, long step, Double epoch, String name, double value, Instant timestamp) {
        if (!names.contains(name)) {
            String invalid = MetricNames.invalid(name);
            if (invalid != null) {
                problem(ImportProblem.at(line, pointer, invalid));
                return;
            }
            if (names.size() >= limits.maxMetricNames()) {
                problem(ImportProblem.at(line, pointer, "metric '" + MetricNames.printable(name)
                        + "' is one name too many: a run may have " + limits.maxMetricNames() + " metric names"));
                return;
            }
            names.add(name);
        }
        batch.add(new ImportedPoint(step, epoch, name, value, timestamp));
        pointCount++;
        maxStep = maxStep == null ? step : Math.max(maxStep, step);
        if (epoch != null) {
            maxEpoch = maxEpoch == null ? epoch : Math.max(maxEpoch, epoch);
        }
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    long pointCount() {
        return pointCount;
    }

    long problemCount() {
        return problemCount;
    }

    ImportProblem firstProblem() {
        return problems.isEmpty() ? null : problems.get(0);
    }

    void flush() {
        if (!batch.isEmpty()) {
            List<ImportedPoint> full = batch;
            batch = new ArrayList<>(Math.min(batchSize, 4096));
            sink.accept(Collections.unmodifiableList(full));
        }
    }

    ImportedRun finish(ImportFormat format, List<ImportedPoint> collected) {
        flush();
        return new ImportedRun(format, hyperparameters, totalSteps,
                lastStep != null ? lastStep : maxStep, epochs, lastEpoch != null ? lastEpoch : maxEpoch,
                bestMetric, bestModelCheckpoint, bestStep, summary, names.stream().sorted().toList(),
                pointCount, collected, problems, problemCount);
    }
}
