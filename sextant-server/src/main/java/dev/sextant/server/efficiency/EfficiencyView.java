package dev.sextant.server.efficiency;

import dev.sextant.analytics.training.EfficiencyReport;
import dev.sextant.analytics.training.GroupComparison;
import dev.sextant.analytics.training.ResourceGroup;
import dev.sextant.analytics.training.RunEfficiency;
import java.time.Instant;
import java.util.List;

/** {@link EfficiencyReport} on the wire: unknown (NaN) figures are null; group values are whole numbers when they are. */
record EfficiencyView(Instant from, Instant to, String agentId, int runCount, boolean truncated, Totals totals,
        ComputeEfficiency computeEfficiency, CostEfficiency costEfficiency, List<Overtrained> overtrainedRuns,
        Groups batchSizes, Groups epochs, Savings potentialSavings, List<Run> runs) {

    record Totals(double gpuHours, double costUsd, double tokensProcessed) {}

    record ComputeEfficiency(Double improvementPerGpuHour, Double tokensPerGpuHour) {}

    record CostEfficiency(Double improvementPerDollar) {}

    record Overtrained(String runId, String name, Double bestEpoch, Double lastEpoch, Double wastedEpochs,
            Double wastedGpuHours, Double wastedCostUsd) {}

    record Group(Number value, List<String> runIds, Double gpuHours, Double costUsd, Double improvement,
            Double gpuHoursPerImprovement, Double costPerImprovement, Double ratioToBest, boolean best, boolean wasted,
            Double excessGpuHours, Double excessCostUsd) {}

    record Groups(String status, String reason, Number bestValue, List<Group> groups) {}

    record Savings(double gpuHours, double costUsd, List<String> runIds) {}

    record Run(String runId, String name, Long batchSize, Double epochs, Double gpuHours, Double costUsd,
            Double tokensProcessed, Double initialValidationLoss, Double bestValidationLoss, Double improvement,
            Double improvementPerGpuHour, Double tokensPerGpuHour, Double improvementPerDollar, boolean overtrained,
            Double wastedEpochs, Double wastedGpuHours, Double wastedCostUsd) {}

    static EfficiencyView of(Instant from, Instant to, String agentId, boolean truncated, EfficiencyReport r) {
        return new EfficiencyView(from, to, agentId, r.runCount(), truncated,
                new Totals(r.gpuHours(), r.costUsd(), r.tokensProcessed()),
                new ComputeEfficiency(known(r.improvementPerGpuHour()), known(r.tokensPerGpuHour())),
                new CostEfficiency(known(r.improvementPerDollar())),
                r.overtrainedRuns().stream().map(e -> new Overtrained(e.runId(), e.name(),
                        known(e.overtraining().bestEpoch()), known(e.overtraining().lastEpoch()),
                        known(e.overtraining().wastedEpochs()), known(e.overtraining().wastedGpuHours()),
                        known(e.wastedCostUsd()))).toList(),
                groups(r.batchSizes()), groups(r.epochs()),
                new Savings(r.savings().gpuHours(), r.savings().costUsd(), r.savings().runIds()),
                r.runs().stream().map(EfficiencyView::run).toList());
    }

    private static Run run(RunEfficiency e) {
        return new Run(e.runId(), e.name(), e.batchSize(), e.epochs(), known(e.gpuHours()), known(e.costUsd()),
                known(e.tokensProcessed()), known(e.initialValidationLoss()), known(e.bestValidationLoss()),
                known(e.improvement()), known(e.improvementPerGpuHour()), known(e.tokensPerGpuHour()),
                known(e.improvementPerDollar()), e.overtraining().overtrained(), known(e.overtraining().wastedEpochs()),
                known(e.overtraining().wastedGpuHours()), known(e.wastedCostUsd()));
    }

    private static Groups groups(GroupComparison g) {
        return new Groups(g.status(), g.reason(), g.bestValue() == null ? null : number(g.bestValue()),
                g.groups().stream().map(EfficiencyView::group).toList());
    }

    private static Group group(ResourceGroup g) {
        return new Group(number(g.value()), g.runIds(), known(g.gpuHours()), known(g.costUsd()), known(g.improvement()),
                known(g.gpuHoursPerImprovement()), known(g.costPerImprovement()), known(g.ratioToBest()), g.best(),
                g.wasted(), known(g.excessGpuHours()), known(g.excessCostUsd()));
    }

    private static Number number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Number) (long) v : (Number) v;
    }

    static Double known(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
