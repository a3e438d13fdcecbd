package dev.sextant.analytics.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Efficiency on hand-built runs whose every figure is worked out in the comments. */
class TrainingEfficiencyTest {
    private static final double NAN = Double.NaN;

    /** Validation losses at epochs 1, 2, 3, ... (steps 100, 200, ...), logged in reverse to check the sort. */
    static List<MetricPoint> curve(double... losses) {
        List<MetricPoint> points = new ArrayList<>();
        for (int i = losses.length - 1; i >= 0; i--) {
            points.add(new MetricPoint(100L * (i + 1), i + 1, MetricPoint.VALIDATION_LOSS, losses[i]));
            points.add(new MetricPoint(100L * (i + 1), i + 1, MetricPoint.TRAINING_LOSS, 9)); // ignored
        }
        return points;
    }

    // A: batch 32, 10 epochs, 10 GPU h, $20, 1M tokens; best 0.5 at epoch 4 of 10: improvement 1.0 - 0.5 = 0.5,
    //    overtrained (0.4 < 0.7): 6 wasted epochs = 6 of 10 GPU h, $12.
    static final EfficiencyRun A = new EfficiencyRun("a", "run a", 32L, 10.0, 10, 20, 1_000_000,
            curve(1.0, 0.8, 0.6, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8));
    // B: batch 32, 5 epochs, 4 GPU h, $8, 500k tokens; 1.2 -> 0.7 at the last epoch: improvement 0.5, not overtrained.
    static final EfficiencyRun B = new EfficiencyRun("b", "run b", 32L, 5.0, 4, 8, 500_000,
            curve(1.2, 1.0, 0.9, 0.8, 0.7));
    // C: batch 64, 5 epochs, 8 GPU h, $16, 400k tokens; 1.0 -> 0.75: improvement 0.25.
    static final EfficiencyRun C = new EfficiencyRun("c", "run c", 64L, 5.0, 8, 16, 400_000,
            curve(1.0, 0.9, 0.85, 0.8, 0.75));
    // D: batch 128, 2 GPU h, no cost or tokens, one evaluation: no improvement to measure; in totals only.
    static final EfficiencyRun D = new EfficiencyRun("d", "run d", 128L, 5.0, 2, NAN, NAN, curve(1.0));

    @Test
    void perRunFigures() {
        EfficiencyReport r = TrainingEfficiency.analyze(List.of(A, B, C, D));
        RunEfficiency a = r.runs().get(0);
        assertThat(a.initialValidationLoss()).isEqualTo(1.0);
        assertThat(a.bestValidationLoss()).isEqualTo(0.5);
        assertThat(a.improvement()).isCloseTo(0.5, within(1e-12));
        assertThat(a.improvementPerGpuHour()).isCloseTo(0.05, within(1e-12));
        assertThat(a.tokensPerGpuHour()).isCloseTo(100_000, within(1e-6));
        assertThat(a.improvementPerDollar()).isCloseTo(0.025, within(1e-12));
        assertThat(a.overtraining().overtrained()).isTrue();
        assertThat(a.overtraining().wastedEpochs()).isEqualTo(6);
        assertThat(a.overtraining().wastedGpuHours()).isCloseTo(6, within(1e-12));
        assertThat(a.wastedCostUsd()).isCloseTo(12, within(1e-12));
        RunEfficiency b = r.runs().get(1);
        assertThat(b.improvementPerGpuHour()).isCloseTo(0.125, within(1e-12));
        assertThat(b.overtraining().overtrained()).isFalse();
        assertThat(b.wastedCostUsd()).isZero();
        RunEfficiency d = r.runs().get(3);
        assertThat(d.improvement()).isNaN();
        assertThat(d.improvementPerGpuHour()).isNaN();
        assertThat(d.tokensPerGpuHour()).isNaN();
        assertThat(d.wastedCostUsd()).isNaN();
    }

    @Test
    void workspaceRatesArePooledAndSavingsNameTheOvertrainedRuns() {
        EfficiencyReport r = TrainingEfficiency.analyze(List.of(A, B, C, D));
        assertThat(r.runCount()).isEqualTo(4);
        assertThat(r.gpuHours()).isEqualTo(24); // 10 + 4 + 8 + 2
        assertThat(r.costUsd()).isEqualTo(44); // D's unknown cost skipped
        assertThat(r.tokensProcessed()).isEqualTo(1_900_000);
        // A, B, C have improvement and GPU hours: (0.5 + 0.5 + 0.25) / (10 + 4 + 8)
        assertThat(r.improvementPerGpuHour()).isCloseTo(1.25 / 22, within(1e-12));
        assertThat(r.tokensPerGpuHour()).isCloseTo(1_900_000 / 22.0, within(1e-6));
        assertThat(r.improvementPerDollar()).isCloseTo(1.25 / 44, within(1e-12));
        assertThat(r.overtrainedRuns()).extracting(RunEfficiency::runId).containsExactly("a");
        assertThat(r.savings().gpuHours()).isCloseTo(6, within(1e-12));
        assertThat(r.savings().costUsd()).isCloseTo(12, within(1e-12));
        assertThat(r.savings().runIds()).containsExactly("a");
    }

