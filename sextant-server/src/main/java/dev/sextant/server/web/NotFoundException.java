package dev.sextant.server.web;

/**
 * The caller's workspace has no such record. A record of another workspace is reported exactly
 * like one that does not exist.
 */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' does not exist in this workspace");
    }
}
