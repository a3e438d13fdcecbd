package dev.sextant.ingest;

import java.time.Duration;

/**
 * The write queue is full (HTTP 429): nothing of the request was queued; send it again after
 * {@link #retryAfter()}. Nothing is ever dropped silently.
 */
public class IngestBusyException extends IngestException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public IngestBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
