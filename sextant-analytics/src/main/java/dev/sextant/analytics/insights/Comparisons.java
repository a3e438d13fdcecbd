package dev.sextant.analytics.insights;

import dev.sextant.analytics.EffectSize;
import dev.sextant.analytics.FisherExactTest;
import dev.sextant.analytics.RankSumTest;
import dev.sextant.store.SideBySide.RankSum;
import java.util.Map;

/** The two tests most detectors share: a rate compared by Fisher's exact test, a mean backed by Mann-Whitney. */
final class Comparisons {
    static final String FISHER = "fisher_exact";
    static final String MANN_WHITNEY = "mann_whitney_u";

    private Comparisons() {
    }

    /** A rate where higher is worse (errors, failures, hand-offs): events out of samples on each side. */
    static Finding rate(String kind, Map<String, String> subject, String title, long currentEvents, long currentSamples,
            long baselineEvents, long baselineSamples, Map<String, String> links) {
        double current = currentEvents / (double) currentSamples;
        double baseline = baselineEvents / (double) baselineSamples;
        double p = FisherExactTest.twoSided(currentEvents, currentSamples - currentEvents, baselineEvents,
                baselineSamples - baselineEvents);
        return new Finding(kind, subject, Finding.direction(current, baseline), Finding.impact(current, baseline, false),
                title, Finding.Numbers.of("ratio", current, baseline, currentEvents, currentSamples, baselineEvents,
                        baselineSamples),
                FISHER, p, EffectSize.cohensH(current, baseline), "cohens_h", currentSamples, links);
    }

    /**
     * A mean where higher is worse (cost, latency), its significance from the Mann-Whitney test of
     * the two samples' ranks; the effect is the rank-biserial correlation's size.
     */
    static Finding ranked(String kind, Map<String, String> subject, String title, String unit, double currentMean,
            double baselineMean, RankSum ranks, Map<String, String> links) {
        RankSumTest.Result r = RankSumTest.of(ranks.currentRankSum(), ranks.currentN(), ranks.baselineN(), ranks.tieTerm());
        return new Finding(kind, subject, Finding.direction(currentMean, baselineMean),
                Finding.impact(currentMean, baselineMean, false), title,
                Finding.Numbers.of(unit, currentMean, baselineMean, null, ranks.currentN(), null, ranks.baselineN()),
                MANN_WHITNEY, r.pValue(), Math.abs(r.effect()), "rank_biserial", ranks.currentN(), links);
    }

    static String upOrDown(double current, double baseline) {
        return current >= baseline ? "up" : "down";
    }
}
