package dev.sextant.analytics.datasets;

import java.util.List;

/**
 * Distinct n-gram ratios (distinct-n: distinct n-grams over all n-grams, Li et al. 2016) for
 * n = 1, 2, 3 and the vocabulary, over the first {@code cap} words of the dataset. The n-grams are
 * kept as 64-bit hashes; the cap bounds memory (three sets of at most {@code cap} hashes).
 */
final class Diversity {
    private final int cap;
    private final LongLongMap unigrams = new LongLongMap();
    private final LongLongMap bigrams = new LongLongMap();
    private final LongLongMap trigrams = new LongLongMap();
    private long words;
    private long bigramCount;
    private long trigramCount;
    private boolean sampled;

    Diversity(int cap) {
        this.cap = cap;
    }

    void accept(List<String> recordWords) {
        long prev1 = 0;
        long prev2 = 0;
        for (int i = 0; i < recordWords.size(); i++) {
            if (words >= cap) {
                sampled = true;
                return;
            }
            long h = Hashes.of(recordWords.get(i));
            words++;
            unigrams.put(h, 1);
            if (i >= 1) {
                bigramCount++;
                bigrams.put(Hashes.combine(prev1, h), 1);
            }
            if (i >= 2) {
                trigramCount++;
                trigrams.put(Hashes.combine(Hashes.combine(prev2, prev1), h), 1);
            }
            prev2 = prev1;
            prev1 = h;
        }
    }

    /** distinct-2, the headline diversity figure (0 when there are no bigrams). */
    double distinct2() {
        return ratio(bigrams.size(), bigramCount);
    }

    DatasetReport.Diversity report() {
        double ttr = ratio(unigrams.size(), words);
        return new DatasetReport.Diversity(words, sampled, unigrams.size(), ttr, ttr, distinct2(),
                ratio(trigrams.size(), trigramCount));
    }

    private static double ratio(long distinct, long all) {
        return all == 0 ? 0 : Rounding.round4((double) distinct / all);
    }
}
