package dev.sextant.analytics.hpo;

import java.util.SplittableRandom;

/** The random source of one suggestion: fixed by the study's seed and how many trials it has. */
final class Seeds {
    private Seeds() {}

    static SplittableRandom of(long studySeed, long trialCount, long salt) {
        long h = studySeed * 0x9E3779B97F4A7C15L + trialCount;
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + salt;
        return new SplittableRandom(h ^ (h >>> 29));
    }

    static double[] uniform(SplittableRandom random, int d) {
        double[] u = new double[d];
        for (int i = 0; i < d; i++) {
            u[i] = random.nextDouble();
        }
        return u;
    }
}
