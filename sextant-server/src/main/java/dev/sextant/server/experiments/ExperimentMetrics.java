package dev.sextant.server.experiments;

import java.util.List;
import java.util.Set;

/**
 * The metrics an experiment can be judged by (docs/API.md, "Experiments"). The rates are
 * proportions of traces, so a required sample size follows from a baseline rate; the others are
 * means, whose sample size needs a standard deviation (see {@code /api/v1/experiments/power}).
 */
final class ExperimentMetrics {
    static final List<String> ALL = List.of("success_rate", "satisfaction", "response_time", "error_rate", "cost",
            "handoff_rate");
    static final Set<String> RATES = Set.of("success_rate", "error_rate", "handoff_rate");
    static final List<String> DEFAULT_SUCCESS = List.of("success_rate");
    static final List<String> DEFAULT_GUARDRAILS = List.of("cost", "response_time", "handoff_rate");

    private ExperimentMetrics() {}
}
