package dev.sextant.server.experiments;

import dev.sextant.analytics.experiments.ExperimentMetric;
import java.util.Arrays;
import java.util.List;

/**
 * The metric names a definition may use: exactly the wire names of the analysis's
 * {@link ExperimentMetric}s (docs/API.md, "Experiments"), so what a definition names is what the
 * results measure. The rates are proportions of traces, so a required sample size follows from a
 * baseline rate; the others are means, whose sample size needs a standard deviation (see
 * {@code /api/v1/experiments/power}).
 */
final class ExperimentMetrics {
    static final List<String> ALL = Arrays.stream(ExperimentMetric.values()).map(ExperimentMetric::wire).toList();
    static final List<String> DEFAULT_SUCCESS = List.of(ExperimentMetric.SUCCESS_RATE.wire());
    static final List<String> DEFAULT_GUARDRAILS = List.of(ExperimentMetric.COST_PER_UNIT.wire(),
            ExperimentMetric.RESPONSE_TIME.wire(), ExperimentMetric.HANDOFF_RATE.wire());

    private ExperimentMetrics() {}

    /** The metric of a stored name; every stored name was checked against {@link #ALL} when it was written. */
    static ExperimentMetric of(String wire) {
        return ExperimentMetric.fromWire(wire)
                .orElseThrow(() -> new IllegalStateException("stored experiment names an unknown metric '" + wire + "'"));
    }

    static boolean isRate(String wire) {
        return ExperimentMetric.fromWire(wire).map(ExperimentMetric::rate).orElse(false);
    }
}
