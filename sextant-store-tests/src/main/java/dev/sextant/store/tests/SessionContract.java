package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.at;
import static dev.sextant.store.tests.Fixtures.llm;
import static dev.sextant.store.tests.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.PageRequest;
import dev.sextant.store.SessionDetail;
import dev.sextant.store.SessionPage;
import dev.sextant.store.SessionQuery;
import dev.sextant.store.SessionSummary;
import dev.sextant.store.SessionTotals;
import dev.sextant.store.WorkspaceBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Working sessions: the list (order, filters, pages, cursor), each session's totals over the
 * traces that name it, the detail with its traces and tool / code generation steps, and
 * isolation from another workspace that uses the same ids. The expected figures are worked out
 * by hand from the data below.
 */
public abstract class SessionContract extends StoreContract {
    private WorkspaceId ws;
    private WorkspaceId other;

    private static Trace trace(String id, String session, Instant start, Status status) {
        return new Trace(id, "coder", session, null, "u1", "turn", "in", "out", status, null, start,
                start.plusMillis(1200), null, null, null, null, null, null, null, null, null, null);
    }

    private static Span step(String id, String traceId, SpanKind kind, Instant start, Status status) {
        return new Span(id, traceId, null, kind, kind.wire(), status, status == Status.ERROR ? "boom" : null, start,
                start.plusMillis(100), null, null, null, null, null, kind == SpanKind.TOOL ? "search_code" : null,
                null, null, null, null, null, null);
    }

    private static Score rating(String id, String traceId, String name, Double value, String text) {
        return new Score(id, traceId, null, name, value, text, null, "user", "u1", at(9000));
    }

    @BeforeAll
    void data() {
        ws = newWorkspace();
        other = newWorkspace();
        List<Session> sessions = List.of(
                new Session("s-a", "u1", "coder", "{\"repo\": \"shop\"}", at(0), at(10_000)),
                new Session("s-b", "u2", "coder", null, at(20_000), null),
                new Session("s-c", "u1", "other", null, null, null),
                new Session("s-d", "u3", "coder", null, at(30_000), null));
        List<Trace> traces = List.of(
                trace("t1", "s-a", at(1000), Status.OK),
                trace("t2", "s-a", at(5000), Status.ERROR),
                trace("t3", "s-b", at(21_000), Status.OK),
                trace("t4", null, at(22_000), Status.OK),
                trace("t5", "s-z", at(23_000), Status.OK)); // names a session that never arrived
        List<Span> spans = List.of(
                llm("l1", "t1", at(1001), "gpt-4o", Usage.of(100, 50), "0.01"),
                step("k1", "t1", SpanKind.TOOL, at(1100), Status.OK),
                step("k2", "t1", SpanKind.TOOL, at(1200), Status.ERROR),
                step("g1", "t1", SpanKind.CODE_GENERATION, at(1300), Status.OK),
                llm("l2", "t2", at(5001), "gpt-4o", Usage.of(10, 5), "0.002"),
                step("k3", "t3", SpanKind.TOOL, at(21_100), Status.OK),
                llm("l4", "t4", at(22_001), "gpt-4o", Usage.of(1000, 1000), "1"));
        List<Score> scores = List.of(
                rating("r1", "t1", "user_rating", 4.0, null),
                rating("r2", "t2", "user_rating", 2.0, null),
                rating("r3", "t2", "user_rating", null, "meh"), // categorical: not in the mean
                rating("r4", "t1", "thumbs", 1.0, null),        // another score: not a rating
                rating("r5", "t4", "user_rating", 1.0, null));  // a trace of no session
        write(new WorkspaceBatch(ws, traces, spans, scores, sessions));
        // the other workspace uses the same session and trace ids with other figures
        write(new WorkspaceBatch(other,
                List.of(trace("t1", "s-a", at(1000), Status.ERROR), trace("t9", "s-a", at(2000), Status.OK)),
                List.of(llm("l1", "t1", at(1001), "gpt-4o", Usage.of(7, 7), "5"),
                        step("k1", "t9", SpanKind.TOOL, at(2100), Status.ERROR)),
                List.of(rating("r1", "t1", "user_rating", 1.0, null)),
                List.of(new Session("s-a", "x", "intruder", null, at(500), null),
                        new Session("s-x", "x", "intruder", null, at(99_000), null))));
    }

    private List<String> ids(SessionQuery query) {
        return store().sessions().list(ws, query, PageRequest.first(PageRequest.MAX_SIZE)).items().stream()
                .map(s -> s.session().id()).toList();
    }

    @Test
    public void sessionsAreListedNewestFirstWithUnstartedOnesLast() {
        assertThat(ids(SessionQuery.ALL)).containsExactly("s-d", "s-b", "s-a", "s-c");
    }

