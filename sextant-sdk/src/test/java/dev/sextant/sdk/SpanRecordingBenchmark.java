package dev.sextant.sdk;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What recording costs the agent's thread: one LLM span (builder, ids, clock, usage, end, enqueue)
 * inside a current trace, and one decision. The exporter runs as in production, POSTing to a
 * local stand-in that answers 200, so serialisation and HTTP happen on its own thread. A JMH
 * loop records far faster than any agent, so short iterations into a large queue, flushed
 * between iterations (not timed), keep every record queued: a dropped record would cost the
 * caller less and flatter the figure. The teardown prints the counters (dropped should be 0).
 * Run: see sextant-sdk/README.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 20, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class SpanRecordingBenchmark {
    private StandIn standIn;
    private Sextant sextant;
    private Trace trace;
    private dev.sextant.sdk.Scope current;

    @Setup(Level.Trial)
    public void start() {
        standIn = new StandIn();
        sextant = Sextant.builder().endpoint(standIn.base()).apiKey("sk-bench").agentId("bench-bot")
                .queueCapacity(4_000_000).maxBatchSize(10_000).flushInterval(Duration.ofMillis(100)).build();
        trace = sextant.trace("benchmark").start();
        current = trace.makeCurrent();
    }

    @TearDown(Level.Iteration)
    public void drain() {
        sextant.flush(Duration.ofSeconds(120));
    }

    @TearDown(Level.Trial)
    public void stop() {
        current.close();
        trace.end();
        sextant.flush(Duration.ofSeconds(60));
        Stats stats = sextant.stats();
        System.out.printf("%nSDK stats: queued %d, sent %d, dropped %d (%.2f%% of records), failed %d%n",
                stats.queued(), stats.sent(), stats.dropped(),
                100.0 * stats.dropped() / Math.max(1, stats.queued() + stats.dropped()), stats.failed());
        sextant.close();
        standIn.close();
    }

    @Benchmark
    public Span llmSpan() {
        Span span = sextant.llm("generate").model("gpt-4o-mini").provider("openai").start();
        span.usage(1200, 300).end();
        return span;
    }

    @Benchmark
    public Span decision() {
        return sextant.decision("route").chosen("answer").alternatives("answer", "handoff")
                .reasoning("known intent").confidence(0.92).record();
    }
}
