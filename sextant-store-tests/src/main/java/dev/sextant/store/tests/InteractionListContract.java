package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.at;
import static dev.sextant.store.tests.Fixtures.batch;
import static dev.sextant.store.tests.Fixtures.llm;
import static dev.sextant.store.tests.Fixtures.trace;
import static dev.sextant.store.tests.Fixtures.traces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.Handoff;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionPage;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.PageRequest;
import dev.sextant.store.TraceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Listing: every filter, newest-first order, page numbers and the keyset cursor. */
public abstract class InteractionListContract extends StoreContract {

    private List<String> ids(WorkspaceId ws, InteractionQuery query) {
        return store().interactions().list(ws, query, PageRequest.first(PageRequest.MAX_SIZE)).items().stream()
                .map(s -> s.trace().id()).toList();
    }

    private static InteractionQuery q(UnaryOperator<InteractionQuery.Builder> filter) {
        return filter.apply(InteractionQuery.builder()).build();
    }

    private static Trace with(Trace t, String agent, String conversation, String session, String user,
            Status status, String messageType, Double confidence, Handoff handoff, List<String> tags) {
        return new Trace(t.id(), agent, session, conversation, user, t.name(), t.input(), t.output(), status,
                t.error(), t.startedAt(), t.endedAt(), messageType, t.intents(), confidence, handoff,
                t.contextSize(), t.configVersion(), t.experimentId(), t.variantId(), tags, t.metadata());
    }

    /** Four traces that differ in every filtered field. */
    private WorkspaceId fourTraces() {
        WorkspaceId ws = newWorkspace();
        Trace a = with(trace("a", at(1000)), "bot-1", "conv-1", "sess-1", "user-1", Status.OK, "text", 0.95,
                new Handoff(false, null, null), List.of("vip", "100%"));
        Trace b = with(trace("b", at(2000)), "bot-2", "conv-2", "sess-2", "user-2", Status.ERROR, "voice", 0.45,
                new Handoff(true, "angry", "human"), List.of("eu", "a_b"));
        Trace c = with(trace("c", at(3000)), "bot-1", "conv-1", "sess-2", "user-3", Status.OK, "text", 0.7, null,
                List.of("🚀"));
        Trace d = with(trace("d", at(4000)), "'; DROP TABLE traces; --", null, null, null, null, null, null, null,
                null);
        write(batch(ws, List.of(a, b, c, d), List.of(
                llm("sa", "a", at(1001), "gpt-4o", Usage.of(1, 1), "0.1"),
                llm("sb", "b", at(2001), "claude-3", Usage.of(1, 1), "0.1"),
                llm("sc", "c", at(3001), "gpt-4o%", Usage.of(1, 1), "0.1"))));
        return ws;
    }

    @Test
    public void everyTraceNewestFirst() {
        WorkspaceId ws = fourTraces();
        assertThat(ids(ws, InteractionQuery.ALL)).containsExactly("d", "c", "b", "a");
    }

    @Test
    public void eachFilterSelectsExactlyItsTraces() {
        WorkspaceId ws = fourTraces();
        assertThat(ids(ws, q(f -> f.from(at(2000))))).containsExactly("d", "c", "b");
        assertThat(ids(ws, q(f -> f.to(at(2000))))).containsExactly("a");
        assertThat(ids(ws, q(f -> f.from(at(2000)).to(at(3500))))).containsExactly("c", "b");
        assertThat(ids(ws, q(f -> f.agentId("bot-1")))).containsExactly("c", "a");
        assertThat(ids(ws, q(f -> f.conversationId("conv-2")))).containsExactly("b");
        assertThat(ids(ws, q(f -> f.sessionId("sess-2")))).containsExactly("c", "b");
        assertThat(ids(ws, q(f -> f.userId("user-3")))).containsExactly("c");
        assertThat(ids(ws, q(f -> f.model("gpt-4o")))).containsExactly("a");
        assertThat(ids(ws, q(f -> f.model("claude-3")))).containsExactly("b");
        assertThat(ids(ws, q(f -> f.minConfidence(0.7)))).containsExactly("c", "a");
        assertThat(ids(ws, q(f -> f.maxConfidence(0.7)))).containsExactly("c", "b");
        assertThat(ids(ws, q(f -> f.minConfidence(0.5).maxConfidence(0.9)))).containsExactly("c");
        assertThat(ids(ws, q(f -> f.handoff(true)))).containsExactly("b");
        assertThat(ids(ws, q(f -> f.handoff(false)))).containsExactly("d", "c", "a");
        assertThat(ids(ws, q(f -> f.status(Status.ERROR)))).containsExactly("b");
        assertThat(ids(ws, q(f -> f.status(Status.OK)))).containsExactly("c", "a");
        assertThat(ids(ws, q(f -> f.messageType("text")))).containsExactly("c", "a");
        assertThat(ids(ws, q(f -> f.tag("vip")))).containsExactly("a");
        assertThat(ids(ws, q(f -> f.tag("🚀")))).containsExactly("c");
        assertThat(ids(ws, q(f -> f.agentId("bot-1").status(Status.OK).tag("vip")))).containsExactly("a");
    }

