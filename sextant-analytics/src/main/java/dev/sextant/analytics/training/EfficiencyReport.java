package dev.sextant.analytics.training;

import java.util.List;

/**
 * A workspace's training efficiency; see {@link TrainingEfficiency} for every rule. Rates are
 * pooled (sum over sum) across the runs that have both figures; NaN when none has.
 */
public record EfficiencyReport(int runCount, double gpuHours, double costUsd, double tokensProcessed,
        double improvementPerGpuHour, double tokensPerGpuHour, double improvementPerDollar, List<RunEfficiency> runs,
        List<RunEfficiency> overtrainedRuns, GroupComparison batchSizes, GroupComparison epochs, Savings savings) {

    public EfficiencyReport {
        runs = List.copyOf(runs);
        overtrainedRuns = List.copyOf(overtrainedRuns);
    }

    /**
     * What stopping each overtrained run at its best epoch would have saved: the wasted epochs'
     * share of its GPU hours and cost, summed over the runs that reported them.
     */
    public record Savings(double gpuHours, double costUsd, List<String> runIds) {
        public Savings {
            runIds = List.copyOf(runIds);
        }
    }
}
