package dev.sextant.server.configperf;

import dev.sextant.analytics.configurations.BusinessImpact;
import dev.sextant.analytics.configurations.ImpactWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@link BusinessImpact} as {@code /api/v1/analytics/business-impact} answers it; each change names
 * its configuration and whether it was an activation or a rollback.
 */
record BusinessImpactView(List<ChangeView> changes, List<String> top, List<String> underPerforming) {

    record ChangeView(String id, String configurationId, String kind, Instant at, String agentId, String fromVersion, String toVersion, boolean measured,
            String reason, WindowView before, WindowView after, Double executionsPerDayChange,
            Double executionHoursChange, Double successRateChange, Double avgResponseMsChange,
            BigDecimal costPerExecutionChangeUsd, Double meanRatingChange, BigDecimal netBenefitUsd,
            BigDecimal customizationCostUsd, Double roi) {
    }

    record WindowView(LocalDate firstDay, LocalDate lastDay, int days, long executions, double executionsPerDay,
            double executionHours, long successes, Double successRate, Double avgResponseMs, BigDecimal totalCostUsd,
            BigDecimal costPerExecutionUsd, long ratingCount, Double meanRating) {
        static WindowView of(ImpactWindow w) {
            return w == null ? null : new WindowView(w.firstDay(), w.lastDay(), w.days(), w.executions(),
                    w.executionsPerDay(), w.executionHours(), w.successes(), w.successRate(), w.avgResponseMs(),
                    w.totalCostUsd(), w.costPerExecutionUsd(), w.ratings(), w.meanRating());
        }
    }

    static BusinessImpactView of(BusinessImpact b, Map<String, Activations.Activation> activations) {
        return new BusinessImpactView(b.changes().stream().map(c -> new ChangeView(c.event().id(),
                activations.get(c.event().id()).configurationId(), activations.get(c.event().id()).kind(), c.event().at(),
                c.event().agentId(), c.event().fromVersion(), c.event().toVersion(), c.measured(), c.reason(),
                WindowView.of(c.before()), WindowView.of(c.after()), c.executionsPerDayChange(), c.executionHoursChange(),
                c.successRateChange(), c.avgResponseMsChange(), c.costPerExecutionChangeUsd(), c.meanRatingChange(),
                c.netBenefitUsd(), c.customizationCostUsd(), c.roi())).toList(), b.top(), b.underPerforming());
    }
}
