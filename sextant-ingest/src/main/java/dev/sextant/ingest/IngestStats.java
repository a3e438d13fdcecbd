package dev.sextant.ingest;

/**
 * Counters of the ingest path since start: items waiting for or in a commit, items and commits
 * done, and requests refused because the queue was full.
 */
public record IngestStats(long queuedItems, long committedItems, long commits, long rejectedBusy) {}
