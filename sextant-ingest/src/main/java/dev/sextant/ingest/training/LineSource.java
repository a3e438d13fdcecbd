package dev.sextant.ingest.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a text file as bytes, in constant memory: a line longer than the limit is read to
 * its end without being kept, and reported as too long. LF and CRLF both end a line; a UTF-8 byte
 * order mark at the start is skipped. Lines are decoded only on request, strictly (invalid UTF-8
 * is an error, not a replacement character), so binary garbage is reported, not imported.
 */
final class LineSource {
    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    private int pos;
    private int end;
    private boolean eof;
    private boolean started;

    private byte[] line = new byte[256];
    private int length;
    private long lineBytes;
    private long number;

    LineSource(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Moves to the next line; false at the end of the file. */
    boolean next() throws IOException {
        length = 0;
        lineBytes = 0;
        boolean any = false;
        while (true) {
            if (pos == end && !fill()) {
                break;
            }
            any = true;
            int newline = indexOf((byte) '\n', pos, end);
            int stop = newline < 0 ? end : newline;
            keep(pos, stop);
            pos = newline < 0 ? end : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        if (!any) {
            return false;
        }
        number++;
        if (!tooLong() && length > 0 && line[length - 1] == '\r') {
            length--;
            lineBytes--;
        }
        return true;
    }

    /**
     * Moves to the next line with content: blank lines are passed over, a line over the limit is
     * reported to {@code out} and passed over. False at the end of the file.
     */
    boolean nextContent(ImportCollector out) throws IOException {
        while (next()) {
            if (tooLong()) {
                out.problem(ImportProblem.atLine(number, "the line is " + lineBytes + " bytes long; the limit is "
                        + maxLineBytes + " bytes; it was skipped"));
            } else if (!blank()) {
                return true;
            }
        }
        return false;
    }

    long number() {
        return number;
    }

    boolean tooLong() {
        return lineBytes > maxLineBytes;
    }

    boolean blank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** The line as text; invalid UTF-8 throws. */
    String text() throws CharacterCodingException {
        return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
    }

    private void keep(int from, int to) {
        int n = to - from;
        lineBytes += n;
        if (lineBytes > maxLineBytes) {
            return; // counted, not kept
        }
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, length + n), maxLineBytes + 1));
        }
        System.arraycopy(chunk, from, line, length, n);
        length += n;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.readNBytes(chunk, 0, CHUNK);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        if (!started) {
            started = true;
            if (n >= 3 && chunk[0] == (byte) 0xEF && chunk[1] == (byte) 0xBB && chunk[2] == (byte) 0xBF) {
                pos = 3;
            }
        }
        return pos < end || fill();
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (chunk[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
