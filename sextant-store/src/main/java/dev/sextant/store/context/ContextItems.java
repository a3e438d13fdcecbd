package dev.sextant.store.context;

import java.util.List;
import java.util.Objects;

/**
 * The whole context of one trace or session as sent with it: storing it replaces every item the
 * record had before (an empty list clears them).
 */
public record ContextItems(ContextOwner owner, String ownerId, List<ContextItem> items) {
    public ContextItems {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(ownerId, "ownerId");
        items = List.copyOf(items);
    }
}
