package dev.sextant.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try")
class ContextTest {
    @Test
    void makeCurrentNestsAndCloseRestoresThePreviousContext() {
        Context trace = new Context("t-1", null);
        Context span = new Context("t-1", "s-1");
        assertThat(Context.current().traceId()).isNull();
        try (Scope outer = trace.makeCurrent()) {
            try (Scope inner = span.makeCurrent()) {
                assertThat(Context.current()).isSameAs(span);
            }
            assertThat(Context.current()).isSameAs(trace);
        }
        assertThat(Context.current().traceId()).isNull();
    }

    @Test
    void wrappedTasksRunInTheContextOfTheirCreatorOnAnyThread() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Context span = new Context("t-2", "s-2");
            Callable<Context> seen;
            try (Scope ignored = span.makeCurrent()) {
                seen = Context.wrap(Context::current);
            }
            assertThat(pool.submit(seen).get()).isSameAs(span);
            assertThat(pool.submit(Context::current).get().traceId()).isNull();   // restored after the task
        } finally {
            pool.shutdownNow();
        }
    }
}
