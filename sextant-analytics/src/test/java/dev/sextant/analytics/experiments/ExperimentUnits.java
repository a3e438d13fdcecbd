package dev.sextant.analytics.experiments;

import dev.sextant.store.ExperimentCorrection;
import dev.sextant.store.ExperimentOutcomeTotals;
import dev.sextant.store.ExperimentUnitKind;
import dev.sextant.store.ExperimentUnitOutcome;
import dev.sextant.store.ExperimentUnitOutcome.Pre;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Builders of unit rows and plans for the experiment analysis tests. */
final class ExperimentUnits {
    static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    static final Pre NO_PRE = new Pre(0, 0, 0, 0, BigDecimal.ZERO, 0, 0);
    static final ExperimentOutcomeTotals NO_TOTALS = new ExperimentOutcomeTotals(0, 0, 0, 0);

    private ExperimentUnits() {
    }

    /** A unit with {@code traces} traces of which {@code successes} succeeded, first seen {@code day} days in. */
    static ExperimentUnitOutcome unit(String variant, String id, int day, long traces, long successes) {
        return new ExperimentUnitOutcome(variant, id, START.plusSeconds(86_400L * day + 60), traces, successes,
                traces - successes, 0, 1000 * traces, traces, new BigDecimal("0.01").multiply(BigDecimal.valueOf(traces)),
                0, 0, NO_PRE);
    }

    static ExperimentUnitOutcome costUnit(String variant, String id, double cost) {
        return new ExperimentUnitOutcome(variant, id, START.plusSeconds(60), 1, 1, 0, 0, 1000, 1,
                BigDecimal.valueOf(cost), 0, 0, NO_PRE);
    }

    static ExperimentPlan plan(List<ExperimentMetric> metrics, List<ExperimentMetric> guardrails, long minSample,
            Instant end, Instant now) {
        return new ExperimentPlan("exp-1", ExperimentUnitKind.USER_ID, List.of(new Assignment.Allocation("A", 50), new Assignment.Allocation("B", 50)),
                "A", metrics, guardrails, 0.05, ExperimentCorrection.HOLM, minSample, 0.1, START, end, now);
    }
}
