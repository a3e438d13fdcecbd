package dev.sextant.analytics.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs grouped by one setting (batch size, epochs) and the groups compared on GPU hours per unit
 * of validation-loss improvement. A run takes part when the setting, its improvement and its GPU
 * hours are known. The best group has the lowest finite rate; a group {@code wasted} resources when
 * its rate is at least {@link #WASTE_RATIO} times the best's, or when it used GPU hours and
 * improved nothing. Needs at least two groups and a best one; otherwise {@code insufficient_data}
 * with the reason, and no groups.
 */
public record GroupComparison(String setting, String status, String reason, Double bestValue,
        List<ResourceGroup> groups) {
    public static final double WASTE_RATIO = 1.25;

    public GroupComparison {
        groups = List.copyOf(groups);
    }

    static GroupComparison of(String setting, List<RunEfficiency> runs, Function<RunEfficiency, Double> key) {
        Map<Double, List<RunEfficiency>> byValue = new TreeMap<>();
        for (RunEfficiency r : runs) {
            Double v = key.apply(r);
            if (v != null && Double.isFinite(r.improvement()) && Double.isFinite(r.gpuHours())) {
                byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
            }
        }
        if (byValue.size() < 2) {
            return insufficient(setting, "runs with a known " + setting + ", GPU hours and at least two validation losses"
                    + " fall into " + byValue.size() + " group" + (byValue.size() == 1 ? "" : "s") + "; comparing needs two");
        }
        double bestRate = Double.NaN;
        Double bestValue = null;
        for (Map.Entry<Double, List<RunEfficiency>> e : byValue.entrySet()) {
            double rate = RunEfficiency.rate(sum(e.getValue(), RunEfficiency::gpuHours), sum(e.getValue(),
                    RunEfficiency::improvement));
            if (Double.isFinite(rate) && (Double.isNaN(bestRate) || rate < bestRate)) {
                bestRate = rate;
                bestValue = e.getKey();
            }
        }
        if (bestValue == null) {
            return insufficient(setting, "no " + setting + " group improved its validation loss with GPU hours reported");
        }
        List<RunEfficiency> bestRuns = byValue.get(bestValue);
        double bestCostRate = RunEfficiency.rate(sum(bestRuns, RunEfficiency::costUsd), sum(bestRuns,
                RunEfficiency::improvement));
        List<ResourceGroup> groups = new ArrayList<>();
        for (Map.Entry<Double, List<RunEfficiency>> e : byValue.entrySet()) {
            List<RunEfficiency> members = e.getValue();
            double gpu = sum(members, RunEfficiency::gpuHours);
            double cost = sum(members, RunEfficiency::costUsd);
            double improvement = sum(members, RunEfficiency::improvement);
            double rate = RunEfficiency.rate(gpu, improvement);
            double costRate = RunEfficiency.rate(cost, improvement);
            boolean best = e.getKey().equals(bestValue);
            double ratio = Double.isFinite(rate) ? rate / bestRate : Double.NaN;
            boolean wasted = !best && (Double.isFinite(rate) ? ratio >= WASTE_RATIO - 1e-12 : gpu > 0);
            double excessGpu = wasted ? gpu - bestRate * improvement : 0;
            double excessCost = wasted ? cost - bestCostRate * improvement : Double.isNaN(cost) ? Double.NaN : 0;
            groups.add(new ResourceGroup(e.getKey(), members.stream().map(RunEfficiency::runId).toList(), gpu, cost,
                    improvement, rate, costRate, ratio, best, wasted, excessGpu, excessCost));
        }
        return new GroupComparison(setting, "compared", null, bestValue, groups);
    }

    private static GroupComparison insufficient(String setting, String reason) {
        return new GroupComparison(setting, "insufficient_data", reason, null, List.of());
    }

    /** The sum, NaN when any member's value is unknown. */
    static double sum(List<RunEfficiency> runs, java.util.function.ToDoubleFunction<RunEfficiency> value) {
        double total = 0;
        for (RunEfficiency r : runs) {
            total += value.applyAsDouble(r);
        }
        return total;
    }
}
