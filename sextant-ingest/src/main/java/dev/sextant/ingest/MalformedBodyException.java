package dev.sextant.ingest;

/** The request body cannot be read as a batch at all (HTTP 400); no item of it was stored. */
public class MalformedBodyException extends IngestException {
    private static final long serialVersionUID = 1L;

    public MalformedBodyException(String message) {
        super(message);
    }

    public MalformedBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
