package dev.sextant.server.alerts;

import dev.sextant.analytics.AlertEvaluation;
import dev.sextant.analytics.AlertEvaluation.AnomalyCheck;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The numbers of one rule evaluation; also stored as an alert's {@code details}. */
record EvaluationView(String state, Instant windowFrom, Instant windowTo, Double value, long samples, String reason,
        AnomalyView anomaly) {

    record AnomalyView(String baseline, List<Double> baselineValues, Double median, Double mad, Double scaledMad,
            Double z, int seasonalWindowsWithData, int seasonalWindows, int recentWindowsWithData,
            int recentWindows) {}

    static EvaluationView of(AlertEvaluation e) {
        AnomalyCheck a = e.anomaly();
        return new EvaluationView(e.state().name().toLowerCase(Locale.ROOT), e.window().from(), e.window().to(),
                e.value(), e.samples(), e.reason(), a == null ? null : new AnomalyView(a.baseline(),
                        a.baselineValues(), a.median(), a.mad(), a.scale(), a.z(), a.seasonalWithData(),
                        a.seasonalWindows(), a.recentWithData(), a.recentWindows()));
    }
}
