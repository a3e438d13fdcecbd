package dev.sextant.ingest;

/** Longest value, in characters, of each kind of field of the wire format (the OTLP mapping applies the same). */
public final class FieldLimits {
    public static final int ID = 256;
    public static final int NAME = 1024;
    public static final int TEXT = 1024 * 1024;
    public static final int JSON = 256 * 1024;

    private FieldLimits() {}
}
