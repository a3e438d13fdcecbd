package dev.sextant.server.models;

import dev.sextant.analytics.models.ProductionDrift;
import dev.sextant.analytics.models.Reliability;
import dev.sextant.analytics.models.Trend;
import dev.sextant.store.models.ModelVersion;
import java.util.List;

/** Drift as the API answers it. */
record DriftView(VersionView.Brief version, int baselineDays, Reliability baseline, Reliability recent,
        List<ProductionDrift.Day> days, TrendView successRateTrend, TrendView ratingTrend) {

    record TrendView(int days, Double perWeek, Double ciLow, Double ciHigh, String direction) {
        static TrendView of(Trend t) {
            return new TrendView(t.days(), t.perWeek(), t.ciLow(), t.ciHigh(), t.direction().wire());
        }
    }

    static DriftView of(ModelVersion v, ProductionDrift d) {
        return new DriftView(VersionView.Brief.of(v), ProductionDrift.BASELINE_DAYS, d.baseline(), d.recent(), d.days(),
                TrendView.of(d.successRateTrend()), TrendView.of(d.ratingTrend()));
    }
}
