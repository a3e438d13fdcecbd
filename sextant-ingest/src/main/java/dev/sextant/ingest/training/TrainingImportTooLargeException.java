package dev.sextant.ingest.training;

import dev.sextant.ingest.BodyTooLargeException;

/** The file is longer than {@link ImportLimits#maxBytes()} (HTTP 413); reading stopped at the limit. */
public class TrainingImportTooLargeException extends BodyTooLargeException {
    private static final long serialVersionUID = 1L;

    public TrainingImportTooLargeException(long limitBytes) {
        super(limitBytes, "the training log is larger than the import limit of " + limitBytes
                + " bytes; split it, or raise the limit");
    }
}
