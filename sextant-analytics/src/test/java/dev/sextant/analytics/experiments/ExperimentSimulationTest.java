package dev.sextant.analytics.experiments;

import static dev.sextant.analytics.experiments.ExperimentUnits.NO_TOTALS;
import static dev.sextant.analytics.experiments.ExperimentUnits.START;
import static dev.sextant.analytics.experiments.ExperimentUnits.plan;
import static dev.sextant.analytics.experiments.ExperimentUnits.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.experiments.ExperimentVerdict.Kind;
import dev.sextant.store.ExperimentUnitOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Why the verdict uses the sequential test: seeded simulated experiments looked at every day for
 * {@value #DAYS} days, as people do. In A/A experiments (no effect) the verdict must declare a winner
 * in at most α of them, up to sampling slack; the fixed-horizon test peeked at daily declares far
 * more. With a planted effect the verdict must find it.
 */
class ExperimentSimulationTest {
    private static final int DAYS = 30;
    private static final int UNITS_PER_DAY = 40;
    private static final double ALPHA = 0.05;

    /** Outcome of one simulated experiment peeked at daily. */
    private record Peeked(boolean verdictWinner, String winner, boolean naiveDeclared) {
    }

    /**
     * One experiment of {@value #UNITS_PER_DAY} units a day, each with 1 to 3 traces succeeding at its
     * variant's rate, analysed at the end of every day on everything first exposed so far. The
     * verdict counts when it ever names a winner; the naive test when its fixed-horizon p-value is
     * ever below α once both variants have their minimum sample.
     */
    private static Peeked simulate(long seed, double rateA, double rateB) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ExperimentUnitOutcome> units = new ArrayList<>();
        boolean naive = false;
        String winner = null;
        for (int day = 0; day < DAYS; day++) {
            for (int i = 0; i < UNITS_PER_DAY; i++) {
                boolean b = random.nextBoolean();
                int traces = 1 + random.nextInt(3);
                double rate = b ? rateB : rateA;
                int successes = 0;
                for (int t = 0; t < traces; t++) {
                    successes += random.nextDouble() < rate ? 1 : 0;
                }
                units.add(unit(b ? "B" : "A", day + "-" + i, day, traces, successes));
            }
            ExperimentPlan plan = plan(List.of(ExperimentMetric.SUCCESS_RATE), List.of(), 100, null,
                    START.plus(Duration.ofDays(day + 1)));
            ExperimentResult r = ExperimentAnalysis.analyse(plan, units, NO_TOTALS);
            MetricComparison primary = r.comparisons().get(0);
            boolean sampled = r.variants().stream().allMatch(v -> v.units() >= 100);
            naive |= sampled && primary.pValue() != null && primary.pValue() < ALPHA;
            if (winner == null && r.verdict().kind() == Kind.WINNER) {
                winner = r.verdict().winner();
            }
        }
        return new Peeked(winner != null, winner, naive);
    }

    @Test
    void aaExperimentsPeekedDailyKeepTheFalsePositiveRateAtAlpha() {
        int runs = 500;
        int verdictWins = 0;
        int naiveWins = 0;
        for (int s = 0; s < runs; s++) {
            Peeked p = simulate(1000 + s, 0.5, 0.5);
            verdictWins += p.verdictWinner() ? 1 : 0;
            naiveWins += p.naiveDeclared() ? 1 : 0;
        }
        // one-sided 99% upper bound of a binomial share with mean α over 500 runs:
        // α + 2.326·√(α(1 − α)/500) = 0.05 + 2.326·0.00975 = 0.0727
        double slack = 2.326 * Math.sqrt(ALPHA * (1 - ALPHA) / runs);
        double verdictRate = verdictWins / (double) runs;
        double naiveRate = naiveWins / (double) runs;
        System.out.printf("A/A over %d runs peeked daily: verdict winner %.3f, naive fixed-horizon %.3f%n", runs,
                verdictRate, naiveRate);
        assertThat(verdictRate).as("sequential verdict false-positive rate").isLessThanOrEqualTo(ALPHA + slack);
        assertThat(naiveRate).as("fixed-horizon test peeked daily").isGreaterThan(ALPHA + slack);
    }

    @Test
    void aPlantedEffectIsFound() {
        int runs = 100;
        int found = 0;
        for (int s = 0; s < runs; s++) {
            Peeked p = simulate(5000 + s, 0.5, 0.6);
            found += p.verdictWinner() && "B".equals(p.winner()) ? 1 : 0;
        }
        System.out.printf("planted effect 0.5 -> 0.6: B declared the winner in %d of %d runs%n", found, runs);
        assertThat(found).as("experiments where B was declared the winner within %d days", DAYS)
                .isGreaterThanOrEqualTo(80);
    }
}
