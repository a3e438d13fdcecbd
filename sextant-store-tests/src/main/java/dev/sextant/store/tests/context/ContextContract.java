package dev.sextant.store.tests.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.Handoff;
import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.RetentionCutoffs;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.context.ContextItem;
import dev.sextant.store.context.ContextItems;
import dev.sextant.store.context.ContextObservation;
import dev.sextant.store.context.ContextOwner;
import dev.sextant.store.context.ContextQuery;
import dev.sextant.store.context.Outcome;
import dev.sextant.store.tests.StoreContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Typed context items: written with their records, the trace's items win over its session's for
 * a type, re-sending replaces, observations page by trace id with their outcome, erasure and
 * retention take the items of what they delete, and nothing crosses a workspace.
 */
public abstract class ContextContract extends StoreContract {
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");
    private static final Instant FROM = AT.minusSeconds(86_400);
    private static final Instant TO = AT.plusSeconds(86_400);

    private static Trace trace(String id, String agent, String session, Status status, Instant start, Long ms) {
        return new Trace(id, agent, session, null, "user-" + id, "answer", null, null, status, null, start,
                ms == null ? null : start.plusMillis(ms), null, null, null, new Handoff(false, null, null), null, null,
                null, null, null, null);
    }

    private static ContextItems of(ContextOwner owner, String id, ContextItem... items) {
        return new ContextItems(owner, id, List.of(items));
    }

    private static ContextItem text(String type, String value) {
        return ContextItem.categorical(type, value);
    }

    private static ContextItem number(String type, double value) {
        return new ContextItem(type, Double.toString(value), value);
    }

    private static WorkspaceBatch batch(WorkspaceId ws, List<Trace> traces, List<Session> sessions, List<ContextItems> contexts) {
        return new WorkspaceBatch(ws, traces, List.of(), List.of(), sessions, contexts);
    }

    private List<ContextObservation> all(WorkspaceId ws, String agent) {
        return store().context().observations(ws, new ContextQuery(FROM, TO, agent, null, ContextQuery.MAX_LIMIT));
    }

    @Test
    public void theTracesItemsWinOverItsSessionsForAType() {
        WorkspaceId ws = newWorkspace();
        write(batch(ws, List.of(trace("t1", "bot", "s1", Status.OK, AT, 1200L)),
                List.of(new Session("s1", "u", "bot", "{\"locale\": \"de\"}", AT, null)),
                List.of(of(ContextOwner.SESSION, "s1", text("locale", "de"), text("channel", "web")),
                        of(ContextOwner.TRACE, "t1", text("channel", "email"), text("files_open", "b.java"),
                                text("files_open", "a.java"), number("history_length", 3), text("vip", "true")))));

        ContextObservation o = all(ws, null).getFirst();

        assertThat(o.traceId()).isEqualTo("t1");
        assertThat(o.agentId()).isEqualTo("bot");
        assertThat(o.startedAt()).isEqualTo(AT);
        assertThat(o.values()).isEqualTo(Map.of("channel", List.of("email"), "locale", List.of("de"),
                "files_open", List.of("a.java", "b.java"), "vip", List.of("true")));
        assertThat(o.numbers()).isEqualTo(Map.of("history_length", 3.0));
        assertThat(store().context().items(ws, "t1")).containsExactly(text("channel", "email"),
                text("files_open", "a.java"), text("files_open", "b.java"), number("history_length", 3),
                text("locale", "de"), text("vip", "true"));
        assertThat(store().context().items(ws, "missing")).isEmpty();
    }

    @Test
    public void resendingARecordReplacesItsItemsAndACopyWithoutContextKeepsThem() {
        WorkspaceId ws = newWorkspace();
        write(batch(ws, List.of(trace("t1", "bot", null, Status.OK, AT, 10L)), List.of(),
                List.of(of(ContextOwner.TRACE, "t1", text("channel", "web"), text("locale", "en")))));
        write(batch(ws, List.of(trace("t1", "bot", null, Status.OK, AT, 10L)), List.of(),
                List.of(of(ContextOwner.TRACE, "t1", text("channel", "chat")))));
        assertThat(store().context().items(ws, "t1")).containsExactly(text("channel", "chat"));

        write(batch(ws, List.of(trace("t1", "bot", null, Status.ERROR, AT, 10L)), List.of(), List.of()));
        assertThat(store().context().items(ws, "t1")).containsExactly(text("channel", "chat"));

        write(batch(ws, List.of(trace("t1", "bot", null, Status.ERROR, AT, 10L)), List.of(),
                List.of(new ContextItems(ContextOwner.TRACE, "t1", List.of()))));
        assertThat(store().context().items(ws, "t1")).isEmpty();
    }