    @Test
    void batchSizesAreComparedOnGpuHoursPerUnitOfImprovement() {
        GroupComparison g = TrainingEfficiency.analyze(List.of(A, B, C, D)).batchSizes();
        // 32: A + B, 14 GPU h for 1.0 improvement = 14 per unit, $28 per unit; 64: C, 8 for 0.25 = 32, $64 per unit.
        // D (128) has no improvement and takes no part.
        assertThat(g.status()).isEqualTo("compared");
        assertThat(g.bestValue()).isEqualTo(32.0);
        assertThat(g.groups()).hasSize(2);
        ResourceGroup best = g.groups().get(0);
        assertThat(best.runIds()).containsExactly("a", "b");
        assertThat(best.gpuHoursPerImprovement()).isCloseTo(14, within(1e-9));
        assertThat(best.costPerImprovement()).isCloseTo(28, within(1e-9));
        assertThat(best.best()).isTrue();
        assertThat(best.wasted()).isFalse();
        assertThat(best.ratioToBest()).isEqualTo(1.0);
        ResourceGroup wide = g.groups().get(1);
        assertThat(wide.value()).isEqualTo(64.0);
        assertThat(wide.gpuHoursPerImprovement()).isCloseTo(32, within(1e-9));
        assertThat(wide.ratioToBest()).isCloseTo(32 / 14.0, within(1e-9));
        assertThat(wide.wasted()).isTrue();
        // 0.25 improvement at 14 GPU h per unit would have taken 3.5 of its 8 hours; at $28 per unit $7 of its $16.
        assertThat(wide.excessGpuHours()).isCloseTo(4.5, within(1e-9));
        assertThat(wide.excessCostUsd()).isCloseTo(9, within(1e-9));
    }

    @Test
    void epochCountsAreComparedTheSameWay() {
        GroupComparison g = TrainingEfficiency.analyze(List.of(A, B, C, D)).epochs();
        // 5 epochs: B + C, 12 GPU h for 0.75 = 16 per unit, $24 / 0.75 = $32 per unit; 10 epochs: A, 10 / 0.5 = 20.
        assertThat(g.bestValue()).isEqualTo(5.0);
        ResourceGroup ten = g.groups().get(1);
        assertThat(ten.value()).isEqualTo(10.0);
        assertThat(ten.ratioToBest()).isCloseTo(1.25, within(1e-9));
        assertThat(ten.wasted()).isTrue(); // exactly at the 1.25 threshold
        assertThat(ten.excessGpuHours()).isCloseTo(10 - 16 * 0.5, within(1e-9));
        assertThat(ten.excessCostUsd()).isCloseTo(20 - 32 * 0.5, within(1e-9));
        assertThat(g.groups().get(0).gpuHoursPerImprovement()).isCloseTo(16, within(1e-9));
    }

    @Test
    void aGroupThatImprovedNothingWastedAllItsHours() {
        EfficiencyRun flat = new EfficiencyRun("flat", null, 16L, null, 3, 6, NAN, curve(1.0, 1.0, 1.0));
        GroupComparison g = TrainingEfficiency.analyze(List.of(flat, B)).batchSizes();
        ResourceGroup sixteen = g.groups().get(0);
        assertThat(sixteen.improvement()).isZero();
        assertThat(sixteen.gpuHoursPerImprovement()).isNaN();
        assertThat(sixteen.wasted()).isTrue();
        assertThat(sixteen.excessGpuHours()).isEqualTo(3);
        assertThat(sixteen.excessCostUsd()).isEqualTo(6);
        assertThat(g.bestValue()).isEqualTo(32.0);
        assertThat(TrainingEfficiency.analyze(List.of(flat, B)).epochs().status()).isEqualTo("insufficient_data");
    }

    @Test
    void oneGroupOrNoRunsIsInsufficientData() {
        EfficiencyReport one = TrainingEfficiency.analyze(List.of(A, B));
        assertThat(one.batchSizes().status()).isEqualTo("insufficient_data");
        assertThat(one.batchSizes().reason()).isEqualTo("runs with a known batch_size, GPU hours and at least two"
                + " validation losses fall into 1 group; comparing needs two");
        assertThat(one.batchSizes().groups()).isEmpty();
        EfficiencyReport none = TrainingEfficiency.analyze(List.of());
        assertThat(none.runCount()).isZero();
        assertThat(none.improvementPerGpuHour()).isNaN();
        assertThat(none.savings().gpuHours()).isZero();
        assertThat(none.epochs().reason()).endsWith("fall into 0 groups; comparing needs two");
    }
}
