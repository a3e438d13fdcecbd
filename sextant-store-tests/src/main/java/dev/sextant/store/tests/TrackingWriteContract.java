package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.T0;
import static dev.sextant.store.tests.Fixtures.at;
import static dev.sextant.store.tests.Fixtures.bareTrace;
import static dev.sextant.store.tests.Fixtures.batch;
import static dev.sextant.store.tests.Fixtures.llm;
import static dev.sextant.store.tests.Fixtures.spans;
import static dev.sextant.store.tests.Fixtures.trace;
import static dev.sextant.store.tests.Fixtures.traces;
import static dev.sextant.store.tests.Fixtures.usd;
import static dev.sextant.store.tests.JsonAssert.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.CostSource;
import dev.sextant.model.Decision;
import dev.sextant.model.Handoff;
import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.StoreException;
import dev.sextant.store.TraceDetail;
import dev.sextant.store.WorkspaceBatch;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes: round trips, upsert-merge, duplicates, placeholders, atomicity. */
public abstract class TrackingWriteContract extends StoreContract {

    private TraceDetail get(WorkspaceId ws, String id) {
        return store().interactions().get(ws, id).orElseThrow(() -> new AssertionError("trace " + id + " not found"));
    }

    @Test
    public void aTraceRoundTripsEveryField() {
        WorkspaceId ws = newWorkspace();
        Trace sent = trace("t-1", at(0));
        write(traces(ws, sent));

        Trace stored = get(ws, "t-1").summary().trace();
        assertThat(stored).usingRecursiveComparison().ignoringFields("metadata").isEqualTo(sent);
        assertSameJson(stored.metadata(), sent.metadata());
        assertThat(stored.durationMs()).isEqualTo(1200L);
    }

    @Test
    public void jsonTextIsTheSameJsonOnEveryBackend() {
        WorkspaceId ws = newWorkspace();
        String written = "{\"zeta\":1,   \"alpha\":{\"b\":[1,2]}}";
        Trace t = trace("t-json", at(0));
        write(traces(ws, new Trace(t.id(), t.agentId(), t.sessionId(), t.conversationId(), t.userId(), t.name(),
                t.input(), t.output(), t.status(), t.error(), t.startedAt(), t.endedAt(), t.messageType(),
                t.intents(), t.confidence(), t.handoff(), t.contextSize(), t.configVersion(), t.experimentId(),
                t.variantId(), t.tags(), written)));

        String stored = get(ws, "t-json").summary().trace().metadata();
        assertSameJson(stored, written);
        if (normalizesJsonText()) {
            assertThat(stored).isNotEqualTo(written); // jsonb: keys reordered, whitespace normalised
        } else {
            assertThat(stored).isEqualTo(written);
        }
    }

    @Test
    public void aSpanSentAtItsStartAndAgainAtItsEndIsOneMergedSpan() {
        WorkspaceId ws = newWorkspace();
        Span atStart = new Span("s-1", "t-1", "root", SpanKind.LLM, "generate", Status.UNSET, null, at(100), null,
                "gpt-4o", "openai", null, null, null, null, null, null, null, "{\"temperature\": 0.2}", "prompt", null);
        Span atEnd = new Span("s-1", null, null, null, null, Status.OK, null, null, at(1100), null, null,
                new Usage(1000, 500, 200, 100, 50, false), usd("0.0125"), CostSource.CALCULATED, null, null, null,
                null, null, null, "completion");
        write(batch(ws, List.of(trace("t-1", at(0))), List.of(atStart)));
        write(spans(ws, atEnd));

        TraceDetail detail = get(ws, "t-1");
        assertThat(detail.spans()).hasSize(1);
        Span merged = detail.spans().getFirst();
        assertThat(merged).usingRecursiveComparison().ignoringFields("attributes", "costUsd")
                .isEqualTo(atStart.mergedWith(atEnd));
        assertThat(merged.costUsd()).isEqualByComparingTo("0.0125");
        assertSameJson(merged.attributes(), "{\"temperature\": 0.2}");
        assertThat(merged.durationMs()).isEqualTo(1000L);
        assertThat(detail.summary().rollup().spanCount()).isEqualTo(1);
        assertThat(detail.summary().rollup().inputTokens()).isEqualTo(1000);
        assertThat(detail.summary().rollup().costUsd()).isEqualByComparingTo("0.0125");
    }

