package dev.sextant.analytics.training;

/**
 * The efficiency figures of one run (NaN: unknown). {@code improvement} is the first finite
 * validation loss minus the best (lowest) one, so 0 or more, NaN with fewer than two finite
 * values; the rates divide it (or the tokens) by the run's GPU hours or cost, NaN when either is
 * unknown or the divisor is 0. {@code overtraining} is {@link OvertrainingWaste} on the validation
 * curve; {@code wastedCostUsd} charges the wasted epochs' share of the cost, as the wasted GPU
 * hours do.
 */
public record RunEfficiency(String runId, String name, Long batchSize, Double epochs, double gpuHours, double costUsd,
        double tokensProcessed, double initialValidationLoss, double bestValidationLoss, double improvement,
        double improvementPerGpuHour, double tokensPerGpuHour, double improvementPerDollar,
        OvertrainingWasteResult overtraining, double wastedCostUsd) {

    static RunEfficiency of(EfficiencyRun run) {
        int n = run.validation().size();
        double[] epochs = new double[n];
        double[] losses = new double[n];
        double first = Double.NaN;
        double best = Double.NaN;
        int finite = 0;
        for (int i = 0; i < n; i++) {
            MetricPoint p = run.validation().get(i);
            epochs[i] = p.epoch();
            losses[i] = p.value();
            if (Double.isFinite(p.value())) {
                finite++;
                first = Double.isNaN(first) ? p.value() : first;
                best = Double.isNaN(best) ? p.value() : Math.min(best, p.value());
            }
        }
        double improvement = finite >= 2 ? first - best : Double.NaN;
        double gpu = known(run.gpuHours());
        OvertrainingWasteResult waste = OvertrainingWaste.compute(epochs, losses, gpu);
        double wastedCost = waste.overtrained() ? known(run.costUsd()) * waste.wastedEpochs() / waste.lastEpoch()
                : Double.isNaN(known(run.costUsd())) ? Double.NaN : 0;
        return new RunEfficiency(run.runId(), run.name(), run.batchSize(), run.epochs(), gpu, known(run.costUsd()),
                known(run.tokensProcessed()), finite == 0 ? Double.NaN : first, best, improvement,
                rate(improvement, gpu), rate(known(run.tokensProcessed()), gpu), rate(improvement, known(run.costUsd())),
                waste, wastedCost);
    }

    static double rate(double amount, double per) {
        return Double.isFinite(amount) && Double.isFinite(per) && per > 0 ? amount / per : Double.NaN;
    }

    private static double known(double v) {
        return Double.isFinite(v) && v >= 0 ? v : Double.NaN;
    }
}
