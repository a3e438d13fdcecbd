package dev.sextant.ingest.training;

import dev.sextant.ingest.MalformedBodyException;

/**
 * The file cannot be imported at all (HTTP 400): empty, not the format it was said to be, no
 * step column, not one readable line. Thrown after a sink may already have received points:
 * discard them (roll back) when this is thrown.
 */
public class TrainingImportException extends MalformedBodyException {
    private static final long serialVersionUID = 1L;

    public TrainingImportException(String message) {
        super(message);
    }

    public TrainingImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
