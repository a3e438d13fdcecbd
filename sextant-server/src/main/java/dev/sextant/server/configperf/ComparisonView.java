package dev.sextant.server.configperf;

import dev.sextant.analytics.configurations.VersionComparison;
import dev.sextant.analytics.configurations.VersionComparison.Metric;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** {@link VersionComparison} as the API answers it, with both versions' figures. */
record ComparisonView(Instant dataAsOf, String candidate, String baseline, String baselineKind, String verdict,
        String reason, VersionView candidateFigures, VersionView baselineFigures, MetricView successRate,
        MetricView satisfaction, MetricView responseTimeMs, MetricView costPerExecutionUsd) {

    record MetricView(boolean higherIsBetter, Double candidate, Double baseline, Double difference, Double ciLow,
            Double ciHigh, Double pValue, @JsonProperty("adjusted_p_value") Double adjustedPValue, Double effectSize, boolean tested, boolean significant,
            Boolean improved, String reason) {

        static MetricView of(Metric m) {
            return new MetricView(m.higherIsBetter(), m.candidate(), m.baseline(), m.difference(), m.ciLow(), m.ciHigh(),
                    m.pValue(), m.adjustedPValue(), m.effectSize(), m.tested(), m.significant(), m.improved(), m.reason());
        }
    }

    static ComparisonView of(Instant dataAsOf, VersionComparison c, VersionView a, VersionView b) {
        return new ComparisonView(dataAsOf, c.candidate(), c.baseline(), c.baselineKind().wire(), c.verdict().wire(),
                c.reason(), a, b, MetricView.of(c.successRate()), MetricView.of(c.satisfaction()),
                MetricView.of(c.responseTimeMs()), MetricView.of(c.costPerExecutionUsd()));
    }
}
