package dev.sextant.cost;

/** A price catalog that cannot be used: unreadable JSON or an entry that breaks a rule. */
public final class InvalidPriceCatalogException extends RuntimeException {

    public InvalidPriceCatalogException(String message) {
        super(message);
    }

    public InvalidPriceCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
