package dev.sextant.analytics.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Training efficiency of a set of runs (issue 7 item 7).
 *
 * <ul>
 *   <li><b>Improvement</b> of a run: its first finite validation loss minus its best; the unit of
 *       progress every rate below counts.
 *   <li><b>Compute efficiency</b>: improvement per GPU hour and tokens processed per GPU hour;
 *       <b>cost efficiency</b>: improvement per dollar. Per run, and pooled over the runs (total
 *       improvement over total GPU hours of the runs that have both, so a big run weighs more).
 *   <li><b>Over-trained runs</b>: {@link OvertrainingWaste} (best validation loss before 70% of
 *       the last epoch) with the wasted epochs, GPU hours and cost.
 *   <li><b>Batch sizes and epoch counts that wasted resources</b>: {@link GroupComparison}.
 *   <li><b>Potential savings</b>: the over-trained runs' wasted GPU hours and cost, summed.
 * </ul>
 * Totals (GPU hours, cost, tokens) add what was reported, skipping unknown values.
 */
public final class TrainingEfficiency {
    private TrainingEfficiency() {}

    public static EfficiencyReport analyze(List<EfficiencyRun> input) {
        List<RunEfficiency> runs = input.stream().map(RunEfficiency::of).toList();
        double gpu = 0;
        double cost = 0;
        double tokens = 0;
        double improvementWithGpu = 0;
        double gpuWithImprovement = 0;
        double tokensWithGpu = 0;
        double gpuWithTokens = 0;
        double improvementWithCost = 0;
        double costWithImprovement = 0;
        double wastedGpu = 0;
        double wastedCost = 0;
        List<RunEfficiency> overtrained = new ArrayList<>();
        for (RunEfficiency r : runs) {
            gpu += finite(r.gpuHours());
            cost += finite(r.costUsd());
            tokens += finite(r.tokensProcessed());
            if (Double.isFinite(r.improvementPerGpuHour())) {
                improvementWithGpu += r.improvement();
                gpuWithImprovement += r.gpuHours();
            }
            if (Double.isFinite(r.tokensPerGpuHour())) {
                tokensWithGpu += r.tokensProcessed();
                gpuWithTokens += r.gpuHours();
            }
            if (Double.isFinite(r.improvementPerDollar())) {
                improvementWithCost += r.improvement();
                costWithImprovement += r.costUsd();
            }
            if (r.overtraining().overtrained()) {
                overtrained.add(r);
                wastedGpu += finite(r.overtraining().wastedGpuHours());
                wastedCost += finite(r.wastedCostUsd());
            }
        }
        return new EfficiencyReport(runs.size(), gpu, cost, tokens, RunEfficiency.rate(improvementWithGpu,
                gpuWithImprovement), RunEfficiency.rate(tokensWithGpu, gpuWithTokens),
                RunEfficiency.rate(improvementWithCost, costWithImprovement), runs, overtrained,
                GroupComparison.of("batch_size", runs, r -> r.batchSize() == null ? null : r.batchSize().doubleValue()),
                GroupComparison.of("epochs", runs, RunEfficiency::epochs),
                new EfficiencyReport.Savings(wastedGpu, wastedCost, overtrained.stream().map(RunEfficiency::runId).toList()));
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
