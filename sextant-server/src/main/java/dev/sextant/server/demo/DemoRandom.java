package dev.sextant.server.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random draws the demo stories need, on a seeded {@link SplittableRandom} so that the same
 * seed always yields the same data (SplittableRandom's algorithm is fixed by its specification,
 * so the demo is also the same across JDK versions; the Gaussian is drawn here by Box-Muller for
 * the same reason).
 */
final class DemoRandom {
    private final SplittableRandom random;

    DemoRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int between(int fromInclusive, int toInclusive) {
        return random.nextInt(fromInclusive, toInclusive + 1);
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Picks an index with probability proportional to its weight. */
    int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    double gaussian() {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log(u1) is finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** A log-normal draw: latencies and token counts have a long right tail around a median. */
    double logNormal(double median, double sigma) {
        return median * Math.exp(sigma * gaussian());
    }

    /** A log-normal draw rounded and clamped to [min, max]. */
    long logNormal(double median, double sigma, long min, long max) {
        return Math.clamp(Math.round(logNormal(median, sigma)), min, max);
    }

    /** A normal draw clamped to [min, max] and rounded to three decimals, e.g. a confidence. */
    double normal(double mean, double sd, double min, double max) {
        return Math.round(Math.clamp(mean + sd * gaussian(), min, max) * 1000) / 1000.0;
    }

    /** Poisson-distributed count (Knuth; the demo's rates are small). */
    int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}
