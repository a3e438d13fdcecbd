package dev.sextant.genai;

import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import dev.sextant.sdk.Span;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A Gemini response stream that records into its LLM span as the caller reads it: the chunks'
 * text joined as output, the last chunk's usage (Gemini sends the complete counts on the last
 * one), model and finish reason. The span ends once: when the stream is read to its end, when it
 * fails (status error, the exception rethrown), or at {@link #close()} if the caller stops early.
 * Iterate it once, like the {@link ResponseStream} it wraps.
 */
public final class RecordedStream implements Iterable<GenerateContentResponse>, AutoCloseable {
    private final ResponseStream<GenerateContentResponse> stream;
    private final Span span;
    private final StringBuilder text = new StringBuilder();
    private GenerateContentResponse last;
    private boolean ended;

    RecordedStream(ResponseStream<GenerateContentResponse> stream, Span span) {
        this.stream = stream;
        this.span = span;
    }

    @Override
    public Iterator<GenerateContentResponse> iterator() {
        Iterator<GenerateContentResponse> chunks = stream.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more;
                try {
                    more = chunks.hasNext();
                } catch (RuntimeException | Error e) {
                    fail(e);
                    throw e;
                }
                if (!more) {
                    end();
                }
                return more;
            }

            @Override
            public GenerateContentResponse next() {
                GenerateContentResponse chunk;
                try {
                    chunk = chunks.next();
                } catch (NoSuchElementException e) {
                    throw e;
                } catch (RuntimeException | Error e) {
                    fail(e);
                    throw e;
                }
                seen(chunk);
                return chunk;
            }
        };
    }

    private synchronized void seen(GenerateContentResponse chunk) {
        if (chunk == null) {
            return;
        }
        last = chunk;
        try {
            String piece = chunk.text();
            if (piece != null) {
                text.append(piece);
            }
        } catch (RuntimeException e) {
            // a chunk without readable text (e.g. only a function call): nothing to add to the output
        }
    }

    private synchronized void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (last != null) {
            SextantGemini.record(span, last); // usage, model, finish reason of the last chunk
        }
        if (text.length() > 0) {
            span.output(text.toString());
        }
        span.end();
    }

    private synchronized void fail(Throwable error) {
        if (ended) {
            return;
        }
        ended = true;
        if (last != null) {
            SextantGemini.record(span, last);
        }
        span.end(error);
    }

    /** Closes the underlying stream and ends the span with what was read so far. */
    @Override
    public void close() {
        try {
            stream.close();
        } finally {
            end();
        }
    }
}
