package dev.sextant.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * Counts the bytes read and throws {@link BodyTooLargeException} as soon as the body is longer
 * than the limit, so an oversize body is never read to its end. Public for the other front ends
 * (OTLP puts one after its gzip inflater, so a zip bomb stops at the limit).
 */
public final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private final LongFunction<? extends RuntimeException> tooLarge;
    private long count;

    public LimitedInputStream(InputStream in, long limit) {
        this(in, limit, BodyTooLargeException::new);
    }

    /** With the exception to throw over the limit (given the limit), for front ends that word it their own way. */
    public LimitedInputStream(InputStream in, long limit, LongFunction<? extends RuntimeException> tooLarge) {
        super(in);
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw tooLarge.apply(limit);
        }
    }
}
