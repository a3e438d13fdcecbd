package dev.sextant.store.erasure;

/** Rows one erasure deleted, per table. */
public record ErasureCounts(long traces, long spans, long scores, long sessions) {
    public static final ErasureCounts NONE = new ErasureCounts(0, 0, 0, 0);

    public ErasureCounts plus(ErasureCounts other) {
        return new ErasureCounts(traces + other.traces, spans + other.spans, scores + other.scores,
                sessions + other.sessions);
    }

    public boolean removedAnything() {
        return traces + spans + scores + sessions > 0;
    }
}
