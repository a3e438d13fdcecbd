package dev.sextant.analytics.context.patterns;

import java.util.Objects;
import java.util.Set;

/**
 * What the miner keeps: itemsets held by at least {@code minSupport} of the transactions (and never
 * fewer than {@link #MIN_SUPPORT_COUNT}), of at most {@code maxLength} items, and rules whose
 * confidence is at least {@code minConfidence}, for the {@code outcomes} asked. The work is capped
 * at {@code maxItemsets} frequent itemsets (the caller caps the transactions it reads).
 */
public record PatternSettings(double minSupport, double minConfidence, int maxLength, Set<PatternOutcome> outcomes,
        int maxItemsets) {
    public static final double DEFAULT_MIN_SUPPORT = 0.02;
    public static final double DEFAULT_MIN_CONFIDENCE = 0.6;
    public static final int DEFAULT_MAX_LENGTH = 3;
    public static final int MAX_LENGTH = 5;
    public static final int DEFAULT_MAX_ITEMSETS = 20_000;
    /** An itemset seen in fewer transactions is never a pattern, whatever the fraction says. */
    public static final long MIN_SUPPORT_COUNT = 10;
    /** Benjamini–Hochberg level: a rule is kept when its q-value is at most this. */
    public static final double MAX_Q = 0.05;

    public PatternSettings {
        if (!(minSupport > 0 && minSupport <= 1)) {
            throw new IllegalArgumentException("min_support must be greater than 0 and at most 1, was " + minSupport);
        }
        if (!(minConfidence > 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("min_confidence must be greater than 0 and at most 1, was " + minConfidence);
        }
        if (maxLength < 1 || maxLength > MAX_LENGTH) {
            throw new IllegalArgumentException("max_length must be between 1 and " + MAX_LENGTH + ", was " + maxLength);
        }
        outcomes = Set.copyOf(Objects.requireNonNull(outcomes, "outcomes"));
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("outcomes must name success, failure or both");
        }
        if (maxItemsets < 1) {
            throw new IllegalArgumentException("maxItemsets must be at least 1, was " + maxItemsets);
        }
    }

    public static PatternSettings defaults() {
        return new PatternSettings(DEFAULT_MIN_SUPPORT, DEFAULT_MIN_CONFIDENCE, DEFAULT_MAX_LENGTH,
                Set.of(PatternOutcome.values()), DEFAULT_MAX_ITEMSETS);
    }

    /** The smallest number of transactions an itemset must be in, out of {@code transactions}. */
    public long minCount(long transactions) {
        return Math.max(MIN_SUPPORT_COUNT, (long) Math.ceil(minSupport * transactions - 1e-9));
    }
}
