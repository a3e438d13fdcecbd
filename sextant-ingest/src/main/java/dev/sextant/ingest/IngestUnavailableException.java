package dev.sextant.ingest;

/**
 * The request could not be committed (HTTP 503): the store failed, the commit timed out, or
 * the service is closed. Sending the same batch again is safe: records are keyed by their ids.
 */
public class IngestUnavailableException extends IngestException {
    private static final long serialVersionUID = 1L;

    public IngestUnavailableException(String message) {
        super(message);
    }

    public IngestUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