    @Test
    public void fieldsANewerCopyLeavesOutKeepTheirStoredValues() {
        WorkspaceId ws = newWorkspace();
        Trace full = trace("t-1", at(0));
        write(traces(ws, full));
        Trace onlyOutput = new Trace("t-1", null, null, null, null, null, null, "a better answer", Status.ERROR,
                "timeout", null, null, null, null, null, new Handoff(true, "angry", "human"), null, null, null, null,
                null, null);
        write(traces(ws, onlyOutput));

        Trace stored = get(ws, "t-1").summary().trace();
        assertThat(stored).usingRecursiveComparison().ignoringFields("metadata").isEqualTo(full.mergedWith(onlyOutput));
        assertThat(stored.handoff()).isEqualTo(new Handoff(true, "angry", "human"));
    }

    @Test
    public void groupsAreTakenWholeFromTheNewerCopy() {
        WorkspaceId ws = newWorkspace();
        Span first = new Span("s-1", "t-1", null, SpanKind.DECISION, "route", null, null, at(0), null, null, null,
                null, null, null, null, new Decision("route", "answer", List.of("answer", "handoff"), "known"),
                0.9, new Handoff(true, "unsure", "human"), null, null, null);
        Span second = new Span("s-1", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, new Decision("route2", null, List.of(), null), null, new Handoff(false, null, null), null,
                null, null);
        write(spans(ws, first));
        write(spans(ws, second));

        Span stored = get(ws, "t-1").spans().getFirst();
        assertThat(stored.decision()).isEqualTo(new Decision("route2", null, List.of(), null));
        assertThat(stored.handoff()).isEqualTo(new Handoff(false, null, null));
        assertThat(stored.confidence()).isEqualTo(0.9);
    }

