package dev.sextant.sdk;

import dev.sextant.testing.RealServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Records with the SDK, reads back through the real server's {@code GET /api/v1/interactions/{id}}. */
@SuppressWarnings("try") // scopes are held only for their close()
class ITRoundTrip {
    private static RealServer server;
    private static Sextant sextant;

    @BeforeAll
    static void start() {
        server = RealServer.start();
        sextant = Sextant.builder().endpoint(server.base()).apiKey(RealServer.KEY).agentId("support-bot")
                .flushInterval(Duration.ofMillis(50)).build();
    }

    @AfterAll
    static void stop() {
        sextant.close();
        server.close();
    }

    @Test
    void aTraceWithSpansOfEveryKindScoresAndASessionIsStoredAsRecorded() {
        Session session = sextant.session("sess-round-trip").user("u-4").context("ticket", "T-1").open();
        Trace trace = session.trace("answer").conversation("c-9").input("Where is my order?")
                .intent("order_status", 0.92).metadata("campaign_id", "spring").start();
        try (Scope ignored = trace.makeCurrent()) {
            Span llm = sextant.llm("generate").model("gpt-4o-mini").provider("openai").input("prompt").start();
            llm.usage(1000, 500).output("It ships tomorrow.").end();
            sextant.decision("route").chosen("answer").alternatives("answer", "handoff").reasoning("known intent")
                    .confidence(0.92).record();
            Span tool = sextant.tool("lookup_order").input(java.util.Map.of("order", 42)).start();
            try (Scope inTool = tool.makeCurrent()) {
                sextant.llm("summarise").model("gpt-4o-mini").start().usage(100, 20).cost(new BigDecimal("0.0042")).end();
            }
            tool.output("shipped").end();
            sextant.handoff("escalate").handoff("human-tier-2", "angry customer").record();
            sextant.codeGeneration("write migration").attribute("file", "V7__orders.sql").attribute("type", "migration")
                    .record();
            sextant.learning("update few-shots").attribute("examples", 3).record();
            sextant.custom("cache warmup").record();
        }
        trace.output("It ships tomorrow.").confidence(0.9).end();
        trace.score("user_rating", 5, "fast");
        sextant.score(trace.id(), "verdict", "good", null);
        session.close();

        assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
        JsonNode read = server.interaction(trace.id());
        assertThat(read).as("trace %s stored", trace.id()).isNotNull();
        assertThat(read.get("agent_id").asString()).isEqualTo("support-bot");
        assertThat(read.get("session_id").asString()).isEqualTo("sess-round-trip");
        assertThat(read.get("user_id").asString()).isEqualTo("u-4");
        assertThat(read.get("conversation_id").asString()).isEqualTo("c-9");
        assertThat(read.get("status").asString()).isEqualTo("ok");
        assertThat(read.get("input").asString()).isEqualTo("Where is my order?");
        assertThat(read.get("output").asString()).isEqualTo("It ships tomorrow.");
        assertThat(read.get("intents").get(0).get("name").asString()).isEqualTo("order_status");
        assertThat(read.get("metadata").get("campaign_id").asString()).isEqualTo("spring");

        List<String> kinds = new ArrayList<>();
        read.get("spans").forEach(s -> kinds.add(s.get("kind").asString()));
        assertThat(kinds).containsExactlyInAnyOrder("llm", "decision", "tool", "llm", "handoff", "code_generation",
                "learning", "custom");

        JsonNode generate = span(read, "generate");
        assertThat(generate.get("model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(generate.get("usage").get("input_tokens").asLong()).isEqualTo(1000);
        assertThat(generate.get("cost_source").asString()).isEqualTo("calculated");
        assertThat(generate.get("cost_usd").decimalValue()).isPositive();
        assertThat(generate.get("depth").asInt()).isZero();

        JsonNode summarise = span(read, "summarise");
        assertThat(summarise.get("parent_id").asString()).isEqualTo(span(read, "lookup_order").get("id").asString());
        assertThat(summarise.get("depth").asInt()).isEqualTo(1);
        assertThat(summarise.get("cost_source").asString()).isEqualTo("reported");
        assertThat(summarise.get("cost_usd").decimalValue()).isEqualByComparingTo("0.0042");
        assertThat(span(read, "lookup_order").get("tool_name").asString()).isEqualTo("lookup_order");

        JsonNode decision = span(read, "route").get("decision");
        assertThat(decision.get("point").asString()).isEqualTo("route");
        assertThat(decision.get("chosen").asString()).isEqualTo("answer");
        assertThat(decision.get("alternatives").toString()).isEqualTo("[\"answer\",\"handoff\"]");
        assertThat(decision.get("reasoning").asString()).isEqualTo("known intent");
        assertThat(span(read, "route").get("confidence").asDouble()).isEqualTo(0.92);

        JsonNode handoff = span(read, "escalate").get("handoff");
        assertThat(handoff.get("triggered").asBoolean()).isTrue();
        assertThat(handoff.get("target").asString()).isEqualTo("human-tier-2");
        assertThat(span(read, "write migration").get("attributes").get("file").asString()).isEqualTo("V7__orders.sql");

        assertThat(read.get("tokens").get("input").asLong()).isEqualTo(1100);
        List<String> scores = new ArrayList<>();
        read.get("scores").forEach(s -> scores.add(s.get("name").asString()));
        assertThat(scores).containsExactlyInAnyOrder("user_rating", "verdict");
        assertThat(sextant.stats().dropped()).isZero();
        assertThat(sextant.stats().failed()).isZero();
    }

    @Test
    void wrapTimesTheCallAndRecordsTheAgentsExceptionWhichItRethrowsUnchanged() {
        IllegalStateException boom = new IllegalStateException("model refused");
        String[] traceId = new String[1];
        assertThatThrownBy(() -> sextant.trace("wrapped").wrap(() -> {
            traceId[0] = Context.current().traceId();
            sextant.tool("search").wrap(() -> "found");
            return sextant.llm("call").model("gpt-4o-mini").wrap(() -> {
                throw boom;
            });
        })).isSameAs(boom);

        assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
        JsonNode read = server.interaction(traceId[0]);
        assertThat(read.get("status").asString()).isEqualTo("error");
        assertThat(read.get("error").asString()).isEqualTo("java.lang.IllegalStateException: model refused");
        assertThat(span(read, "search").get("status").asString()).isEqualTo("ok");
        assertThat(span(read, "call").get("status").asString()).isEqualTo("error");
        assertThat(span(read, "call").get("duration_ms").isNumber()).isTrue();
    }

    @Test
    void callRethrowsACheckedExceptionUnchanged() {
        IOException io = new IOException("disk full");
        String[] traceId = new String[1];
        assertThatThrownBy(() -> sextant.trace("checked").call(() -> {
            traceId[0] = Context.current().traceId();
            throw io;
        })).isSameAs(io);
        assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(server.interaction(traceId[0]).get("error").asString()).isEqualTo("java.io.IOException: disk full");
    }

    @Test
    void wrapAsyncEndsTheSpanWhenTheFutureCompletesAndCapturesItsFailure() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Trace trace = sextant.trace("async").start();
            CompletableFuture<String> ok;
            CompletableFuture<String> failed;
            try (Scope ignored = trace.makeCurrent()) {
                ok = sextant.tool("fetch").wrapAsync(() -> CompletableFuture.supplyAsync(() -> "page", pool));
                failed = sextant.llm("slow model").wrapAsync(() -> CompletableFuture.supplyAsync(() -> {
                    throw new UncheckedIOException(new IOException("connection reset"));
                }, pool));
            }
            assertThat(ok.get()).isEqualTo("page");
            assertThatThrownBy(failed::join).hasCauseInstanceOf(UncheckedIOException.class);
            trace.end();

            assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
            JsonNode read = server.interaction(trace.id());
            assertThat(span(read, "fetch").get("status").asString()).isEqualTo("ok");
            assertThat(span(read, "slow model").get("status").asString()).isEqualTo("error");
            assertThat(span(read, "slow model").get("error").asString())
                    .isEqualTo("java.io.UncheckedIOException: java.io.IOException: connection reset");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCurrentSpanTravelsToAnotherThreadThroughAWrappedExecutor() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Trace trace = sextant.trace("fan-out").start();
            Span plan = sextant.custom("plan").parent(trace).start();
            Future<?> done;
            try (Scope ignored = plan.makeCurrent()) {
                CompletableFuture<Void> finished = new CompletableFuture<>();
                Context.wrap(pool).execute(() -> {
                    sextant.tool("worker tool").record();
                    finished.complete(null);
                });
                done = finished;
            }
            done.get();
            plan.end();
            trace.end();

            assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
            JsonNode read = server.interaction(trace.id());
            assertThat(span(read, "worker tool").get("parent_id").asString()).isEqualTo(plan.id());
            assertThat(span(read, "worker tool").get("depth").asInt()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSpanWithoutAnyTraceStartsATraceOfItsOwn() {
        Span lonely = sextant.tool("cron job").start();
        lonely.end();
        assertThat(sextant.flush(Duration.ofSeconds(30))).isTrue();
        JsonNode read = server.interaction(lonely.traceId());
        assertThat(read.get("name").asString()).isEqualTo("cron job");
        assertThat(read.get("spans")).hasSize(1);
    }

    static JsonNode span(JsonNode interaction, String name) {
        for (JsonNode s : interaction.get("spans")) {
            if (name.equals(s.get("name").asString())) {
                return s;
            }
        }
        throw new AssertionError("no span named " + name + " in " + interaction.get("spans"));
    }
}
