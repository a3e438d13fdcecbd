package dev.sextant.sdk;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Times a call as one trace or span: started before, current during, ended after with status
 * ok, or error with the exception's text. The agent's own exception is rethrown unchanged.
 */
@SuppressWarnings("try") // the scope is held only for its close()
final class Recording {
    /** A started trace or span, seen from a wrapped call. */
    interface Handle {
        Scope makeCurrent();

        void end();

        void end(Throwable error);
    }

    private Recording() {}

    static <T> T wrap(Handle handle, Supplier<T> call) {
        T result;
        try (Scope ignored = handle.makeCurrent()) {
            result = call.get();
        } catch (RuntimeException | Error e) {
            handle.end(e);
            throw e;
        }
        handle.end();
        return result;
    }

    static <T> T call(Handle handle, Callable<T> call) throws Exception {
        T result;
        try (Scope ignored = handle.makeCurrent()) {
            result = call.call();
        } catch (Exception | Error e) {
            handle.end(e);
            throw e;
        }
        handle.end();
        return result;
    }

    /**
     * The future the call returned (not a copy, so cancelling it still reaches the agent's work);
     * the handle ends when it completes.
     */
    static <T> CompletableFuture<T> wrapAsync(Handle handle, Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> future;
        try (Scope ignored = handle.makeCurrent()) {
            future = call.get();
        } catch (RuntimeException | Error e) {
            handle.end(e);
            throw e;
        }
        if (future == null) {
            handle.end(new NullPointerException("the wrapped call returned no future"));
            return null;
        }
        future.whenComplete((value, error) -> {
            if (error == null) {
                handle.end();
            } else {
                handle.end(unwrap(error));
            }
        });
        return future;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
