package dev.sextant.ingest;

import java.util.List;

/**
 * What happened to one batch: how many items were stored, and which were refused and why.
 * {@code accepted} counts every valid item, also repeats of one id that were merged.
 */
public record IngestResult(int accepted, List<Rejection> rejected) {

    public IngestResult {
        if (accepted < 0) {
            throw new IllegalArgumentException("accepted must not be negative, was " + accepted);
        }
        rejected = List.copyOf(rejected);
    }

    /** One refused item: its position in {@code batch}, its id when readable (else null), and why. */
    public record Rejection(int index, String id, String error) {}
}
