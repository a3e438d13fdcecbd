package dev.sextant.analytics.context.patterns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frequent itemsets by FP-Growth (Han, Pei and Yin, "Mining frequent patterns without candidate
 * generation", SIGMOD 2000), written here because the maintained Java implementations (SPMF,
 * Smile) are GPL-licensed and cannot ship in this Apache-licensed project.
 *
 * <p>The transactions are compressed into a prefix tree of their frequent items, most frequent
 * first; the itemsets ending in an item are then mined from that item's conditional pattern base
 * (the tree paths above its nodes), recursively, without generating candidates. Each tree node
 * carries, beside its count, the number of successful transactions through it, so one pass yields
 * the support and the success count of every itemset. All frequent itemsets up to
 * {@code maxLength} items are returned (not only closed ones: the rule filter needs the
 * sub-itemsets' confidences).
 *
 * <p>Deterministic: items are ranked by count, ties by name, so the tree, the mining order and,
 * when the {@code maxItemsets} cap stops the mining, the itemsets found do not depend on the order
 * of the transactions.
 */
public final class FpGrowth {
    private static final Comparator<Map.Entry<String, long[]>> RANK =
            Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparing(Map.Entry::getKey);

    private final long minCount;
    private final int maxLength;
    private final int maxItemsets;
    private final List<Itemset> found = new ArrayList<>();
    private boolean truncated;

    private FpGrowth(long minCount, int maxLength, int maxItemsets) {
        this.minCount = minCount;
        this.maxLength = maxLength;
        this.maxItemsets = maxItemsets;
    }

    /**
     * Every itemset of at most {@code maxLength} items held by at least {@code minCount}
     * transactions, stopping after {@code maxItemsets} of them.
     */
    public static FrequentItemsets mine(List<Transaction> transactions, long minCount, int maxLength, int maxItemsets) {
        if (minCount < 1 || maxLength < 1 || maxItemsets < 1) {
            throw new IllegalArgumentException("minCount, maxLength and maxItemsets must be at least 1, were "
                    + minCount + ", " + maxLength + ", " + maxItemsets);
        }
        List<Path> base = new ArrayList<>(transactions.size());
        for (Transaction t : transactions) {
            base.add(new Path(List.copyOf(t.items()), 1, t.success() ? 1 : 0));
        }
        FpGrowth miner = new FpGrowth(minCount, maxLength, maxItemsets);
        miner.grow(base, List.of());
        return new FrequentItemsets(miner.found, miner.truncated);
    }

    /** Mines the itemsets that extend {@code suffix} from its conditional pattern base. */
    private void grow(List<Path> base, List<String> suffix) {
        Tree tree = Tree.of(base, minCount);
        List<String> order = tree.order();
        for (int i = order.size() - 1; i >= 0 && !truncated; i--) {
            String item = order.get(i);
            List<Node> nodes = tree.header().get(item);
            long count = 0;
            long successes = 0;
            List<Path> conditional = new ArrayList<>();
            for (Node node : nodes) {
                count += node.count;
                successes += node.successes;
                List<String> above = new ArrayList<>();
                for (Node n = node.parent; n.item != null; n = n.parent) {
                    above.add(n.item);
                }
                if (!above.isEmpty()) {
                    conditional.add(new Path(above, node.count, node.successes));
                }
            }
            List<String> itemset = new ArrayList<>(suffix.size() + 1);
            itemset.addAll(suffix);
            itemset.add(item);
            found.add(new Itemset(itemset.stream().sorted().toList(), count, successes));
            if (found.size() >= maxItemsets) {
                truncated = true;
                return;
            }
            if (itemset.size() < maxLength && !conditional.isEmpty()) {
                grow(conditional, itemset);
            }
        }
    }

    /** A transaction, or a prefix path of a conditional pattern base, with its weight. */
    private record Path(List<String> items, long count, long successes) {}

    private static final class Node {
        final String item;
        final Node parent;
        final Map<String, Node> children = new HashMap<>();
        long count;
        long successes;

        Node(String item, Node parent) {
            this.item = item;
            this.parent = parent;
        }
    }

    /** The FP-tree: a prefix tree of the frequent items, ranked, with each item's nodes. */
    private record Tree(List<String> order, Map<String, List<Node>> header) {
        static Tree of(List<Path> base, long minCount) {
            Map<String, long[]> totals = new HashMap<>();
            for (Path p : base) {
                for (String item : p.items()) {
                    totals.computeIfAbsent(item, k -> new long[1])[0] += p.count();
                }
            }
            List<String> order = totals.entrySet().stream().filter(e -> e.getValue()[0] >= minCount).sorted(RANK)
                    .map(Map.Entry::getKey).toList();
            Map<String, Integer> rank = new HashMap<>();
            Map<String, List<Node>> header = new LinkedHashMap<>();
            for (String item : order) {
                rank.put(item, rank.size());
                header.put(item, new ArrayList<>());
            }
            Node root = new Node(null, null);
            for (Path p : base) {
                List<String> items = p.items().stream().filter(rank::containsKey).sorted(Comparator.comparing(rank::get))
                        .toList();
                Node at = root;
                for (String item : items) {
                    Node parent = at;
                    at = parent.children.computeIfAbsent(item, k -> {
                        Node n = new Node(k, parent);
                        header.get(k).add(n);
                        return n;
                    });
                    at.count += p.count();
                    at.successes += p.successes();
                }
            }
            return new Tree(order, header);
        }
    }
}