    @Test
    public void eachFilterSelectsExactlyItsSessions() {
        assertThat(ids(new SessionQuery(null, null, "coder", null, null))).containsExactly("s-d", "s-b", "s-a");
        assertThat(ids(new SessionQuery(null, null, null, "u1", null))).containsExactly("s-a", "s-c");
        assertThat(ids(new SessionQuery(null, null, null, null, true))).containsExactly("s-d", "s-b", "s-c");
        assertThat(ids(new SessionQuery(null, null, null, null, false))).containsExactly("s-a");
        assertThat(ids(new SessionQuery(at(10_000), null, null, null, null))).containsExactly("s-d", "s-b");
        assertThat(ids(new SessionQuery(null, at(20_000), null, null, null))).containsExactly("s-a");
        assertThat(ids(new SessionQuery(at(20_000), at(30_000), "coder", "u2", true))).containsExactly("s-b");
        assertThat(ids(new SessionQuery(null, null, "'; DROP TABLE sessions; --", null, null))).isEmpty();
        assertThatThrownBy(() -> new SessionQuery(at(5), at(5), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void totalsAddUpTheTracesThatNameTheSession() {
        SessionPage page = store().sessions().list(ws, SessionQuery.ALL, PageRequest.first(10));
        SessionSummary a = page.items().stream().filter(s -> s.session().id().equals("s-a")).findFirst().orElseThrow();
        assertThat(a.session()).isEqualTo(new Session("s-a", "u1", "coder", a.session().context(), at(0), at(10_000)));
        assertThat(a.session().context()).contains("\"repo\"").contains("\"shop\"");
        assertThat(a.totals()).isEqualTo(new SessionTotals(2, 1, 5, 2, 1, 1, 110, 55, usd("0.012000000"),
                at(1000), at(6200), 2, 3.0));
        SessionSummary b = page.items().stream().filter(s -> s.session().id().equals("s-b")).findFirst().orElseThrow();
        assertThat(b.totals()).isEqualTo(new SessionTotals(1, 0, 1, 1, 0, 0, 0, 0, usd("0.000000000"),
                at(21_000), at(22_200), 0, null));
        SessionSummary d = page.items().stream().filter(s -> s.session().id().equals("s-d")).findFirst().orElseThrow();
        assertThat(d.totals()).isEqualTo(SessionTotals.EMPTY);
        assertThat(d.totals().totalTokens()).isZero();
    }

    @Test
    public void pagesAndTheCursorWalkEverySessionOnce() {
        SessionPage second = store().sessions().list(ws, SessionQuery.ALL, new PageRequest(2, 2, null));
        assertThat(second.items()).extracting(s -> s.session().id()).containsExactly("s-a", "s-c");
        assertThat(second.nextCursor()).isNull();

        List<String> walked = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 10; i++) {
            SessionPage page = store().sessions().list(ws, SessionQuery.ALL, new PageRequest(1, 1, cursor));
            page.items().forEach(s -> walked.add(s.session().id()));
            cursor = page.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        assertThat(walked).containsExactly("s-d", "s-b", "s-a", "s-c");
    }

    @Test
    public void aCursorThisServerDidNotIssueIsRefused() {
        for (String bad : List.of("garbage!", "s", "sbm90LWEtdGltZQ", "MjAyNi0xMS0wMVQxMDowMDowMFoKdDE")) {
            assertThatThrownBy(() -> store().sessions().list(ws, SessionQuery.ALL, new PageRequest(1, 5, bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    public void theDetailHasTheTracesAndStepsOldestFirst() {
        SessionDetail detail = store().sessions().get(ws, "s-a", 100).orElseThrow();
        assertThat(detail.summary().totals().traces()).isEqualTo(2);
        assertThat(detail.traces()).extracting(t -> t.trace().id()).containsExactly("t1", "t2");
        assertThat(detail.traces().get(0).rollup().costUsd()).isEqualByComparingTo("0.01");
        assertThat(detail.tracesTruncated()).isFalse();
        assertThat(detail.steps()).extracting(Span::id).containsExactly("k1", "k2", "g1");
        assertThat(detail.steps()).extracting(Span::kind)
                .containsExactly(SpanKind.TOOL, SpanKind.TOOL, SpanKind.CODE_GENERATION);
        assertThat(detail.steps().get(1).status()).isEqualTo(Status.ERROR);
        assertThat(detail.stepsTruncated()).isFalse();

        SessionDetail capped = store().sessions().get(ws, "s-a", 1).orElseThrow();
        assertThat(capped.traces()).extracting(t -> t.trace().id()).containsExactly("t1");
        assertThat(capped.tracesTruncated()).isTrue();
        assertThat(capped.steps()).extracting(Span::id).containsExactly("k1");
        assertThat(capped.stepsTruncated()).isTrue();
        assertThat(capped.summary().totals().toolCalls()).isEqualTo(2); // totals count everything

        SessionDetail empty = store().sessions().get(ws, "s-d", 100).orElseThrow();
        assertThat(empty.traces()).isEmpty();
        assertThat(empty.steps()).isEmpty();
        assertThat(store().sessions().get(ws, "s-z", 100)).as("traces name it, but it never arrived").isEmpty();
        assertThat(store().sessions().get(ws, "nope", 100)).isEmpty();
    }

    @Test
    public void anotherWorkspaceSeesOnlyItsOwnSessions() {
        assertThat(store().sessions().get(ws, "s-x", 100)).isEmpty();
        assertThat(store().sessions().get(other, "s-b", 100)).isEmpty();
        SessionDetail theirs = store().sessions().get(other, "s-a", 100).orElseThrow();
        assertThat(theirs.summary().session().agentId()).isEqualTo("intruder");
        assertThat(theirs.summary().totals()).isEqualTo(new SessionTotals(2, 1, 2, 1, 1, 0, 7, 7, usd("5.000000000"),
                at(1000), at(3200), 1, 1.0));
        assertThat(theirs.traces()).extracting(t -> t.trace().id()).containsExactly("t1", "t9");
        assertThat(store().sessions().list(other, SessionQuery.ALL, PageRequest.first(10)).items())
                .extracting(s -> s.session().id()).containsExactly("s-x", "s-a");
        assertThat(ids(SessionQuery.ALL)).doesNotContain("s-x");
    }
}
