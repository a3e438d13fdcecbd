package dev.sextant.server.datasets;

/** The upload's Content-Type is not one a dataset can have, or does not fit its format (415). */
final class UnsupportedDatasetTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedDatasetTypeException(String message) {
        super(message);
    }
}
