package dev.sextant.analytics.hpo;

import dev.sextant.store.hpo.HpoDirection;
import dev.sextant.store.hpo.HpoStudySpec;
import dev.sextant.store.hpo.HpoTrial;
import dev.sextant.store.hpo.HpoTrialStatus;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/** Builds a {@link StudySummary}. Ties for the best score go to the earlier trial. */
public final class StudySummaries {
    private StudySummaries() {}

    public static StudySummary of(HpoStudySpec study, List<HpoTrial> trials) {
        HpoDirection direction = study.direction();
        int completed = 0;
        int failed = 0;
        int pruned = 0;
        int overfitting = 0;
        int reported = 0;
        HpoTrial best = null;
        for (HpoTrial t : trials) {
            switch (t.spec().status()) {
                case COMPLETED -> completed++;
                case FAILED -> failed++;
                case PRUNED -> pruned++;
            }
            if (t.spec().overfitting() != null) {
                reported++;
                if (t.spec().overfitting()) {
                    overfitting++;
                }
            }
            if (t.spec().status() == HpoTrialStatus.COMPLETED && t.spec().score() != null
                    && (best == null || direction.better(t.spec().score(), best.spec().score()))) {
                best = t;
            }
        }
        Double improvement = null;
        Double relative = null;
        if (best != null && study.baselineScore() != null) {
            double b = study.baselineScore();
            improvement = direction == HpoDirection.MINIMIZE ? b - best.spec().score() : best.spec().score() - b;
            relative = b == 0 ? null : improvement / Math.abs(b);
        }
        return new StudySummary(trials.size(), completed, failed, pruned, best, improvement, relative, overfitting, reported,
                epochs(trials));
    }

    private static StudySummary.EpochStats epochs(List<HpoTrial> trials) {
        int[] e = trials.stream().filter(t -> t.spec().convergenceEpoch() != null)
                .mapToInt(t -> t.spec().convergenceEpoch()).toArray();
        if (e.length == 0) {
            return new StudySummary.EpochStats(0, null, null, null, null);
        }
        double[] d = java.util.Arrays.stream(e).asDoubleStream().toArray();
        return new StudySummary.EpochStats(e.length, java.util.Arrays.stream(d).average().orElseThrow(),
                new Median().evaluate(d), java.util.Arrays.stream(e).min().orElseThrow(),
                java.util.Arrays.stream(e).max().orElseThrow());
    }
}
