package dev.sextant.server.datasets;

/** A dataset upload is, or claims to be, larger than {@code sextant.datasets.max-upload-bytes} (413). */
final class UploadTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long limitBytes;
    private final String datasetId;

    UploadTooLargeException(String message, long limitBytes, String datasetId) {
        super(message);
        this.limitBytes = limitBytes;
        this.datasetId = datasetId;
    }

    long limitBytes() {
        return limitBytes;
    }

    /** The dataset marked failed, or null when none was touched. */
    String datasetId() {
        return datasetId;
    }

    UploadTooLargeException of(String id) {
        return new UploadTooLargeException(getMessage(), limitBytes, id);
    }

    static UploadTooLargeException declared(long contentLength, long limit) {
        return new UploadTooLargeException("the dataset is " + contentLength + " bytes (Content-Length), over the limit of "
                + limit + " bytes (sextant.datasets.max-upload-bytes); nothing was read", limit, null);
    }

    static UploadTooLargeException crossed(long limit) {
        return new UploadTooLargeException("the dataset is over the limit of " + limit
                + " bytes (sextant.datasets.max-upload-bytes); reading stopped there and the dataset is marked failed", limit, null);
    }
}
