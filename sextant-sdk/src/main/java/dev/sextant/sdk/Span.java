package dev.sextant.sdk;

import dev.sextant.sdk.internal.SpanRecord;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A started span. {@link #end()} hands it to the exporter; later calls on it are ignored.
 * Nothing here throws or blocks.
 */
public final class Span {
    private final Sextant sextant;
    private final SpanRecord record;
    private final Trace ownTrace;
    private final Context context;
    private boolean ended;

    Span(Sextant sextant, SpanRecord record, Trace ownTrace) {
        this.sextant = sextant;
        this.record = record;
        this.ownTrace = ownTrace;
        this.context = new Context(record.traceId, record.id);
    }

    public String id() {
        return record.id;
    }

    public String traceId() {
        return record.traceId;
    }

    /** The context that makes new spans children of this one. */
    public Context context() {
        return context;
    }

    public Scope makeCurrent() {
        return context.makeCurrent();
    }

    public synchronized Span output(Object output) {
        if (!ended) {
            record.output = output;
        }
        return this;
    }

    /** The model that answered, when it differs from the one asked for. */
    public synchronized Span model(String model) {
        if (!ended) {
            record.model = model;
        }
        return this;
    }

    /** Tokens in the OpenTelemetry GenAI convention: input includes cached, output includes reasoning. */
    public Span usage(long inputTokens, long outputTokens) {
        return usage(inputTokens, outputTokens, 0, 0, 0);
    }

    public synchronized Span usage(long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens,
            long reasoningTokens) {
        if (ended) {
            return this;
        }
        record.hasUsage = true;
        record.inputTokens = Values.tokens("input_tokens", inputTokens);
        record.outputTokens = Values.tokens("output_tokens", outputTokens);
        record.cacheReadTokens = Values.tokens("cache_read_tokens", cacheReadTokens);
        record.cacheWriteTokens = Values.tokens("cache_write_tokens", cacheWriteTokens);
        record.reasoningTokens = Values.tokens("reasoning_tokens", reasoningTokens);
        return this;
    }

    /** A cost the provider reported; without it the server calculates one from model and usage. */
    public synchronized Span cost(BigDecimal costUsd) {
        if (!ended) {
            record.costUsd = costUsd == null || costUsd.signum() >= 0 ? costUsd : null;
        }
        return this;
    }

    public synchronized Span chosen(String chosen) {
        if (!ended) {
            record.chosen = chosen;
        }
        return this;
    }

    public synchronized Span confidence(double confidence) {
        if (!ended) {
            record.confidence = Values.confidence("span " + record.name, confidence);
        }
        return this;
    }

    public synchronized Span attribute(String key, Object value) {
        if (!ended && key != null) {
            record.attribute(key, value);
        }
        return this;
    }

    /** Feedback on this span, e.g. {@code score("accepted", 1, null)}. */
    public void score(String name, double value, String comment) {
        sextant.score(record.traceId, record.id, name, value, comment);
    }

    /** Ends with status ok and sends the span. */
    public void end() {
        finish(null);
    }

    /** Ends with status error and the exception's class and message. */
    public void end(Throwable error) {
        finish(Values.error(error));
    }

    /** Ends with status error and this text. */
    public void endWithError(String error) {
        finish(error == null ? "unknown error" : error);
    }

    private void finish(String error) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            record.endedAt = Instant.now();
            record.status = error == null ? "ok" : "error";
            record.error = error;
        }
        sextant.exporter().offer(record);
        if (ownTrace != null) {
            if (error == null) {
                ownTrace.end();
            } else {
                ownTrace.endWithError(error);
            }
        }
    }

    Recording.Handle handle() {
        return new Recording.Handle() {
            @Override
            public Scope makeCurrent() {
                return Span.this.makeCurrent();
            }

            @Override
            public void end() {
                Span.this.end();
            }

            @Override
            public void end(Throwable error) {
                Span.this.end(error);
            }
        };
    }
}
