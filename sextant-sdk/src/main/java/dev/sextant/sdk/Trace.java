package dev.sextant.sdk;

import dev.sextant.sdk.internal.Handoff;
import dev.sextant.sdk.internal.TraceRecord;
import java.time.Instant;
import java.util.Map;

/**
 * A started trace. Make it current so spans nest under it, then {@link #end()} it: that hands it
 * to the exporter; later calls on it are ignored. Nothing here throws or blocks.
 */
public final class Trace {
    private final Sextant sextant;
    private final TraceRecord record;
    private final Context context;
    private boolean ended;

    Trace(Sextant sextant, TraceRecord record) {
        this.sextant = sextant;
        this.record = record;
        this.context = new Context(record.id, null);
    }

    public String id() {
        return record.id;
    }

    /** The context that makes new spans children of this trace. */
    public Context context() {
        return context;
    }

    public Scope makeCurrent() {
        return context.makeCurrent();
    }

    public synchronized Trace output(Object output) {
        if (!ended) {
            record.output = output;
        }
        return this;
    }

    public synchronized Trace confidence(double confidence) {
        if (!ended) {
            record.confidence = Values.confidence("trace", confidence);
        }
        return this;
    }

    public synchronized Trace intent(String name, double confidence) {
        Double c = Values.confidence("intent " + name, confidence);
        if (!ended && name != null && c != null) {
            record.intents.add(Map.entry(name, c));
        }
        return this;
    }

    public synchronized Trace handoff(String reason, String target) {
        if (!ended) {
            record.handoff = new Handoff(true, reason, target);
        }
        return this;
    }

    public synchronized Trace metadata(String key, Object value) {
        if (!ended && key != null) {
            record.metadata(key, value);
        }
        return this;
    }

    /** Feedback on this trace, e.g. {@code score("user_rating", 5, "fast")}. */
    public void score(String name, double value, String comment) {
        sextant.score(record.id, name, value, comment);
    }

    /** Ends with status ok (unless an error was set) and sends the trace. */
    public void end() {
        finish(null);
    }

    /** Ends with status error and the exception's class and message, and sends the trace. */
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
    }

    Recording.Handle handle() {
        return new Recording.Handle() {
            @Override
            public Scope makeCurrent() {
                return Trace.this.makeCurrent();
            }

            @Override
            public void end() {
                Trace.this.end();
            }

            @Override
            public void end(Throwable error) {
                Trace.this.end(error);
            }
        };
    }
}
