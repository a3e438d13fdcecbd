package dev.sextant.store.tests.erasure;

import static dev.sextant.store.tests.Fixtures.llm;
import static dev.sextant.store.tests.Fixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.TraceDetail;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.erasure.ErasureCounts;
import dev.sextant.store.erasure.ErasureReceipt;
import dev.sextant.store.tests.StoreContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Erasure of one end user: their traces (with spans and scores), the scores they gave and their
 * sessions go, in batches smaller than the data; other users and other workspaces keep theirs;
 * the counts are exact; ingestion of other users during an erasure loses nothing.
 */
public abstract class ErasureContract extends StoreContract {
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    public void onlyTheUsersDataGoesAndOnlyInTheirWorkspace() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        for (WorkspaceId w : List.of(ws, other)) {
            write(user(w, "alice", 5), user(w, "bob", 3));
        }
        // bob rates one of alice's answers: the score is about alice's trace, it goes with it
        write(new WorkspaceBatch(ws, List.of(), List.of(),
                List.of(new Score("cross", "alice-0", null, "thumbs", 1.0, null, null, "user", "bob", AT)), List.of()));

        ErasureCounts counts = store().erasure().erase(ws, Set.of("alice"), 2);

        // 5 traces, 2 spans each; 5 scores she gave on them + 1 she gave on no trace + bob's on her trace; 1 session
        assertThat(counts).isEqualTo(new ErasureCounts(5, 10, 5 + 1 + 1, 1));
        for (int i = 0; i < 5; i++) {
            assertThat(store().interactions().get(ws, "alice-" + i)).isEmpty();
            TraceDetail kept = store().interactions().get(other, "alice-" + i).orElseThrow();
            assertThat(kept.spans()).hasSize(2);
            assertThat(kept.scores()).hasSize(1);
        }
        for (int i = 0; i < 3; i++) {
            TraceDetail bob = store().interactions().get(ws, "bob-" + i).orElseThrow();
            assertThat(bob.spans()).hasSize(2);
            assertThat(bob.scores()).extracting(Score::userId).containsOnly("bob");
        }
        assertThat(store().erasure().remaining(ws, Set.of("alice"))).isZero();
        assertThat(store().erasure().remaining(other, Set.of("alice"))).isEqualTo(5 + 6 + 1);
        assertThat(store().erasure().remaining(ws, Set.of("bob"))).isEqualTo(3 + 4 + 1);
        // idempotent
        assertThat(store().erasure().erase(ws, Set.of("alice"), 2)).isEqualTo(ErasureCounts.NONE);
    }

    @Test
    public void everyStoredFormOfTheIdIsMatched() {
        WorkspaceId ws = newWorkspace();
        write(user(ws, "carol", 2), user(ws, "uh_0123456789abcdef", 3), user(ws, "dave", 1));

        ErasureCounts counts = store().erasure().erase(ws, Set.of("carol", "uh_0123456789abcdef"), 1000);

        assertThat(counts).isEqualTo(new ErasureCounts(5, 10, 5 + 2, 2));
        assertThat(store().interactions().get(ws, "dave-0")).isPresent();
    }

    @Test
    public void anUnknownUserErasesNothing() {
        WorkspaceId ws = newWorkspace();
        write(user(ws, "erin", 2));
        assertThat(store().erasure().erase(ws, Set.of("nobody"), 10)).isEqualTo(ErasureCounts.NONE);
        assertThat(store().erasure().erase(ws, Set.of(), 10)).isEqualTo(ErasureCounts.NONE);
        assertThat(store().erasure().remaining(ws, Set.of("erin"))).isEqualTo(2 + 3 + 1);
    }

    @Test
    public void ingestionOfOthersDuringAnErasureIsNotLost() throws Exception {
        WorkspaceId ws = newWorkspace();
        write(user(ws, "frank", 40));
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writing = writer.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    write(user(ws, "live" + i, 1));
                }
            });
            ErasureCounts counts = store().erasure().erase(ws, Set.of("frank"), 1);
            writing.get();
            assertThat(counts).isEqualTo(new ErasureCounts(40, 80, 41, 1));
        } finally {
            writer.shutdownNow();
        }
        for (int i = 0; i < 30; i++) {
            TraceDetail live = store().interactions().get(ws, "live" + i + "-0").orElseThrow();
            assertThat(live.spans()).hasSize(2);
            assertThat(live.scores()).hasSize(1);
        }
        assertThat(store().erasure().remaining(ws, Set.of("frank"))).isZero();
    }

    /**
     * The erased user's own records arriving while the erasure runs are either erased (counted in
     * the result) or still stored and counted by {@code remaining}: never lost track of.
     */
    @Test
    public void theUsersRecordsArrivingDuringAnErasureAreErasedOrRemaining() throws Exception {
        WorkspaceId ws = newWorkspace();
        write(user(ws, "ivan", "early", 30));
        ExecutorService writer = Executors.newSingleThreadExecutor();
        ErasureCounts counts;
        try {
            Future<?> writing = writer.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    write(user(ws, "ivan", "late" + i, 1));
                }
            });
            counts = store().erasure().erase(ws, Set.of("ivan"), 1);
            writing.get();
        } finally {
            writer.shutdownNow();
        }
        int lateStored = 0;
        for (int i = 0; i < 20; i++) {
            if (store().interactions().get(ws, "late" + i + "-ivan-0").isPresent()) {
                lateStored++;
            }
        }
        for (int i = 0; i < 30; i++) {
            assertThat(store().interactions().get(ws, "early-ivan-" + i)).isEmpty();
        }
        assertThat(counts.traces() + lateStored).isEqualTo(30 + 20);
        // what is left is found by the next erasure, and then nothing remains
        ErasureCounts again = store().erasure().erase(ws, Set.of("ivan"), 1);
        assertThat(again.traces()).isEqualTo(lateStored);
        assertThat(store().erasure().remaining(ws, Set.of("ivan"))).isZero();
    }

    @Test
    public void receiptsAreKeptPerWorkspaceNewestFirst() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        ErasureReceipt first = new ErasureReceipt("erasure_a", "gina", AT, AT.plusSeconds(1),
                new ErasureCounts(1, 2, 3, 4), 0);
        ErasureReceipt second = new ErasureReceipt("erasure_b", "gina", AT.plusSeconds(60), AT.plusSeconds(61),
                ErasureCounts.NONE, 2);
        store().erasure().record(ws, first);
        store().erasure().record(ws, second);
        store().erasure().record(ws, new ErasureReceipt("erasure_c", "hank", AT, AT, ErasureCounts.NONE, 0));

        assertThat(store().erasure().receipts(ws, "gina")).containsExactly(second, first);
        assertThat(store().erasure().receipt(ws, "erasure_a")).contains(first);
        assertThat(store().erasure().receipts(other, "gina")).isEmpty();
        assertThat(store().erasure().receipt(other, "erasure_a")).isEmpty();
    }

    /**
     * {@code count} traces "user-i" of the user, each with two LLM spans and one score the user
     * gave on it, one score the user gave on nothing of theirs (on no trace) and one session.
     */
    private static WorkspaceBatch user(WorkspaceId ws, String user, int count) {
        return user(ws, user, "", count);
    }

    /** As {@link #user(WorkspaceId, String, int)}, every record id starting with {@code prefix + "-"} when one is given. */
    private static WorkspaceBatch user(WorkspaceId ws, String user, String prefix, int count) {
        String p = prefix.isEmpty() ? "" : prefix + "-";
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = p + user + "-" + i;
            Instant at = AT.plusSeconds(i);
            Trace t = trace(id, at);
            traces.add(new Trace(id, t.agentId(), user + "-session", t.conversationId(), user, t.name(), t.input(),
                    t.output(), t.status(), t.error(), t.startedAt(), t.endedAt(), t.messageType(), t.intents(),
                    t.confidence(), t.handoff(), t.contextSize(), t.configVersion(), t.experimentId(), t.variantId(),
                    t.tags(), t.metadata()));
            spans.add(llm(id + "-a", id, at, "gpt-4o", Usage.of(1000, 500), "0.01"));
            spans.add(llm(id + "-b", id, at.plusMillis(10), "gpt-4o", Usage.of(1000, 500), "0.01"));
            scores.add(new Score(id + "-score", id, null, "user_rating", 4.0, null, "fine", "user", user, at));
        }
        scores.add(new Score(p + user + "-given", null, null, "nps", 9.0, null, "likes it", "user", user, AT));
        return new WorkspaceBatch(ws, traces, spans, scores,
                List.of(new Session(user + "-session", user, "support-bot", "{\"channel\": \"web\"}", AT, null)));
    }
}
