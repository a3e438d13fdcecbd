package dev.sextant.store;

import java.time.Instant;

/**
 * What one retention run removes: data older than each instant; a null instant keeps that kind.
 * {@code traces} removes traces started before it with their spans and scores (and sessions
 * that ended before it); {@code payloads} clears input and output of traces and spans started
 * before it; {@code scores} removes scores created before it; {@code metrics} removes training
 * metric points logged before it (a point stored without a time counts from its run's start).
 */
public record RetentionCutoffs(Instant traces, Instant payloads, Instant scores, Instant metrics) {

    /** Cutoffs that keep every training metric point. */
    public RetentionCutoffs(Instant traces, Instant payloads, Instant scores) {
        this(traces, payloads, scores, null);
    }

    public boolean keepsEverything() {
        return traces == null && payloads == null && scores == null && metrics == null;
    }
}
