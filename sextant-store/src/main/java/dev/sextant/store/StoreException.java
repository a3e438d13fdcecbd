package dev.sextant.store;

/** The database failed; the operation did not take effect (a write was rolled back). */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