    @Test
    public void theLastCopyWinsWithinOneWrite() {
        WorkspaceId ws = newWorkspace();
        store().tracking().write(List.of(
                batch(ws, List.of(trace("t1", "bot", null, Status.OK, AT, 10L)), List.of(),
                        List.of(of(ContextOwner.TRACE, "t1", text("channel", "web")))),
                batch(ws, List.of(trace("t1", "bot", null, Status.OK, AT, 10L)), List.of(),
                        List.of(of(ContextOwner.TRACE, "t1", text("channel", "phone"))))));
        assertThat(store().context().items(ws, "t1")).containsExactly(text("channel", "phone"));
    }

    @Test
    public void observationsCarryTheOutcome() {
        WorkspaceId ws = newWorkspace();
        Trace failed = new Trace("t2", "bot", null, null, null, null, null, null, Status.ERROR, "boom", AT,
                AT.plusMillis(800), null, null, null, new Handoff(true, "stuck", "human"), null, null, null, null, null, null);
        write(batch(ws, List.of(trace("t1", "bot", null, Status.OK, AT, 1200L), failed,
                trace("t3", "bot", null, null, AT, null)), List.of(), List.of()),
                new WorkspaceBatch(ws, List.of(), List.of(), List.of(
                        new Score("r1", "t1", null, "user_rating", 4.0, null, null, "user", "u", AT),
                        new Score("r2", "t1", null, "user_rating", 2.0, null, null, "user", "u", AT),
                        new Score("r3", "t1", null, "thumbs", 1.0, null, null, "user", "u", AT)), List.of()));

        List<ContextObservation> page = all(ws, null);

        assertThat(page).extracting(ContextObservation::traceId).containsExactly("t1", "t2", "t3");
        assertThat(page.get(0).outcome()).isEqualTo(new Outcome(true, false, 1200L, 0.0, 3.0));
        assertThat(page.get(1).outcome()).isEqualTo(new Outcome(false, true, 800L, 0.0, null));
        assertThat(page.get(2).outcome().success()).as("no status is not an error").isTrue();
        assertThat(page.get(2).outcome().durationMs()).isNull();
        assertThat(page.get(0).values()).isEmpty();
        assertThat(page.get(0).numbers()).isEmpty();
    }

    @Test
    public void pagesByTraceIdWithinTheWindowAndAgent() {
        WorkspaceId ws = newWorkspace();
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            traces.add(trace("t" + i, i % 2 == 0 ? "even" : "odd", null, Status.OK, AT.plusSeconds(i), 5L));
        }
        traces.add(trace("early", "even", null, Status.OK, FROM.minusSeconds(1), 5L));
        traces.add(trace("late", "even", null, Status.OK, TO, 5L));
        write(batch(ws, traces, List.of(), List.of()));

