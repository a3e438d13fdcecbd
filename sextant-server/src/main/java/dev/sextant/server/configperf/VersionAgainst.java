package dev.sextant.server.configperf;

import dev.sextant.analytics.configurations.CustomizationLevel;
import dev.sextant.analytics.configurations.VersionComparison;
import dev.sextant.analytics.configurations.VersionComparison.BaselineKind;
import dev.sextant.server.configperf.ComparisonView.MetricView;
import dev.sextant.store.ConfigurationPerformance.Version;
import java.util.List;

/**
 * A version against its parent or the default: how far its content departs ({@link CustomizationLevel}
 * from the parameters and workflow steps changed) and how it performed by comparison
 * ({@link VersionComparison}). Without executions on either side there is no test: the verdict is
 * {@code insufficient_data} and the metrics are null.
 */
record VersionAgainst(String baseline, String baselineKind, String customizationLevel, int parametersChanged,
        int stepsChanged, List<String> changedParameters, String verdict, String reason, MetricView successRate,
        MetricView satisfaction, MetricView responseTimeMs, MetricView costPerExecutionUsd) {

    static VersionAgainst of(String candidateId, ContentShape candidate, Version candidateFigures, String baselineId,
            ContentShape baseline, Version baselineFigures, BaselineKind kind) {
        List<String> parameters = List.copyOf(CustomizationLevel.changedParameters(baseline.parameters(),
                candidate.parameters()));
        int steps = CustomizationLevel.changedSteps(baseline.steps(), candidate.steps());
        String level = CustomizationLevel.of(parameters.size(), steps).wire();
        if (candidateFigures == null || baselineFigures == null) {
            String none = candidateFigures == null && baselineFigures == null ? candidateId + " and " + baselineId
                    + " have" : (candidateFigures == null ? candidateId : baselineId) + " has";
            return new VersionAgainst(baselineId, kind.wire(), level, parameters.size(), steps, parameters,
                    VersionComparison.Verdict.INSUFFICIENT_DATA.wire(), candidateId + " against " + baselineId + ": "
                    + none + " no executions in the range", null, null, null, null);
        }
        VersionComparison c = VersionComparison.of(candidateFigures, baselineFigures, kind);
        return new VersionAgainst(baselineId, kind.wire(), level, parameters.size(), steps, parameters,
                c.verdict().wire(), c.reason(), MetricView.of(c.successRate()), MetricView.of(c.satisfaction()),
                MetricView.of(c.responseTimeMs()), MetricView.of(c.costPerExecutionUsd()));
    }
}