    @Test
    public void writingTheSameIdsAgainNeverDoublesAnything() {
        WorkspaceId ws = newWorkspace();
        WorkspaceBatch once = batch(ws, List.of(trace("t-1", at(0))),
                List.of(llm("s-1", "t-1", at(10), "gpt-4o", Usage.of(100, 10), "0.5"),
                        llm("s-2", "t-1", at(20), "gpt-4o", Usage.of(200, 20), "0.25")));
        write(once);
        write(once);
        write(once, once); // the same ids twice in one call are merged, not doubled

        TraceDetail detail = get(ws, "t-1");
        assertThat(detail.spans()).extracting(Span::id).containsExactly("s-1", "s-2");
        assertThat(detail.summary().rollup().spanCount()).isEqualTo(2);
        assertThat(detail.summary().rollup().inputTokens()).isEqualTo(300);
        assertThat(detail.summary().rollup().costUsd()).isEqualByComparingTo("0.75");
        assertThat(store().interactions().list(ws, dev.sextant.store.InteractionQuery.ALL,
                dev.sextant.store.PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    public void aSpanBeforeItsTraceCreatesAPlaceholderTheTraceLaterFillsIn() {
        WorkspaceId ws = newWorkspace();
        write(spans(ws, llm("s-2", "t-9", at(700), "gpt-4o", Usage.of(10, 1), null),
                llm("s-1", "t-9", at(500), "gpt-4o", Usage.of(20, 2), null)));

        TraceDetail placeholder = get(ws, "t-9");
        assertThat(placeholder.summary().trace().startedAt()).isEqualTo(at(500)); // its earliest span
        assertThat(placeholder.summary().trace().agentId()).isNull();
        assertThat(placeholder.summary().rollup().spanCount()).isEqualTo(2);

        Trace real = trace("t-9", at(400));
        write(traces(ws, real));
        TraceDetail filled = get(ws, "t-9");
        assertThat(filled.summary().trace()).usingRecursiveComparison().ignoringFields("metadata").isEqualTo(real);
        assertThat(filled.summary().rollup().inputTokens()).isEqualTo(30);
    }

    @Test
    public void aPlaceholderWithoutSpanTimesStartsWhenItWasWritten() {
        WorkspaceId ws = newWorkspace();
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        write(spans(ws, Fixtures.span("s-1", "t-x", SpanKind.TOOL, null)));
        assertThat(get(ws, "t-x").summary().trace().startedAt()).isAfter(before);
    }

    @Test
    public void rollupsAddUpOnlyLlmSpansWhenTheTraceHasThem() {
        WorkspaceId ws = newWorkspace();
        Span agent = Fixtures.withUsage(Fixtures.span("a", "t-1", SpanKind.AGENT, at(0)),
                new Usage(3000, 600, 100, 0, 50, false), "9", CostSource.REPORTED);
        Span call1 = llm("l1", "t-1", at(10), "gpt-4o", new Usage(1000, 200, 100, 0, 0, false), "0.25");
        Span call2 = llm("l2", "t-1", at(20), "o3", new Usage(2000, 400, 0, 300, 50, false), "0.5");
        Span tool = Fixtures.span("tool", "t-1", SpanKind.TOOL, at(30));
        write(batch(ws, List.of(trace("t-1", at(0))), List.of(agent, call1, call2, tool)));

        var rollup = get(ws, "t-1").summary().rollup();
        assertThat(rollup.spanCount()).isEqualTo(4);
        assertThat(rollup.inputTokens()).isEqualTo(3000);
        assertThat(rollup.outputTokens()).isEqualTo(600);
        assertThat(rollup.cacheReadTokens()).isEqualTo(100);
        assertThat(rollup.cacheWriteTokens()).isEqualTo(300);
        assertThat(rollup.reasoningTokens()).isEqualTo(50);
        assertThat(rollup.costUsd()).isEqualByComparingTo("0.75");
    }

    @Test
    public void rollupsAddUpEverySpanWithUsageWhenTheTraceHasNoLlmSpan() {
        WorkspaceId ws = newWorkspace();
        Span agent = Fixtures.withUsage(Fixtures.span("a", "t-1", SpanKind.AGENT, at(0)),
                new Usage(300, 60, 0, 0, 0, false), "0.5", CostSource.REPORTED);
        Span custom = Fixtures.withUsage(Fixtures.span("c", "t-1", SpanKind.CUSTOM, at(5)),
                new Usage(100, 40, 20, 0, 10, true), "0.25", CostSource.ESTIMATED);
        Span llmWithoutUsage = Fixtures.span("l", "t-1", SpanKind.LLM, at(6));
        write(batch(ws, List.of(trace("t-1", at(0))), List.of(agent, custom, llmWithoutUsage)));

        var rollup = get(ws, "t-1").summary().rollup();
        assertThat(rollup.spanCount()).isEqualTo(3);
        assertThat(rollup.inputTokens()).isEqualTo(400);
        assertThat(rollup.outputTokens()).isEqualTo(100);
        assertThat(rollup.cacheReadTokens()).isEqualTo(20);
        assertThat(rollup.reasoningTokens()).isEqualTo(10);
        assertThat(rollup.costUsd()).isEqualByComparingTo("0.75");
        assertThat(get(ws, "t-1").spans()).filteredOn(s -> s.id().equals("c"))
                .singleElement().extracting(Span::usage).extracting(Usage::estimated).isEqualTo(true);
    }

    @Test
    public void aTraceWithoutSpansHasEmptyRollups() {
        WorkspaceId ws = newWorkspace();
        write(traces(ws, trace("t-1", at(0))));
        var rollup = get(ws, "t-1").summary().rollup();
        assertThat(rollup.spanCount()).isZero();
        assertThat(rollup.totalTokens()).isZero();
        assertThat(rollup.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    public void hostileTextIsStoredAsWritten() {
        WorkspaceId ws = newWorkspace();
        String hostile = "'; DROP TABLE traces; -- % _ \\ \" 🚀 naïve 日本 \n\t end";
        String id = "t-'; DROP TABLE traces; --🚀";
        Trace t = trace(id, at(0));
        Trace sent = new Trace(id, hostile, hostile, hostile, hostile, hostile, hostile, hostile, Status.OK, hostile,
                t.startedAt(), t.endedAt(), hostile, List.of(new dev.sextant.model.Intent(hostile, 0.5)), 0.5,
                new Handoff(true, hostile, hostile), 1, hostile, hostile, hostile, List.of(hostile, "%", "_"),
                "{\"note\": \"'; DROP TABLE traces; -- 🚀\"}");
        write(batch(ws, List.of(sent), List.of(llm("s-" + hostile, id, at(1), hostile, Usage.of(1, 1), "0.1"))));

        TraceDetail detail = get(ws, id);
        assertThat(detail.summary().trace()).usingRecursiveComparison().ignoringFields("metadata").isEqualTo(sent);
        assertSameJson(detail.summary().trace().metadata(), sent.metadata());
        assertThat(detail.spans()).extracting(Span::id, Span::model).containsExactly(
                org.assertj.core.groups.Tuple.tuple("s-" + hostile, hostile));
    }

    @Test
    public void scoresAndSessionsAreUpserted() {
        WorkspaceId ws = newWorkspace();
        Score first = Fixtures.score("f-1", "t-1", 3);
        Score better = new Score("f-1", null, null, null, 5.0, null, null, null, null, null);
        Session session = new Session("sess-1", "user-1", "support-bot", "{\"plan\": \"pro\"}", at(0), null);
        write(new WorkspaceBatch(ws, List.of(trace("t-1", at(0))), List.of(), List.of(first), List.of(session)));
        write(new WorkspaceBatch(ws, List.of(), List.of(), List.of(better, Fixtures.score("f-2", "t-1", 1)),
                List.of(new Session("sess-1", null, null, null, null, at(5000)))));

        assertThat(get(ws, "t-1").scores()).containsExactly(first.mergedWith(better), Fixtures.score("f-2", "t-1", 1));
    }

    @Test
    public void aFailedWriteStoresNothingOfTheCall() {
        WorkspaceId ws = newWorkspace();
        Trace good = trace("t-good", at(0));
        Trace t = trace("t-bad", at(0));
        Trace badJson = new Trace(t.id(), t.agentId(), t.sessionId(), t.conversationId(), t.userId(), t.name(),
                t.input(), t.output(), t.status(), t.error(), t.startedAt(), t.endedAt(), t.messageType(),
                t.intents(), t.confidence(), t.handoff(), t.contextSize(), t.configVersion(), t.experimentId(),
                t.variantId(), t.tags(), "{this is not json");

        assertThatThrownBy(() -> write(batch(ws, List.of(good, badJson),
                List.of(llm("s-1", "t-good", at(1), "gpt-4o", Usage.of(1, 1), null)))))
                .isInstanceOf(StoreException.class);
        assertThat(store().interactions().get(ws, "t-good")).isEmpty();

        write(traces(ws, good)); // the store is still usable afterwards
        TraceDetail detail = get(ws, "t-good");
        assertThat(detail.spans()).isEmpty(); // the span of the failed call was not kept either
        assertThat(detail.summary().rollup().spanCount()).isZero();
    }

    /** A later copy of a span that carries only these fields. */
    private static Span copy(String id, String traceId, Usage usage, String cost) {
        return new Span(id, traceId, null, null, null, null, null, null, null, null, null, usage,
                cost == null ? null : usd(cost), cost == null ? null : CostSource.CALCULATED, null, null, null, null,
                null, null, null);
    }

    @Test
    public void aLaterCopyWithoutAStartKeepsTheStoredStart() {
        WorkspaceId ws = newWorkspace();
        write(traces(ws, trace("t-1", at(0))));
        write(traces(ws, bareTrace("t-1", null, at(5000))));

        Trace stored = get(ws, "t-1").summary().trace();
        assertThat(stored.startedAt()).isEqualTo(at(0));
        assertThat(stored.endedAt()).isEqualTo(at(5000));
        assertThat(stored.durationMs()).isEqualTo(5000L);
    }

    @Test
    public void aTraceWithoutAStartStartsAtItsEarliestSpanOrNeverAfterItsEnd() {
        WorkspaceId ws = newWorkspace();
        write(batch(ws, List.of(bareTrace("t-spans", null, null)),
                List.of(llm("s-2", "t-spans", at(300), "gpt-4o", Usage.of(1, 1), null),
                        llm("s-1", "t-spans", at(200), "gpt-4o", Usage.of(1, 1), null))));
        write(traces(ws, bareTrace("t-ended", null, at(900))));

        assertThat(get(ws, "t-spans").summary().trace().startedAt()).isEqualTo(at(200));
        assertThat(get(ws, "t-ended").summary().trace().startedAt()).isEqualTo(at(900)); // its end is past
        assertThat(get(ws, "t-ended").summary().trace().durationMs()).isZero();
    }

    @Test
    public void aReSentSpanReplacesItsRollupContribution() {
        WorkspaceId ws = newWorkspace();
        write(batch(ws, List.of(trace("t-1", at(0))),
                List.of(llm("s-1", "t-1", at(10), "gpt-4o", Usage.of(100, 10), "0.5"),
                        llm("s-2", "t-1", at(20), "gpt-4o", Usage.of(1, 1), "0.001"))));
        write(spans(ws, copy("s-1", null, Usage.of(300, 30), "0.25")));

        var rollup = get(ws, "t-1").summary().rollup();
        assertThat(rollup.spanCount()).isEqualTo(2);
        assertThat(rollup.inputTokens()).isEqualTo(301);
        assertThat(rollup.outputTokens()).isEqualTo(31);
        assertThat(rollup.costUsd()).isEqualByComparingTo("0.251");

        // a copy without usage or cost keeps the stored ones, and so the roll-ups
        write(spans(ws, new Span("s-1", null, null, null, null, Status.OK, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, "done")));
        assertThat(get(ws, "t-1").summary().rollup()).isEqualTo(rollup);
    }

    @Test
    public void aSpanMovedToAnotherTraceMovesItsRollupContribution() {
        WorkspaceId ws = newWorkspace();
        write(batch(ws, List.of(trace("t-a", at(0)), trace("t-b", at(0))),
                List.of(llm("s-1", "t-a", at(10), "gpt-4o", Usage.of(100, 10), "0.5"),
                        llm("s-2", "t-a", at(20), "gpt-4o", Usage.of(1, 1), "0.001"))));
        write(spans(ws, llm("s-1", "t-b", at(10), "gpt-4o", Usage.of(100, 10), "0.5")));

        var a = get(ws, "t-a").summary().rollup();
        var b = get(ws, "t-b").summary().rollup();
        assertThat(a.spanCount()).isEqualTo(1);
        assertThat(a.inputTokens()).isEqualTo(1);
        assertThat(a.costUsd()).isEqualByComparingTo("0.001");
        assertThat(b.spanCount()).isEqualTo(1);
        assertThat(b.inputTokens()).isEqualTo(100);
        assertThat(b.costUsd()).isEqualByComparingTo("0.5");
    }

    @Test
    public void aSpanFirstSentWithoutItsTraceCountsOnceWhenItNamesIt() {
        WorkspaceId ws = newWorkspace();
        write(traces(ws, trace("t-1", at(0))));
        write(spans(ws, llm("s-1", null, at(10), "gpt-4o", Usage.of(100, 10), "0.5")));
        write(spans(ws, copy("s-1", "t-1", null, null)));
        write(spans(ws, copy("s-1", "t-1", null, null)));

        var rollup = get(ws, "t-1").summary().rollup();
        assertThat(rollup.spanCount()).isEqualTo(1);
        assertThat(rollup.inputTokens()).isEqualTo(100);
        assertThat(rollup.costUsd()).isEqualByComparingTo("0.5");
    }

    @Test
    public void theRollupRuleFollowsTheSpansAcrossWrites() {
        WorkspaceId ws = newWorkspace();
        Span agent = Fixtures.withUsage(Fixtures.span("a", "t-1", SpanKind.AGENT, at(0)),
                new Usage(3000, 600, 0, 0, 0, false), "9", CostSource.REPORTED);
        write(batch(ws, List.of(trace("t-1", at(0))), List.of(agent)));
        assertThat(get(ws, "t-1").summary().rollup().inputTokens()).isEqualTo(3000);

        write(spans(ws, llm("l1", "t-1", at(10), "gpt-4o", Usage.of(1000, 200), "0.25")));
        var llmOnly = get(ws, "t-1").summary().rollup();
        assertThat(llmOnly.spanCount()).isEqualTo(2);
        assertThat(llmOnly.inputTokens()).isEqualTo(1000);
        assertThat(llmOnly.costUsd()).isEqualByComparingTo("0.25");

        // the LLM span turns out to be a tool call: no LLM span with usage is left
        write(spans(ws, new Span("l1", null, null, SpanKind.TOOL, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null)));
        var all = get(ws, "t-1").summary().rollup();
        assertThat(all.inputTokens()).isEqualTo(4000);
        assertThat(all.costUsd()).isEqualByComparingTo("9.25");
    }

    @Test
    public void aPlaceholderStartsAtTheEarliestSpanOfAnyWrite() {
        WorkspaceId ws = newWorkspace();
        write(spans(ws, Fixtures.span("s-1", "t-p", SpanKind.TOOL, at(500))));
        write(spans(ws, Fixtures.span("s-2", "t-p", SpanKind.TOOL, at(300))));
        write(spans(ws, Fixtures.span("s-3", "t-p", SpanKind.TOOL, at(800))));

        TraceDetail placeholder = get(ws, "t-p");
        assertThat(placeholder.summary().trace().startedAt()).isEqualTo(at(300));
        assertThat(placeholder.summary().rollup().spanCount()).isEqualTo(3);
    }

    @Test
    public void concurrentWritesToOneTraceKeepItsRollupsExact() throws Exception {
        WorkspaceId ws = newWorkspace();
        int threads = 4;
        int writesEach = 25;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < writesEach; i++) {
                        write(spans(ws, llm("s-" + thread + "-" + i, "shared", at(i), "gpt-4o", Usage.of(1, 1), "0.001")));
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        var rollup = get(ws, "shared").summary().rollup();
        assertThat(rollup.spanCount()).isEqualTo(threads * writesEach);
        assertThat(rollup.inputTokens()).isEqualTo(threads * writesEach);
        assertThat(rollup.costUsd()).isEqualByComparingTo("0.1");
    }

    @Test
    public void aWriteMixingNewAndStoredSpansCountsEachSpanOnce() {
        WorkspaceId ws = newWorkspace();
        write(batch(ws, List.of(trace("t-1", at(0))), List.of(llm("s-1", "t-1", at(10), "gpt-4o", Usage.of(100, 10), "0.5"))));
        write(batch(ws, List.of(), List.of(copy("s-1", null, Usage.of(300, 30), "0.25"),
                llm("s-2", "t-1", at(20), "gpt-4o", Usage.of(1, 1), "0.001"),
                llm("s-3", "t-2", at(30), "gpt-4o", Usage.of(5, 5), "0.002"))));

        var rollup = get(ws, "t-1").summary().rollup();
        assertThat(rollup.spanCount()).isEqualTo(2);
        assertThat(rollup.inputTokens()).isEqualTo(301);
        assertThat(rollup.costUsd()).isEqualByComparingTo("0.251");
        assertThat(get(ws, "t-1").spans()).extracting(Span::id).containsExactlyInAnyOrder("s-1", "s-2");
        assertThat(get(ws, "t-2").summary().rollup().spanCount()).isEqualTo(1); // a placeholder
    }

    @Test
    public void aWriteMixingNewTracesAndAStoredPlaceholderFillsInTheOneAndCreatesTheOther() {
        WorkspaceId ws = newWorkspace();
        write(spans(ws, llm("s-1", "t-old", at(500), "gpt-4o", Usage.of(100, 10), "0.5")));
        Trace old = trace("t-old", at(400));
        Trace fresh = trace("t-new", at(0));
        write(batch(ws, List.of(old, fresh), List.of(
                llm("s-2", "t-old", at(600), "gpt-4o", Usage.of(1, 1), "0.001"),
                llm("s-3", "t-new", at(10), "gpt-4o", Usage.of(5, 5), "0.002"),
                Fixtures.span("s-4", "t-new", SpanKind.TOOL, at(20)),
                Fixtures.span("s-5", "t-other", SpanKind.TOOL, at(30)))));

        TraceDetail filled = get(ws, "t-old");
        assertThat(filled.summary().trace()).usingRecursiveComparison().ignoringFields("metadata").isEqualTo(old);
        assertThat(filled.summary().rollup().spanCount()).isEqualTo(2);
        assertThat(filled.summary().rollup().inputTokens()).isEqualTo(101);
        assertThat(filled.summary().rollup().costUsd()).isEqualByComparingTo("0.501");
        TraceDetail created = get(ws, "t-new");
        assertThat(created.summary().trace()).usingRecursiveComparison().ignoringFields("metadata").isEqualTo(fresh);
        assertThat(created.summary().rollup().spanCount()).isEqualTo(2);
        assertThat(created.summary().rollup().inputTokens()).isEqualTo(5); // only the LLM span counts
        assertThat(created.summary().rollup().costUsd()).isEqualByComparingTo("0.002");
        assertThat(get(ws, "t-other").summary().trace().startedAt()).isEqualTo(at(30)); // a new placeholder
    }

    @Test
    public void aSpanWhoseAttributesAreNotJsonFailsTheWholeWrite() {
        WorkspaceId ws = newWorkspace();
        Span s = llm("s-bad", "t-1", at(10), "gpt-4o", Usage.of(1, 1), null);
        Span bad = new Span(s.id(), s.traceId(), s.parentId(), s.kind(), s.name(), s.status(), s.error(),
                s.startedAt(), s.endedAt(), s.model(), s.provider(), s.usage(), s.costUsd(), s.costSource(),
                s.toolName(), s.decision(), s.confidence(), s.handoff(), "{\"a\": ", s.input(), s.output());

        assertThatThrownBy(() -> write(batch(ws, List.of(trace("t-1", at(0))),
                List.of(llm("s-good", "t-1", at(1), "gpt-4o", Usage.of(1, 1), null), bad))))
                .isInstanceOf(StoreException.class);
        assertThat(store().interactions().get(ws, "t-1")).isEmpty();
    }

    @Test
    public void anEmptyWriteIsANoOp() {
        store().tracking().write(List.of());
        store().tracking().write(List.of(new WorkspaceBatch(newWorkspace(), List.of(), List.of(), List.of(), List.of())));
        assertThat(T0).isNotNull();
    }
}
