package dev.sextant.analytics.models;

import dev.sextant.store.models.ModelEvaluation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Benchmark results of one version against another's. Each side's result on a benchmark is its
 * latest evaluation there (latest {@code evaluated_at}, then the larger id); benchmarks only one
 * side ran are left out. Per shared benchmark: the difference (candidate minus baseline) of every
 * metric both results have, and of the primary metric: the candidate's primary when the baseline
 * has that metric too (null otherwise). {@code primaryDelta} is the mean of those primary
 * differences over the shared benchmarks that have one; null when none has.
 */
public record BenchmarkDeltas(List<Benchmark> benchmarks, Double primaryDelta) {

    public BenchmarkDeltas {
        benchmarks = List.copyOf(benchmarks);
    }

    /** One shared benchmark: the primary metric's name and values (null when not shared) and every shared metric's delta. */
    public record Benchmark(String benchmark, String primaryMetric, Double candidate, Double baseline, Double delta,
            SortedMap<String, Double> metricDeltas) {
        public Benchmark {
            metricDeltas = new TreeMap<>(metricDeltas);
        }
    }

    public static BenchmarkDeltas of(List<ModelEvaluation> candidate, List<ModelEvaluation> baseline) {
        Map<String, ModelEvaluation> mine = latest(candidate);
        Map<String, ModelEvaluation> theirs = latest(baseline);
        List<Benchmark> shared = new ArrayList<>();
        double sum = 0;
        int counted = 0;
        for (Map.Entry<String, ModelEvaluation> e : mine.entrySet()) {
            ModelEvaluation b = theirs.get(e.getKey());
            if (b == null) {
                continue;
            }
            ModelEvaluation c = e.getValue();
            SortedMap<String, Double> deltas = new TreeMap<>();
            c.metrics().forEach((name, value) -> {
                if (b.metrics().containsKey(name)) {
                    deltas.put(name, value - b.metrics().get(name));
                }
            });
            String primary = c.primaryMetric();
            Double delta = deltas.get(primary);
            if (delta != null) {
                sum += delta;
                counted++;
            }
            shared.add(new Benchmark(e.getKey(), primary, c.primaryValue(), b.metrics().get(primary), delta, deltas));
        }
        return new BenchmarkDeltas(shared, counted == 0 ? null : sum / counted);
    }

    /** Each benchmark's latest evaluation, benchmarks in name order. */
    static Map<String, ModelEvaluation> latest(List<ModelEvaluation> evaluations) {
        Map<String, ModelEvaluation> latest = new TreeMap<>();
        Comparator<ModelEvaluation> order = Comparator.comparing(ModelEvaluation::evaluatedAt)
                .thenComparing(ModelEvaluation::id);
        for (ModelEvaluation e : evaluations) {
            latest.merge(e.benchmark(), e, (a, b) -> order.compare(a, b) >= 0 ? a : b);
        }
        return new LinkedHashMap<>(latest);
    }

    /** The mean of the primary values of each benchmark's latest evaluation; null without evaluations. */
    public static Double primaryAccuracy(List<ModelEvaluation> evaluations) {
        Map<String, ModelEvaluation> latest = latest(evaluations);
        return latest.isEmpty() ? null
                : latest.values().stream().mapToDouble(ModelEvaluation::primaryValue).average().orElseThrow();
    }
}
