package dev.sextant.store;

/** A write clashed with an existing record (a taken slug, a duplicate id). */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
