package dev.sextant.server.datasets;

/** The request body could not be read to its end (the client went away); the dataset is marked failed. */
final class BrokenUploadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BrokenUploadException(String message, Throwable cause) {
        super(message, cause);
    }
}
