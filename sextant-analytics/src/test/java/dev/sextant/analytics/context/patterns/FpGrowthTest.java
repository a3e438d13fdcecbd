package dev.sextant.analytics.context.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FpGrowthTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void countsEqualABruteForceCountOnRandomData(long seed) {
        Random random = new Random(seed);
        List<Transaction> transactions = randomTransactions(random, 20 + random.nextInt(60), 4 + random.nextInt(6));
        long minCount = 1 + random.nextInt(6);
        int maxLength = 1 + random.nextInt(4);

        FrequentItemsets mined = FpGrowth.mine(transactions, minCount, maxLength, 1_000_000);

        assertThat(mined.truncated()).isFalse();
        assertThat(asMap(mined.itemsets())).isEqualTo(bruteForce(transactions, minCount, maxLength));
    }

    @Test
    void transactionOrderDoesNotChangeTheItemsetsEvenWhenCapped() {
        Random random = new Random(42);
        List<Transaction> transactions = randomTransactions(random, 300, 10);
        List<Transaction> shuffled = new ArrayList<>(transactions);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(asMap(FpGrowth.mine(shuffled, 5, 3, 1_000_000).itemsets()))
                .isEqualTo(asMap(FpGrowth.mine(transactions, 5, 3, 1_000_000).itemsets()));
        FrequentItemsets capped = FpGrowth.mine(transactions, 5, 3, 40);
        assertThat(capped.truncated()).isTrue();
        assertThat(capped.itemsets()).hasSize(40);
        assertThat(asMap(FpGrowth.mine(shuffled, 5, 3, 40).itemsets())).isEqualTo(asMap(capped.itemsets()));
    }

    @Test
    void textbookExampleOfHanEtAl() {
        // the five transactions of Han, Pei and Yin (2000), table 1, minimum support 3
        List<Transaction> t = List.of(tx("f a c d g i m p", true), tx("a b c f l m o", false),
                tx("b f h j o", true), tx("b c k s p", false), tx("a f c e l p m n", true));

        Map<List<String>, List<Long>> mined = asMap(FpGrowth.mine(t, 3, 10, 1000).itemsets());

        assertThat(mined).hasSize(18);
        assertThat(mined.get(List.of("a", "c", "f", "m"))).containsExactly(3L, 2L);
        assertThat(mined.get(List.of("c", "p"))).containsExactly(3L, 2L);
        assertThat(mined.get(List.of("f"))).containsExactly(4L, 3L);
        assertThat(mined).doesNotContainKey(List.of("b", "f"));
    }

    private static Transaction tx(String items, boolean success) {
        return new Transaction(Set.of(items.split(" ")), success);
    }

    static List<Transaction> randomTransactions(Random random, int n, int items) {
        List<Transaction> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<String> set = new HashSet<>();
            for (int j = 0; j < items; j++) {
                // skewed item frequencies, so there are frequent and rare items
                if (random.nextDouble() < 0.7 / (1 + j * 0.3)) {
                    set.add("item" + j);
                }
            }
            out.add(new Transaction(set, random.nextBoolean()));
        }
        return out;
    }

    private static Map<List<String>, List<Long>> asMap(List<Itemset> itemsets) {
        Map<List<String>, List<Long>> out = new HashMap<>();
        for (Itemset x : itemsets) {
            assertThat(out.put(x.items(), List.of(x.count(), x.successes()))).as("mined twice: %s", x.items()).isNull();
        }
        return out;
    }

    private static Map<List<String>, List<Long>> bruteForce(List<Transaction> transactions, long minCount, int maxLength) {
        List<String> universe = transactions.stream().flatMap(t -> t.items().stream()).distinct().sorted().toList();
        Map<List<String>, List<Long>> out = new HashMap<>();
        for (long mask = 1; mask < (1L << universe.size()); mask++) {
            if (Long.bitCount(mask) > maxLength) {
                continue;
            }
            List<String> set = new ArrayList<>();
            for (int b = 0; b < universe.size(); b++) {
                if ((mask & (1L << b)) != 0) {
                    set.add(universe.get(b));
                }
            }
            long count = 0;
            long successes = 0;
            for (Transaction t : transactions) {
                if (t.items().containsAll(set)) {
                    count++;
                    successes += t.success() ? 1 : 0;
                }
            }
            if (count >= minCount) {
                out.put(set, List.of(count, successes));
            }
        }
        return out;
    }
}
