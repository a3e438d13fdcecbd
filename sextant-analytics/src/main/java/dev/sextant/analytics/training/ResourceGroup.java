package dev.sextant.analytics.training;

import java.util.List;

/**
 * The runs that share one batch size (or epoch count), pooled: their GPU hours, cost (NaN unless
 * every run reported one) and validation-loss improvement summed; what one unit of improvement
 * cost them ({@code gpuHoursPerImprovement}, {@code costPerImprovement}; NaN without improvement);
 * that rate against the best group's ({@code ratioToBest}, 1 for the best); whether the group
 * {@code wasted} resources, and how many GPU hours and dollars beyond what its improvement would
 * have taken at the best group's rates ({@code excessGpuHours}, {@code excessCostUsd}).
 */
public record ResourceGroup(double value, List<String> runIds, double gpuHours, double costUsd, double improvement,
        double gpuHoursPerImprovement, double costPerImprovement, double ratioToBest, boolean best, boolean wasted,
        double excessGpuHours, double excessCostUsd) {

    public ResourceGroup {
        runIds = List.copyOf(runIds);
    }
}
