package dev.sextant.server.experiments;

import dev.sextant.store.Experiment;
import dev.sextant.store.ExperimentSpec;
import java.time.Instant;
import java.util.List;

/** An experiment as the API answers it, with the sample size its settings need. */
record ExperimentView(String id, String name, String hypothesis, String agentId, String unit, List<VariantView> variants,
        List<String> successMetrics, List<String> guardrails, Long minimumSampleSize, Double minimumDetectableEffect,
        Double baseline, double alpha, double power, String correction, boolean autoConclude, Instant startsAt,
        Instant endsAt, String status, String winner, String conclusion, Instant createdAt, Instant updatedAt,
        Instant startedAt, Instant stoppedAt, Instant concludedAt, SampleSizePlan requiredSampleSize) {

    record VariantView(String id, String name, String configurationVersion, int allocation, boolean control) {}

    static ExperimentView of(Experiment e, Double givenBaseline) {
        ExperimentSpec s = e.spec();
        List<VariantView> variants = s.variants().stream().map(v -> new VariantView(v.id(), v.name(),
                v.configurationVersion(), v.allocation(), v.control())).toList();
        return new ExperimentView(e.id(), s.name(), s.hypothesis(), s.agentId(), s.unit().wire(), variants,
                s.successMetrics(), s.guardrails(), s.minimumSampleSize(), s.minimumDetectableEffect(), s.baseline(),
                s.alpha(), s.power(), s.correction().wire(), s.autoConclude(), s.startsAt(), s.endsAt(), e.status().wire(),
                e.winner(), e.conclusion(), e.createdAt(), e.updatedAt(), e.startedAt(), e.stoppedAt(), e.concludedAt(),
                SampleSizePlan.of(s, givenBaseline));
    }
}
