package dev.sextant.store;

import java.time.Instant;

/**
 * What one retention run removes: data older than each instant; a null instant keeps that kind.
 * {@code traces} removes traces started before it with their spans and scores (and sessions
 * that ended before it); {@code payloads} clears input and output of traces and spans started
 * before it; {@code scores} removes scores created before it.
 */
public record RetentionCutoffs(Instant traces, Instant payloads, Instant scores) {

    public boolean keepsEverything() {
        return traces == null && payloads == null && scores == null;
    }
}
