package dev.sextant.server.models;

import dev.sextant.analytics.models.BenchmarkDeltas;
import dev.sextant.analytics.models.ModelComparison;
import dev.sextant.analytics.models.Reliability;
import dev.sextant.analytics.models.ReliabilityDelta;
import dev.sextant.store.models.ModelVersion;
import java.util.List;

/** A comparison as the API answers it: enums as their wire names, the thresholds the rule used. */
record ComparisonView(VersionView.Brief candidate, VersionView.Brief baseline, String baselineKind, Accuracy accuracy,
        ReliabilityView reliability, String assessment, String reason, Thresholds thresholds) {

    record Accuracy(Double primaryDelta, String change, List<BenchmarkDeltas.Benchmark> benchmarks) {}

    record ReliabilityView(Reliability candidate, Reliability baseline, Double difference, Double ciLow, Double ciHigh,
            Double pValue, boolean tested, String change, String reason) {}

    record Thresholds(double minAccuracyChange, double majorAccuracyGain, double alpha, long minTraces) {}

    static ComparisonView of(ModelVersion candidate, ModelVersion baseline, ModelComparison c) {
        ReliabilityDelta r = c.reliability();
        return new ComparisonView(VersionView.Brief.of(candidate), VersionView.Brief.of(baseline), c.baselineKind().wire(),
                new Accuracy(c.accuracy().primaryDelta(), c.accuracyChange().wire(), c.accuracy().benchmarks()),
                new ReliabilityView(r.candidate(), r.baseline(), r.difference(), r.ciLow(), r.ciHigh(), r.pValue(),
                        r.tested(), r.change().wire(), r.reason()),
                c.assessment().wire(), c.reason(), new Thresholds(ModelComparison.MIN_ACCURACY_CHANGE,
                        ModelComparison.MAJOR_ACCURACY_GAIN, ModelComparison.ALPHA, ModelComparison.MIN_TRACES));
    }
}
