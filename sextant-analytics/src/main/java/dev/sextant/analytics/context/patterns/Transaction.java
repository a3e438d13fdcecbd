package dev.sextant.analytics.context.patterns;

import java.util.Objects;
import java.util.Set;

/** One interaction as the miner sees it: the items of its context and whether it succeeded. */
public record Transaction(Set<String> items, boolean success) {
    public Transaction {
        items = Set.copyOf(Objects.requireNonNull(items, "items"));
    }
}
