package dev.sextant.store;

/**
 * What a retention run removed: rows deleted per table, and {@code payloads} the traces and
 * spans whose input and output were cleared.
 */
public record RetentionCounts(long traces, long spans, long payloads, long scores, long sessions) {
    public static final RetentionCounts NONE = new RetentionCounts(0, 0, 0, 0, 0);

    public boolean removedAnything() {
        return traces + spans + payloads + scores + sessions > 0;
    }
}
