package dev.sextant.sdk;

/**
 * The exporter's counters since the client was built, in records (traces, spans, scores,
 * session updates): {@code queued} accepted into the queue, {@code sent} stored by the server,
 * {@code dropped} never queued (queue full or client closed) or left behind at close,
 * {@code failed} given up on (refused by the server, or retries exhausted), {@code retries}
 * POSTs sent again, {@code pending} waiting in the queue right now.
 */
public record Stats(long queued, long sent, long dropped, long failed, long retries, int pending) {}
