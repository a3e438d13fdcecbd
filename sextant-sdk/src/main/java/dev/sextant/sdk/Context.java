package dev.sextant.sdk;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * The trace and span that new spans nest under, kept per thread. {@link #makeCurrent()} sets it
 * for a block ({@code try (Scope s = ctx.makeCurrent()) {...}}); the {@code wrap} methods carry
 * the caller's current context onto another thread.
 */
@SuppressWarnings("try") // a scope is held only for its close()
public final class Context {
    private static final Context ROOT = new Context(null, null);
    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

    private final String traceId;
    private final String spanId;

    Context(String traceId, String spanId) {
        this.traceId = traceId;
        this.spanId = spanId;
    }

    /** The current thread's context; one without a trace when none was made current. */
    public static Context current() {
        Context context = CURRENT.get();
        return context == null ? ROOT : context;
    }

    /** The trace new spans belong to, or null. */
    public String traceId() {
        return traceId;
    }

    /** The span new spans become children of, or null (then they hang under the trace). */
    public String spanId() {
        return spanId;
    }

    public Scope makeCurrent() {
        Context previous = CURRENT.get();
        if (previous == this) {
            return () -> {};
        }
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Runs {@code task} with this context current, wherever it runs. */
    public Runnable bind(Runnable task) {
        Objects.requireNonNull(task, "task");
        return () -> {
            try (Scope ignored = makeCurrent()) {
                task.run();
            }
        };
    }

    /** Calls {@code task} with this context current, wherever it runs. */
    public <T> Callable<T> bind(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return () -> {
            try (Scope ignored = makeCurrent()) {
                return task.call();
            }
        };
    }

    /** {@code task} carrying the caller's current context. */
    public static Runnable wrap(Runnable task) {
        return current().bind(task);
    }

    /** {@code task} carrying the caller's current context. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        return current().bind(task);
    }

    /** An executor whose tasks run in the context that was current when each was submitted. */
    public static Executor wrap(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(wrap(task));
    }

    @Override
    public String toString() {
        return "Context[trace=" + traceId + ", span=" + spanId + "]";
    }
}
