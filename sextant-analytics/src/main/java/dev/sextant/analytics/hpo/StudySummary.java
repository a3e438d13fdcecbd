package dev.sextant.analytics.hpo;

import dev.sextant.store.hpo.HpoTrial;

/**
 * A study at a glance: trials by status; the best completed trial (null before one); the
 * improvement of its score over the baseline score, positive when better in the study's
 * direction, absolute and relative to |baseline| (null without a baseline, relative also when
 * the baseline is 0); how many trials were reported as overfitting (of how many reported the
 * flag); and the convergence epochs reported.
 */
public record StudySummary(int trials, int completed, int failed, int pruned, HpoTrial best, Double improvement,
        Double relativeImprovement, int overfitting, int overfittingReported, EpochStats convergenceEpochs) {

    /** Count, mean, median, min and max of the reported convergence epochs (all null but count when none). */
    public record EpochStats(int count, Double mean, Double median, Integer min, Integer max) {}
}
