package dev.sextant.analytics.context.patterns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * of the transactions. Items are numbered in name order and handled as ints; at the last level
 * ({@code maxLength} items) the conditional base is only counted, no tree is built for it.
 */
public final class FpGrowth {
    private final String[] names;
    private final long minCount;
    private final int maxLength;
    private final int maxItemsets;
    private final List<Itemset> found = new ArrayList<>();
    private boolean truncated;

    private FpGrowth(String[] names, long minCount, int maxLength, int maxItemsets) {
        this.names = names;
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
        String[] names = transactions.stream().flatMap(t -> t.items().stream()).distinct().sorted().toArray(String[]::new);
        Map<String, Integer> ids = new HashMap<>();
        for (String name : names) {
            ids.put(name, ids.size());
        }
        List<Path> base = new ArrayList<>(transactions.size());
        for (Transaction t : transactions) {
            int[] items = t.items().stream().mapToInt(ids::get).toArray();
            base.add(new Path(items, 1, t.success() ? 1 : 0));
        }
        FpGrowth miner = new FpGrowth(names, minCount, maxLength, maxItemsets);
        miner.grow(base, new int[0]);
        return new FrequentItemsets(miner.found, miner.truncated);
    }

    /** Mines the itemsets that extend {@code suffix} from its conditional pattern base. */
    private void grow(List<Path> base, int[] suffix) {
        long[] counts = new long[names.length];
        long[] successes = new long[names.length];
        for (Path p : base) {
            for (int item : p.items()) {
                counts[item] += p.count();
                successes[item] += p.successes();
            }
        }
        int[] order = rank(counts);
        if (suffix.length + 1 == maxLength) {
            for (int i = order.length - 1; i >= 0 && !truncated; i--) {
                emit(suffix, order[i], counts[order[i]], successes[order[i]]);
            }
            return;
        }
        List<List<Node>> header = Tree.build(base, order, names.length);
        for (int i = order.length - 1; i >= 0 && !truncated; i--) {
            int item = order[i];
            List<Path> conditional = new ArrayList<>();
            for (Node node : header.get(i)) {
                int depth = 0;
                for (Node n = node.parent; n.item >= 0; n = n.parent) {
                    depth++;
                }
                if (depth > 0) {
                    int[] above = new int[depth];
                    int k = 0;
                    for (Node n = node.parent; n.item >= 0; n = n.parent) {
                        above[k++] = n.item;
                    }
                    conditional.add(new Path(above, node.count, node.successes));
                }
            }
            int[] itemset = emit(suffix, item, counts[item], successes[item]);
            if (!truncated && !conditional.isEmpty()) {
                grow(conditional, itemset);
            }
        }
    }

    private int[] emit(int[] suffix, int item, long count, long successes) {
        int[] itemset = Arrays.copyOf(suffix, suffix.length + 1);
        itemset[suffix.length] = item;
        int[] sorted = itemset.clone();
        Arrays.sort(sorted);
        found.add(new Itemset(Arrays.stream(sorted).mapToObj(i -> names[i]).toList(), count, successes));
        truncated = found.size() >= maxItemsets;
        return itemset;
    }

    /** The items held at least {@code minCount} times, most frequent first, ties by name. */
    private int[] rank(long[] counts) {
        return java.util.stream.IntStream.range(0, counts.length).filter(i -> counts[i] >= minCount).boxed()
                .sorted((a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    /** A transaction, or a prefix path of a conditional pattern base, with its weight. */
    private record Path(int[] items, long count, long successes) {}

    private static final class Node {
        final int item;
        final Node parent;
        final Map<Integer, Node> children = new HashMap<>(4);
        long count;
        long successes;

        Node(int item, Node parent) {
            this.item = item;
            this.parent = parent;
        }
    }

    /** The FP-tree: a prefix tree of the frequent items in rank order; returns each ranked item's nodes. */
    private static final class Tree {
        static List<List<Node>> build(List<Path> base, int[] order, int universe) {
            int[] rankOf = new int[universe];
            Arrays.fill(rankOf, -1);
            List<List<Node>> header = new ArrayList<>(order.length);
            for (int r = 0; r < order.length; r++) {
                rankOf[order[r]] = r;
                header.add(new ArrayList<>());
            }
            Node root = new Node(-1, null);
            int[] ranks = new int[universe];
            for (Path p : base) {
                int size = 0;
                for (int item : p.items()) {
                    if (rankOf[item] >= 0) {
                        ranks[size++] = rankOf[item];
                    }
                }
                Arrays.sort(ranks, 0, size);
                Node at = root;
                for (int j = 0; j < size; j++) {
                    int r = ranks[j];
                    Node parent = at;
                    at = parent.children.get(r);
                    if (at == null) {
                        at = new Node(order[r], parent);
                        parent.children.put(r, at);
                        header.get(r).add(at);
                    }
                    at.count += p.count();
                    at.successes += p.successes();
                }
            }
            return header;
        }
    }
}
