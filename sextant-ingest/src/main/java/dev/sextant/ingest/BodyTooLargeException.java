package dev.sextant.ingest;

/** The request body is longer than the configured limit (HTTP 413); no item of it was stored. */
public class BodyTooLargeException extends IngestException {
    private static final long serialVersionUID = 1L;

    private final long limitBytes;

    public BodyTooLargeException(long limitBytes) {
        super("request body is larger than the limit of " + limitBytes + " bytes; split the batch into smaller ones");
        this.limitBytes = limitBytes;
    }

    /** For the other front ends that read bodies (training log imports), with their own wording. */
    protected BodyTooLargeException(long limitBytes, String message) {
        super(message);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