        ContextQuery first = new ContextQuery(FROM, TO, null, null, 3);
        List<String> ids = new ArrayList<>();
        List<ContextObservation> page = store().context().observations(ws, first);
        while (!page.isEmpty()) {
            page.forEach(o -> ids.add(o.traceId()));
            page = store().context().observations(ws, first.after(page.getLast().traceId()));
        }
        assertThat(ids).containsExactly("t0", "t1", "t2", "t3", "t4", "t5", "t6");
        assertThat(store().context().count(ws, first)).isEqualTo(7);
        ContextQuery even = new ContextQuery(FROM, TO, "even", null, 10);
        assertThat(store().context().observations(ws, even)).extracting(ContextObservation::traceId)
                .containsExactly("t0", "t2", "t4", "t6");
        assertThat(store().context().count(ws, even)).isEqualTo(4);
    }

    @Test
    public void anotherWorkspacesItemsAreNeverSeenOrTouched() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        write(batch(other, List.of(trace("t1", "bot", "s1", Status.OK, AT, 5L), trace("only-there", "bot", null, Status.OK, AT, 5L)),
                List.of(new Session("s1", "u", "bot", null, AT, null)),
                List.of(of(ContextOwner.TRACE, "t1", text("locale", "fr")), of(ContextOwner.SESSION, "s1", text("channel", "sms")),
                        of(ContextOwner.TRACE, "only-there", text("locale", "it")))));
        write(batch(ws, List.of(trace("t1", "bot", "s1", Status.OK, AT, 5L)), List.of(new Session("s1", "u", "bot", null, AT, null)),
                List.of(of(ContextOwner.TRACE, "t1", text("locale", "de")))));

        assertThat(store().context().items(ws, "t1")).containsExactly(text("locale", "de"));
        assertThat(store().context().items(ws, "only-there")).isEmpty();
        assertThat(all(ws, null)).extracting(ContextObservation::traceId).containsExactly("t1");
        assertThat(all(ws, null).getFirst().values()).isEqualTo(Map.of("locale", List.of("de")));
        assertThat(store().context().count(ws, new ContextQuery(FROM, TO, null, null, 1))).isEqualTo(1);
        // replacing ws's items left the other workspace's alone
        assertThat(store().context().items(other, "t1")).containsExactly(text("channel", "sms"), text("locale", "fr"));
    }

    @Test
    public void erasureTakesTheItemsOfTheUsersTracesAndSessions() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        for (WorkspaceId w : List.of(ws, other)) {
            write(batch(w, List.of(trace("t1", "bot", "s1", Status.OK, AT, 5L), trace("t2", "bot", null, Status.OK, AT, 5L)),
                    List.of(new Session("s1", "user-t1", "bot", null, AT, null)),
                    List.of(of(ContextOwner.TRACE, "t1", text("locale", "de")), of(ContextOwner.SESSION, "s1", text("channel", "web")),
                            of(ContextOwner.TRACE, "t2", text("locale", "en")))));
        }

        store().erasure().erase(ws, Set.of("user-t1"), 10);

        // the same ids written again without context: anything left behind would show
        write(batch(ws, List.of(trace("t1", "bot", "s1", Status.OK, AT, 5L)),
                List.of(new Session("s1", "someone-else", "bot", null, AT, null)), List.of()));
        assertThat(store().context().items(ws, "t1")).isEmpty();
        assertThat(store().context().items(ws, "t2")).containsExactly(text("locale", "en"));
        assertThat(store().context().items(other, "t1")).containsExactly(text("channel", "web"), text("locale", "de"));
    }

    @Test
    public void retentionTakesTheItemsOfOldTracesAndSessions() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        Instant old = AT.minusSeconds(400L * 86_400);
        for (WorkspaceId w : List.of(ws, other)) {
            List<Trace> traces = new ArrayList<>();
            List<ContextItems> items = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                traces.add(trace("old-" + i, "bot", "s-old", Status.OK, old, 5L));
                items.add(of(ContextOwner.TRACE, "old-" + i, text("locale", "de")));
            }
            traces.add(trace("new", "bot", "s-new", Status.OK, AT, 5L));
            items.add(of(ContextOwner.TRACE, "new", text("locale", "en")));
            items.add(of(ContextOwner.SESSION, "s-old", text("channel", "web")));
            items.add(of(ContextOwner.SESSION, "s-new", text("channel", "chat")));
            write(batch(w, traces, List.of(new Session("s-old", "u", "bot", null, old, old.plusSeconds(5)),
                    new Session("s-new", "u", "bot", null, AT, null)), items));
        }

        store().retention().purge(ws, new RetentionCutoffs(AT.minusSeconds(86_400), null, null), 2);

        write(batch(ws, List.of(trace("old-0", "bot", "s-old", Status.OK, old, 5L)),
                List.of(new Session("s-old", "u", "bot", null, old, null)), List.of()));
        assertThat(store().context().items(ws, "old-0")).isEmpty();
        assertThat(store().context().items(ws, "new")).containsExactly(text("channel", "chat"), text("locale", "en"));
        assertThat(store().context().items(other, "old-0")).containsExactly(text("channel", "web"), text("locale", "de"));
    }

    @Test
    public void oneWriteOfNewAndResentTracesReplacesOnlyTheResentOnesItemsInItsOwnWorkspace() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        write(batch(ws, List.of(trace("t1", "bot", null, Status.OK, AT, 10L)), List.of(),
                List.of(of(ContextOwner.TRACE, "t1", text("channel", "web"), text("locale", "en")))));
        write(batch(other, List.of(trace("t2", "bot", null, Status.OK, AT, 10L)), List.of(),
                List.of(of(ContextOwner.TRACE, "t2", text("channel", "fax")))));

        // t1 re-sent and t2 new in ws, t2 new in ws but stored in the other workspace, in one write
        store().tracking().write(List.of(batch(ws, List.of(trace("t1", "bot", null, Status.OK, AT, 10L),
                        trace("t2", "bot", null, Status.OK, AT, 10L)), List.of(),
                List.of(of(ContextOwner.TRACE, "t1", text("channel", "chat")),
                        of(ContextOwner.TRACE, "t2", text("channel", "email"), number("history_length", 4))))));

        assertThat(store().context().items(ws, "t1")).containsExactly(text("channel", "chat"));
        assertThat(store().context().items(ws, "t2")).containsExactly(text("channel", "email"), number("history_length", 4));
        assertThat(store().context().items(other, "t2")).containsExactly(text("channel", "fax"));
        assertThat(all(ws, null)).hasSize(2);
    }
}
