package dev.sextant.analytics.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a byte stream, numbered from 1, decoded as UTF-8 (bytes that are not UTF-8 become
 * U+FFFD, which the noise check counts as encoding damage). A line longer than {@code maxBytes}
 * is read to its end but not kept, so memory stays bounded by one line. Counts every byte read.
 */
final class LineReader {
    /** One line: its number, its text (null when it was too long), its length in bytes. */
    record Line(long number, String text, long bytes) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int position;
    private int limit;
    private long bytesRead;
    private long number;
    private boolean ended;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    long bytesRead() {
        return bytesRead;
    }

    long linesRead() {
        return number;
    }

    /** The next line, or null at the end of the stream (a final line without a line feed is a line). */
    Line next() throws IOException {
        if (ended) {
            return null;
        }
        line.reset();
        long length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    ended = true;
                    return length == 0 ? null : finish(length);
                }
                bytesRead += limit;
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int n = position - start;
            length += n;
            if (length <= maxBytes) {
                line.write(buffer, start, n);
            }
            if (position < limit) {
                position++; // the line feed
                return finish(length);
            }
        }
    }

    private Line finish(long length) {
        number++;
        if (length > maxBytes) {
            return new Line(number, null, length);
        }
        byte[] bytes = line.toByteArray();
        int end = bytes.length;
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        int begin = number == 1 && end >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        return new Line(number, new String(bytes, begin, end - begin, StandardCharsets.UTF_8), length);
    }
}
