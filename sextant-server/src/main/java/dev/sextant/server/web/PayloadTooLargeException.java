package dev.sextant.server.web;

/** The request announced a body larger than this server accepts; rejected before reading it. */
public class PayloadTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long contentLength, long limitBytes) {
        super("the request body is " + contentLength + " bytes (Content-Length), over the limit of "
                + limitBytes + " bytes; split the batch into smaller requests");
    }
}
