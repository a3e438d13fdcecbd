package dev.sextant.ingest;

/** Longest value, in characters, of each kind of field of the wire format. */
final class FieldLimits {
    static final int ID = 256;
    static final int NAME = 1024;
    static final int TEXT = 1024 * 1024;
    static final int JSON = 256 * 1024;

    private FieldLimits() {}
}
