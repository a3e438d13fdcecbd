package dev.sextant.analytics.training;

import java.util.List;
import java.util.Objects;

/**
 * One run as efficiency sees it: its id and name; the batch size and epoch count it is grouped by
 * (null: not known); what it used (NaN: not reported): GPU hours, cost in dollars, tokens
 * processed; and its validation losses ({@link MetricPoint#VALIDATION_LOSS} points; other names
 * are ignored; put in step order here).
 */
public record EfficiencyRun(String runId, String name, Long batchSize, Double epochs, double gpuHours, double costUsd,
        double tokensProcessed, List<MetricPoint> validation) {

    public EfficiencyRun {
        Objects.requireNonNull(runId, "runId");
        validation = validation.stream().filter(p -> p.name().equals(MetricPoint.VALIDATION_LOSS))
                .sorted(java.util.Comparator.comparingLong(MetricPoint::step)).toList();
    }
}
