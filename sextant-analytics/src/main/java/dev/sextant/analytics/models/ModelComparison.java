package dev.sextant.analytics.models;

import dev.sextant.analytics.models.ReliabilityDelta.Change;
import dev.sextant.store.models.ModelEvaluation;
import dev.sextant.store.models.ReliabilityDay;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A model version (the candidate) against a baseline version: its parent, or one the caller chose.
 *
 * <p><b>Accuracy</b> is {@link BenchmarkDeltas#primaryDelta()}: the mean difference of the primary
 * metric (accuracy unless an evaluation says otherwise; a fraction from 0 to 1, so one point is
 * 0.01) over the benchmarks both versions ran. It counts as <em>up</em> when it is at least
 * {@link #MIN_ACCURACY_CHANGE} (+1 point), <em>down</em> when at most −1 point, else the same (also
 * when no benchmark is shared). Benchmarks carry no per-example results, so this is a practical
 * threshold, not a test.
 *
 * <p><b>Reliability</b> is the production success rate of traces served by each version's model id
 * since that version's deployment ({@link ReliabilityDelta}): better or worse when Fisher's exact
 * test gives p &lt; {@link #ALPHA}, else the same (also when a side was never deployed or has
 * fewer than {@link #MIN_TRACES} traces).
 *
 * <p><b>Assessment</b>, the first rule that holds:
 * <ol>
 *   <li>{@code mixed_results}: accuracy up and reliability worse, or accuracy down and reliability better;
 *   <li>{@code major_improvement}: accuracy +{@link #MAJOR_ACCURACY_GAIN} (5 points) or more and
 *       reliability not worse;
 *   <li>{@code improvement}: accuracy up and reliability not worse, or reliability better and accuracy not down;
 *   <li>{@code regression}: accuracy down (reliability not better), or reliability worse (accuracy not up);
 *   <li>{@code no_change}: neither moved.
 * </ol>
 */
public record ModelComparison(String candidateId, String baselineId, BaselineKind baselineKind,
        BenchmarkDeltas accuracy, Change accuracyChange, ReliabilityDelta reliability, Assessment assessment,
        String reason) {

    public static final double MIN_ACCURACY_CHANGE = 0.01;
    public static final double MAJOR_ACCURACY_GAIN = 0.05;
    public static final double ALPHA = 0.05;
    public static final long MIN_TRACES = 10;

    /** Whether the baseline is the candidate's parent or a version the caller named. */
    public enum BaselineKind {
        PARENT, CHOSEN;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * {@code candidateDays} and {@code baselineDays} are each version's production days since its
     * deployment (empty when it was never deployed).
     */
    public static ModelComparison of(String candidateId, String baselineId, BaselineKind kind,
            List<ModelEvaluation> candidateEvaluations, List<ModelEvaluation> baselineEvaluations,
            List<ReliabilityDay> candidateDays, List<ReliabilityDay> baselineDays) {
        Objects.requireNonNull(kind, "kind");
        BenchmarkDeltas accuracy = BenchmarkDeltas.of(candidateEvaluations, baselineEvaluations);
        ReliabilityDelta reliability = ReliabilityDelta.of(Reliability.of(candidateDays), Reliability.of(baselineDays));
        Double delta = accuracy.primaryDelta();
        Change a = delta == null ? Change.SAME
                : delta >= MIN_ACCURACY_CHANGE - 1e-12 ? Change.BETTER
                : delta <= -MIN_ACCURACY_CHANGE + 1e-12 ? Change.WORSE : Change.SAME;
        Assessment assessment = assess(a, delta, reliability.change());
        String accuracyText = delta == null ? "no shared benchmark"
                : String.format(Locale.ROOT, "accuracy %+.2f points", delta * 100);
        String reason = candidateId + " against " + baselineId + ": " + accuracyText + "; " + reliability.reason();
        return new ModelComparison(candidateId, baselineId, kind, accuracy, a, reliability, assessment, reason);
    }

    static Assessment assess(Change accuracy, Double delta, Change reliability) {
        if ((accuracy == Change.BETTER && reliability == Change.WORSE)
                || (accuracy == Change.WORSE && reliability == Change.BETTER)) {
            return Assessment.MIXED_RESULTS;
        }
        if (delta != null && delta >= MAJOR_ACCURACY_GAIN - 1e-12 && reliability != Change.WORSE) {
            return Assessment.MAJOR_IMPROVEMENT;
        }
        if (accuracy == Change.BETTER || reliability == Change.BETTER) {
            return Assessment.IMPROVEMENT;
        }
        if (accuracy == Change.WORSE || reliability == Change.WORSE) {
            return Assessment.REGRESSION;
        }
        return Assessment.NO_CHANGE;
    }
}
