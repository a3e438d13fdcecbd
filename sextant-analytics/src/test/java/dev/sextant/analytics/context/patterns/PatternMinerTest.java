package dev.sextant.analytics.context.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatternMinerTest {
    private static final PatternSettings FAILURES = new PatternSettings(0.02, 0.6, 3, Set.of(PatternOutcome.FAILURE),
            PatternSettings.DEFAULT_MAX_ITEMSETS);

    @Test
    void findsThePlantedPairAndNothingElse() {
        List<Transaction> transactions = ContextTransactions.of(PlantedContexts.generate(8, 4000, true));

        PatternReport report = PatternMiner.mine(transactions, PatternSettings.defaults());

        assertThat(report.transactions()).isEqualTo(4000);
        assertThat(report.minSupportCount()).isEqualTo(80);
        assertThat(1 - report.successRate()).isCloseTo(0.3, within(0.025));
        // each item alone fails at about the baseline rate
        assertThat(failureRate(transactions, "channel=email")).isCloseTo(0.3, within(0.04));
        assertThat(failureRate(transactions, "locale=de")).isCloseTo(0.3, within(0.04));
        assertThat(report.rules()).hasSize(1);
        PatternRule rule = report.rules().getFirst();
        assertThat(rule.items()).containsExactly("channel=email", "locale=de");
        assertThat(rule.outcome()).isEqualTo(PatternOutcome.FAILURE);
        long pair = transactions.stream().filter(t -> t.items().containsAll(rule.items())).count();
        long pairFailures = transactions.stream().filter(t -> t.items().containsAll(rule.items()) && !t.success())
                .count();
        assertThat(rule.support()).isEqualTo(pair).isBetween(200L, 300L);
        assertThat(rule.supportFraction()).isEqualTo(pair / 4000.0);
        assertThat(rule.outcomeCount()).isEqualTo(pairFailures);
        assertThat(rule.confidence()).isEqualTo(pairFailures / (double) pair).isCloseTo(0.8, within(0.06));
        assertThat(rule.confidenceLow()).isLessThan(0.8);
        assertThat(rule.confidenceHigh()).isGreaterThan(0.8);
        assertThat(rule.lift()).isCloseTo(rule.confidence() / (1 - report.successRate()), within(1e-12))
                .isGreaterThan(2.2);
        assertThat(rule.q()).isLessThan(1e-20).isGreaterThanOrEqualTo(rule.p());
        assertThat(report.itemsetsTruncated()).isFalse();
        // the extensions (email, de, task) are as confident as the pair, so they are redundant
        assertThat(report.itemsetsTested()).isGreaterThan(30);
    }

    @Test
    void onlyTheOutcomeAskedFor() {
        List<Transaction> transactions = ContextTransactions.of(PlantedContexts.generate(8, 4000, true));

        assertThat(PatternMiner.mine(transactions, FAILURES).rules()).hasSize(1);
        PatternSettings successes = new PatternSettings(0.02, 0.6, 3, Set.of(PatternOutcome.SUCCESS), 20_000);
        assertThat(PatternMiner.mine(transactions, successes).rules()).isEmpty();
    }

    @Test
    void noSignalNoRules() {
        for (long seed = 1; seed <= 3; seed++) {
            List<Transaction> transactions = ContextTransactions.of(PlantedContexts.generate(seed, 4000, false));

            PatternReport report = PatternMiner.mine(transactions, PatternSettings.defaults());

            assertThat(report.rules()).as("seed %d", seed).isEmpty();
            assertThat(report.itemsetsTested()).isGreaterThan(30);
        }
    }

    @Test
    void transactionOrderDoesNotChangeTheAnswer() {
        List<Transaction> transactions = ContextTransactions.of(PlantedContexts.generate(8, 4000, true));
        List<Transaction> shuffled = new ArrayList<>(transactions);
        Collections.shuffle(shuffled, new Random(3));

        assertThat(PatternMiner.mine(shuffled, PatternSettings.defaults()))
                .isEqualTo(PatternMiner.mine(transactions, PatternSettings.defaults()));
    }

    @Test
    void anExtensionNoMoreConfidentThanItsSubItemsetIsDropped() {
        // "a" fails 80% of the time; "b" is a coin flip unrelated to the outcome
        Random random = new Random(5);
        List<Transaction> transactions = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            boolean a = random.nextDouble() < 0.3;
            Set<String> items = random.nextBoolean() ? (a ? Set.of("a", "b") : Set.of("b")) : (a ? Set.of("a") : Set.of());
            transactions.add(new Transaction(items, random.nextDouble() >= (a ? 0.8 : 0.2)));
        }

        PatternReport report = PatternMiner.mine(transactions, FAILURES);

        assertThat(report.rules()).extracting(PatternRule::items).containsExactly(List.of("a"));
    }

    @Test
    void theItemsetCapIsReported() {
        List<Transaction> transactions = ContextTransactions.of(PlantedContexts.generate(8, 4000, true));
        PatternSettings capped = new PatternSettings(0.02, 0.6, 3, Set.of(PatternOutcome.FAILURE), 10);

        PatternReport report = PatternMiner.mine(transactions, capped);

        assertThat(report.itemsetsTruncated()).isTrue();
        assertThat(report.itemsetsTested()).isEqualTo(10);
    }

    @Test
    void absoluteSupportFloorAndNoTransactions() {
        assertThat(PatternSettings.defaults().minCount(100)).isEqualTo(10);
        assertThat(PatternSettings.defaults().minCount(4000)).isEqualTo(80);
        assertThat(PatternSettings.defaults().minCount(4001)).isEqualTo(81);
        PatternReport empty = PatternMiner.mine(List.of(), PatternSettings.defaults());
        assertThat(empty.rules()).isEmpty();
        assertThat(empty.itemsetsTested()).isZero();
    }

    @Test
    void settingsAreValidated() {
        assertThatThrownBy(() -> new PatternSettings(0, 0.6, 3, Set.of(PatternOutcome.SUCCESS), 10))
                .hasMessage("min_support must be greater than 0 and at most 1, was 0.0");
        assertThatThrownBy(() -> new PatternSettings(0.1, 1.5, 3, Set.of(PatternOutcome.SUCCESS), 10))
                .hasMessage("min_confidence must be greater than 0 and at most 1, was 1.5");
        assertThatThrownBy(() -> new PatternSettings(0.1, 0.6, 6, Set.of(PatternOutcome.SUCCESS), 10))
                .hasMessage("max_length must be between 1 and 5, was 6");
        assertThatThrownBy(() -> new PatternSettings(0.1, 0.6, 3, Set.of(), 10))
                .hasMessage("outcomes must name success, failure or both");
    }

    private static double failureRate(List<Transaction> transactions, String item) {
        return transactions.stream().filter(t -> t.items().contains(item)).mapToDouble(t -> t.success() ? 0 : 1)
                .average().orElseThrow();
    }
}
