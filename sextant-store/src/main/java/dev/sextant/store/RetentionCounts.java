package dev.sextant.store;

/**
 * What a retention run removed: rows deleted per table, {@code payloads} the traces and spans
 * whose input and output were cleared, and {@code metrics} the training metric points deleted.
 */
public record RetentionCounts(long traces, long spans, long payloads, long scores, long sessions, long metrics) {
    public static final RetentionCounts NONE = new RetentionCounts(0, 0, 0, 0, 0, 0);

    /** Counts of a run that removed no training metric points. */
    public RetentionCounts(long traces, long spans, long payloads, long scores, long sessions) {
        this(traces, spans, payloads, scores, sessions, 0);
    }

    public boolean removedAnything() {
        return traces + spans + payloads + scores + sessions + metrics > 0;
    }
}
