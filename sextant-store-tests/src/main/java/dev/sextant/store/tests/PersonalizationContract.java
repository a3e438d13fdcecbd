package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.Handoff;
import dev.sextant.model.Score;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.PersonalizationQuery;
import dev.sextant.store.UserBehaviour;
import dev.sextant.store.UserWeek;
import dev.sextant.store.WorkspaceBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-user weeks and behaviour over a small known dataset (weeks start Monday 2 Nov 2026):
 * <pre>
 * a1 ann bot    Mon 2 Nov 03:00 night     "hello"/"hi there" text          ratings 4 and 2 (+ thumbs, + a verdict)
 * a2 ann bot    Tue 3 Nov 09:00 morning   "abc"/-            voice handoff rating 5
 * a3 ann bot    Tue 10 Nov 13:00 afternoon -/"xxxxxxxxxx"    text          rating 1
 * a4 ann helper Mon 16 Nov 20:00 evening  "héllo"/-          -
 * b1 bob bot    Mon 9 Nov 18:00 evening   "question"/"answer" email
 * no-user (bot, rated 5) and late (ann, at the range's end) are not counted.
 * </pre>
 * Another workspace has an "a1" of ann's too, rated 1: it must change nothing here.
 */
public abstract class PersonalizationContract extends StoreContract {
    private static final Instant FROM = Instant.parse("2026-11-02T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant W1 = FROM;
    private static final Instant W2 = Instant.parse("2026-11-09T00:00:00Z");
    private static final Instant W3 = Instant.parse("2026-11-16T00:00:00Z");

    private WorkspaceId ws;
    private WorkspaceId other;

    private static Trace trace(String id, String user, String agent, String start, String input, String output,
            String type, boolean handoff) {
        Instant at = Instant.parse(start);
        return new Trace(id, agent, null, null, user, null, input, output, Status.OK, null, at, at.plusSeconds(2), type,
                null, null, handoff ? new Handoff(true, "angry", "human") : null, null, null, null, null, null, null);
    }

    private static Score rating(String id, String trace, Double value, String verdict) {
        return new Score(id, trace, null, "user_rating", value, verdict, null, "user", null, FROM);
    }

    @BeforeAll
    void seed() {
        ws = newWorkspace();
        other = newWorkspace();
        write(new WorkspaceBatch(ws, List.of(
                trace("a1", "ann", "bot", "2026-11-02T03:00:00Z", "hello", "hi there", "text", false),
                trace("a2", "ann", "bot", "2026-11-03T09:00:00Z", "abc", null, "voice", true),
                trace("a3", "ann", "bot", "2026-11-10T13:00:00Z", null, "xxxxxxxxxx", "text", false),
                trace("a4", "ann", "helper", "2026-11-16T20:00:00Z", "h\u00e9llo", null, null, false),
                trace("b1", "bob", "bot", "2026-11-09T18:00:00Z", "question", "answer", "email", false),
                trace("no-user", null, "bot", "2026-11-02T10:00:00Z", "x", "y", "text", false),
                trace("late", "ann", "bot", "2026-11-23T00:00:00Z", "x", "y", "text", false)),
                List.of(), List.of(
                        rating("r1", "a1", 4.0, null), rating("r2", "a1", 2.0, null), rating("r3", "a1", null, "good"),
                        new Score("t1", "a1", null, "thumbs", 1.0, null, null, "user", null, FROM),
                        rating("r4", "a2", 5.0, null), rating("r5", "a3", 1.0, null),
                        rating("r6", "no-user", 5.0, null), rating("r7", "late", 5.0, null)), List.of()),
                new WorkspaceBatch(other, List.of(trace("a1", "ann", "bot", "2026-11-02T03:00:00Z", "a", "b", "text", true)),
                        List.of(), List.of(rating("r1", "a1", 1.0, null)), List.of()));
    }

    private static PersonalizationQuery query(String agent, String user) {
        return new PersonalizationQuery(FROM, TO, agent, user);
    }

    @Test
    public void weeksCountInteractionsAndAverageEveryNumericRating() {
        List<UserWeek> weeks = store().personalization().weeks(ws, query(null, null));

        assertThat(weeks).hasSize(4);
        assertThat(weeks.get(0)).isEqualTo(new UserWeek("ann", "bot", W1, 2, 11 / 3.0, 3));
        assertThat(weeks.get(1)).isEqualTo(new UserWeek("ann", "bot", W2, 1, 1.0, 1));
        assertThat(weeks.get(2)).isEqualTo(new UserWeek("ann", "helper", W3, 1, null, 0));
        assertThat(weeks.get(3)).isEqualTo(new UserWeek("bob", "bot", W2, 1, null, 0));
    }

    @Test
    public void weeksFollowTheAgentAndUserFilters() {
        assertThat(store().personalization().weeks(ws, query("helper", null)))
                .containsExactly(new UserWeek("ann", "helper", W3, 1, null, 0));
        assertThat(store().personalization().weeks(ws, query(null, "bob")))
                .containsExactly(new UserWeek("bob", "bot", W2, 1, null, 0));
        assertThat(store().personalization().weeks(ws, query("bot", "nobody"))).isEmpty();
    }

    @Test
    public void behaviourHasLengthsTypesHoursAgentsAndHandoffs() {
        List<UserBehaviour> users = store().personalization().behaviour(ws, query(null, null));

        assertThat(users).extracting(UserBehaviour::userId).containsExactly("ann", "bob");
        UserBehaviour ann = users.get(0);
        assertThat(ann.interactions()).isEqualTo(4);
        assertThat(ann.meanInputChars()).isCloseTo(13 / 3.0, within(1e-12));
        assertThat(ann.meanOutputChars()).isEqualTo(9.0);
        assertThat(ann.messageTypes()).isEqualTo(Map.of("text", 2L, "voice", 1L, UserBehaviour.NO_MESSAGE_TYPE, 1L));
        assertThat(ann.meanRating()).isEqualTo(3.0);
        assertThat(ann.ratings()).isEqualTo(4);
        assertThat(List.of(ann.night(), ann.morning(), ann.afternoon(), ann.evening())).containsExactly(1L, 1L, 1L, 1L);
        assertThat(ann.distinctAgents()).isEqualTo(2);
        assertThat(ann.handoffs()).isEqualTo(1);
        assertThat(ann.share(ann.handoffs())).isEqualTo(0.25);

        assertThat(users.get(1)).isEqualTo(new UserBehaviour("bob", 1, 8.0, 6.0, Map.of("email", 1L), null, 0, 0, 0, 0,
                1, 1, 0));
    }

    @Test
    public void behaviourFollowsTheFilters() {
        List<UserBehaviour> helper = store().personalization().behaviour(ws, query("helper", "ann"));
        assertThat(helper).containsExactly(new UserBehaviour("ann", 1, 5.0, null,
                Map.of(UserBehaviour.NO_MESSAGE_TYPE, 1L), null, 0, 0, 0, 0, 1, 1, 0));
    }

    @Test
    public void anotherWorkspaceSeesOnlyItsOwn() {
        assertThat(store().personalization().weeks(other, query(null, null)))
                .containsExactly(new UserWeek("ann", "bot", W1, 1, 1.0, 1));
        assertThat(store().personalization().behaviour(other, query(null, null)))
                .extracting(UserBehaviour::userId, UserBehaviour::handoffs).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ann", 1L));
        WorkspaceId empty = newWorkspace();
        assertThat(store().personalization().weeks(empty, query(null, null))).isEmpty();
        assertThat(store().personalization().behaviour(empty, query(null, "ann"))).isEmpty();
    }

    @Test
    public void aQueryNeedsAnOrderedBoundedRange() {
        assertThatThrownBy(() -> new PersonalizationQuery(TO, FROM, null, null))
                .hasMessage("to (" + FROM + ") must be after from (" + TO + ")");
        assertThatThrownBy(() -> new PersonalizationQuery(FROM, FROM.plusSeconds(367L * 86_400), null, null))
                .hasMessageContaining("longer than 366 days");
    }
}