    @Test
    public void filterValuesAreValuesNotPatternsOrSql() {
        WorkspaceId ws = fourTraces();
        assertThat(ids(ws, q(f -> f.agentId("'; DROP TABLE traces; --")))).containsExactly("d");
        assertThat(ids(ws, q(f -> f.agentId("%")))).isEmpty();
        assertThat(ids(ws, q(f -> f.agentId("bot-_")))).isEmpty();
        assertThat(ids(ws, q(f -> f.tag("%")))).isEmpty();
        assertThat(ids(ws, q(f -> f.tag("100%")))).containsExactly("a");
        assertThat(ids(ws, q(f -> f.tag("a_b")))).containsExactly("b");
        assertThat(ids(ws, q(f -> f.tag("a%b")))).isEmpty();
        assertThat(ids(ws, q(f -> f.model("gpt-4o%")))).containsExactly("c");
        assertThat(ids(ws, q(f -> f.model("%")))).isEmpty();
        assertThat(ids(ws, q(f -> f.tag("\"]' OR 1=1 --")))).isEmpty();
        assertThat(ids(ws, InteractionQuery.ALL)).hasSize(4); // nothing was dropped
    }

    /** Seven traces; three share one start time, two another: ties break by id, descending. */
    private WorkspaceId sevenWithTies() {
        WorkspaceId ws = newWorkspace();
        Instant tie = at(5000);
        write(traces(ws, trace("t1", at(1000)), trace("t2", tie), trace("t3", tie), trace("t4", tie),
                trace("t5", at(6000)), trace("t6", at(500)), trace("t7", at(500))));
        return ws;
    }

    private static final List<String> SEVEN_NEWEST_FIRST = List.of("t5", "t4", "t3", "t2", "t1", "t7", "t6");

    @Test
    public void pageNumbersWalkTheOrderAndTheLastPageHasNoCursor() {
        WorkspaceId ws = sevenWithTies();
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            InteractionPage p = store().interactions().list(ws, InteractionQuery.ALL, new PageRequest(page, 3, null));
            assertThat(p.page()).isEqualTo(page);
            assertThat(p.pageSize()).isEqualTo(3);
            if (page < 3) {
                assertThat(p.nextCursor()).as("cursor on page %d", page).isNotNull();
            } else {
                assertThat(p.nextCursor()).as("cursor on the last page").isNull();
            }
            p.items().forEach(s -> seen.add(s.trace().id()));
        }
        assertThat(seen).isEqualTo(SEVEN_NEWEST_FIRST);
        assertThat(store().interactions().list(ws, InteractionQuery.ALL, new PageRequest(4, 3, null)).items()).isEmpty();
    }

    @Test
    public void theCursorWalksEveryTraceOnceAcrossTies() {
        WorkspaceId ws = sevenWithTies();
        for (int size = 1; size <= 4; size++) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                InteractionPage p = store().interactions().list(ws, InteractionQuery.ALL,
                        new PageRequest(1, size, cursor));
                p.items().forEach(s -> seen.add(s.trace().id()));
                cursor = p.nextCursor();
                pages++;
            } while (cursor != null && pages < 20);
            assertThat(seen).as("page size %d", size).isEqualTo(SEVEN_NEWEST_FIRST);
        }
    }

    @Test
    public void theCursorKeepsTheFilter() {
        WorkspaceId ws = sevenWithTies();
        write(traces(ws, Fixtures.withAgent(trace("other", at(5000)), "someone-else")));
        InteractionQuery query = q(f -> f.agentId("support-bot").from(at(1000)));
        InteractionPage first = store().interactions().list(ws, query, PageRequest.first(2));
        InteractionPage second = store().interactions().list(ws, query, new PageRequest(1, 2, first.nextCursor()));
        InteractionPage third = store().interactions().list(ws, query, new PageRequest(1, 2, second.nextCursor()));
        assertThat(first.items()).extracting(s -> s.trace().id()).containsExactly("t5", "t4");
        assertThat(second.items()).extracting(s -> s.trace().id()).containsExactly("t3", "t2");
        assertThat(third.items()).extracting(s -> s.trace().id()).containsExactly("t1");
        assertThat(third.nextCursor()).isNull();
    }

    @Test
    public void aCursorThisServerDidNotIssueIsRejected() {
        WorkspaceId ws = sevenWithTies();
        for (String garbage : List.of("garbage!", "bm90IGEgY3Vyc29y", "", "%%%", "MjAyNi0xMS0wMVQxMDowMDowMFo")) {
            assertThatThrownBy(() -> store().interactions().list(ws, InteractionQuery.ALL,
                    new PageRequest(1, 2, garbage)))
                    .as("cursor '%s'", garbage)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("cursor is not one this server issued");
        }
    }

    @Test
    public void idsOrderByteByByteOnEveryBackend() {
        WorkspaceId ws = newWorkspace();
        Instant tie = at(0);
        write(traces(ws, trace("B", tie), trace("a", tie), trace("Z", tie), trace("é", tie), trace("_", tie)));
        // bytes: 'é' (0xC3 0xA9) > 'a' (0x61) > '_' (0x5F) > 'Z' (0x5A) > 'B' (0x42); a locale would say Z > é > B > a
        List<String> expected = List.of("é", "a", "_", "Z", "B");
        assertThat(ids(ws, InteractionQuery.ALL)).isEqualTo(expected);
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            InteractionPage p = store().interactions().list(ws, InteractionQuery.ALL, new PageRequest(1, 2, cursor));
            p.items().forEach(s -> walked.add(s.trace().id()));
            cursor = p.nextCursor();
        } while (cursor != null && walked.size() < 10);
        assertThat(walked).isEqualTo(expected);
    }

    @Test
    public void summariesCarryRollups() {
        WorkspaceId ws = fourTraces();
        TraceSummary a = store().interactions().list(ws, q(f -> f.model("gpt-4o")), PageRequest.first(5))
                .items().getFirst();
        assertThat(a.rollup().spanCount()).isEqualTo(1);
        assertThat(a.rollup().totalTokens()).isEqualTo(2);
        assertThat(a.rollup().costUsd()).isEqualByComparingTo("0.1");
    }
}
