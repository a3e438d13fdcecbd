package dev.sextant.server.datasets;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read and stops with {@link UploadTooLargeException} at the first byte past the limit. */
final class CappedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    CappedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
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
        // never ask for more than one byte past the limit, so crossing it reads no further
        int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, limit - count + 1)));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, limit - count + 1));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long count() {
        return count;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw UploadTooLargeException.crossed(limit);
        }
    }
}
