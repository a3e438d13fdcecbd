package dev.sextant.ingest;

/** Why a whole ingest request was refused. Messages are written for a person: what, where, why. */
public class IngestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
