package dev.sextant.server.export;

import dev.sextant.store.ExportSink;

/**
 * An export sink that writes a file format to a stream. Write failures (the client went away)
 * are {@link java.io.UncheckedIOException}s, which stop the store's export.
 */
interface RowWriter extends ExportSink, AutoCloseable {

    /** Flushes what is buffered and ends the file; does not close the underlying stream. */
    @Override
    void close();
}
