package dev.sextant.server.datasets;

/** A dataset upload is, or claims to be, larger than {@code sextant.datasets.max-upload-bytes} (413). */
final class UploadTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long limitBytes;

    UploadTooLargeException(String message, long limitBytes) {
        super(message);
        this.limitBytes = limitBytes;
    }

    long limitBytes() {
        return limitBytes;
    }

    static UploadTooLargeException declared(long contentLength, long limit) {
        return new UploadTooLargeException("the dataset is " + contentLength + " bytes (Content-Length), over the limit of "
                + limit + " bytes (sextant.datasets.max-upload-bytes); nothing was read", limit);
    }

    static UploadTooLargeException crossed(long limit) {
        return new UploadTooLargeException("the dataset is over the limit of " + limit
                + " bytes (sextant.datasets.max-upload-bytes); reading stopped there and the dataset is marked failed", limit);
    }
}
