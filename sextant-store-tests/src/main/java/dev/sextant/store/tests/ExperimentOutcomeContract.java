package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.Handoff;
import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ExperimentOutcomeQuery;
import dev.sextant.store.ExperimentOutcomeTotals;
import dev.sextant.store.ExperimentUnitKind;
import dev.sextant.store.ExperimentUnitOutcome;
import dev.sextant.store.ExperimentUnitOutcome.Pre;
import dev.sextant.store.WorkspaceBatch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-unit outcomes of an experiment against a small dataset whose every figure is written out
 * here: two ratings on one trace, an error with a hand-off and a cost, a trace without a duration,
 * traces outside the window, of another experiment, without a unit or variant, a pre-period trace
 * of no experiment, and the same ids in another workspace.
 */
public abstract class ExperimentOutcomeContract extends StoreContract {
    private static final Instant D0 = Instant.parse("2026-10-05T00:00:00Z");
    private static final String HOSTILE_EXPERIMENT = "exp'); DROP TABLE traces; --";
    private static final String HOSTILE_UNIT = "O'Brien \u2028 \uD83E\uDDED %_";
    private WorkspaceId ws;
    private WorkspaceId other;

    private static Instant at(Duration d) {
        return D0.plus(d);
    }

    private static Trace trace(String id, String session, String user, Status status, Instant start, Long millis,
            boolean handoff, String experiment, String variant) {
        return new Trace(id, "bot", session, null, user, "turn", "in", "out", status, null, start,
                millis == null ? null : start.plusMillis(millis), null, null, null,
                handoff ? new Handoff(true, "asked for a human", null) : null, null, null, experiment, variant, null,
                null);
    }

    private static Score score(String id, String traceId, String name, double value) {
        return new Score(id, traceId, null, name, value, null, null, "user", null, D0.plusSeconds(60));
    }

    private static WorkspaceBatch dataset(WorkspaceId workspace, String otherUser) {
        List<Trace> traces = List.of(
                trace("t1", "s-1", "u1", Status.OK, at(Duration.ofHours(1)), 1000L, false, "exp-1", "A"),
                trace("t2", "s-2", "u1", Status.ERROR, at(Duration.ofDays(2)), 3000L, true, "exp-1", "A"),
                trace("t3", "s-1", "u2", Status.OK, at(Duration.ofHours(3)), null, false, "exp-1", "B"),
                trace("t4", "s-3", null, Status.OK, at(Duration.ofHours(4)), 10L, false, "exp-1", "A"),
                trace("t5", null, "u3", Status.OK, at(Duration.ofHours(5)), 10L, false, "exp-1", null),
                trace("t6", "s-1", "u2", Status.OK, at(Duration.ofDays(8)), 10L, false, "exp-1", "B"),
                trace("t7", "s-1", "u2", Status.OK, at(Duration.ofHours(6)), 10L, false, "exp-2", "B"),
                trace("t8", "s-8", "u4", Status.OK, at(Duration.ofHours(7)), 10L, false, "exp-3", "A"),
                trace("t9", "s-9", "u4", Status.OK, at(Duration.ofHours(8)), 10L, false, "exp-3", "B"),
                trace("t10", "s-8", "u5", Status.OK, at(Duration.ofHours(9)), 10L, false, "exp-3", "B"),
                trace("h1", null, HOSTILE_UNIT, Status.OK, at(Duration.ofHours(10)), 10L, false, HOSTILE_EXPERIMENT,
                        "A'); --"),
                trace("p1", null, "u1", Status.UNSET, at(Duration.ofDays(-2)), 500L, false, null, null),
                trace("p2", null, "u1", Status.OK, at(Duration.ofDays(-10)), 500L, false, null, null),
                trace("p3", null, otherUser, Status.OK, at(Duration.ofDays(-1)), 700L, false, "exp-0", "X"));
        List<Span> spans = List.of(Fixtures.llm("c2", "t2", at(Duration.ofDays(2)), "gpt-4o", Usage.of(10, 5), "0.01"));
        List<Score> scores = List.of(score("r1", "t1", "user_rating", 4), score("r2", "t1", "user_rating", 2),
                score("r3", "t3", "user_rating", 5), score("r4", "t3", "thumbs", 1), score("r5", "p1", "user_rating", 3),
                score("r6", "t6", "user_rating", 1));
        return new WorkspaceBatch(workspace, traces, spans, scores, List.of());
    }

    @BeforeAll
    void data() {
        ws = newWorkspace();
        other = newWorkspace();
        write(dataset(ws, "u9"), dataset(other, "u1"));
    }

    private static ExperimentOutcomeQuery query(String experiment, ExperimentUnitKind unit) {
        return new ExperimentOutcomeQuery(experiment, unit, D0, D0.plus(Duration.ofDays(7)), D0.minus(Duration.ofDays(7)));
    }

    private record Read(List<ExperimentUnitOutcome> rows, ExperimentOutcomeTotals totals) {
    }

    private Read read(WorkspaceId workspace, ExperimentOutcomeQuery query) {
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        ExperimentOutcomeTotals totals = store().experimentOutcomes().read(workspace, query, rows::add);
        return new Read(rows, totals);
    }

    private static ExperimentUnitOutcome normalized(ExperimentUnitOutcome r) {
        // money compared by value, whatever scale the backend hands back
        Pre p = r.pre();
        return new ExperimentUnitOutcome(r.variantId(), r.unitId(), r.firstExposure(), r.traces(), r.successes(),
                r.errors(), r.handoffs(), r.durationMsSum(), r.durationCount(), r.costUsd().stripTrailingZeros(),
                r.ratingSum(), r.ratingCount(), new Pre(p.traces(), p.successes(), p.durationMsSum(), p.durationCount(),
                        p.costUsd().stripTrailingZeros(), p.ratingSum(), p.ratingCount()));
    }

    private static final Pre NONE = new Pre(0, 0, 0, 0, BigDecimal.ZERO, 0, 0);

    @Test
    void oneRowPerVariantAndUserWithItsOutcomesAndPrePeriod() {
        Read read = read(ws, query("exp-1", ExperimentUnitKind.USER_ID));
        assertThat(read.rows().stream().map(ExperimentOutcomeContract::normalized)).containsExactly(
                new ExperimentUnitOutcome("A", "u1", at(Duration.ofHours(1)), 2, 1, 1, 1, 4000, 2,
                        new BigDecimal("0.01"), 6, 2, new Pre(1, 1, 500, 1, BigDecimal.ZERO, 3, 1)),
                new ExperimentUnitOutcome("B", "u2", at(Duration.ofHours(3)), 1, 1, 0, 0, 0, 0, BigDecimal.ZERO, 5, 1,
                        NONE));
        assertThat(read.totals()).isEqualTo(new ExperimentOutcomeTotals(2, 1, 1, 0));
    }

    @Test
    void sessionsAsUnitsGiveOneRowPerVariantAndSession() {
        Read read = read(ws, query("exp-1", ExperimentUnitKind.SESSION_ID));
        assertThat(read.rows()).extracting(r -> r.variantId() + ":" + r.unitId() + ":" + r.traces())
                .containsExactly("A:s-1:1", "A:s-2:1", "A:s-3:1", "B:s-1:1");
        assertThat(read.totals()).isEqualTo(new ExperimentOutcomeTotals(4, 1, 0, 1)); // s-1 in A and B
    }

    @Test
    void unitsSeenInSeveralVariantsAreCounted() {
        Read read = read(ws, query("exp-3", ExperimentUnitKind.USER_ID));
        assertThat(read.rows()).extracting(r -> r.variantId() + ":" + r.unitId())
                .containsExactly("A:u4", "B:u4", "B:u5");
        assertThat(read.totals()).isEqualTo(new ExperimentOutcomeTotals(3, 0, 0, 1));
        Read sessions = read(ws, query("exp-3", ExperimentUnitKind.SESSION_ID));
        assertThat(sessions.totals()).isEqualTo(new ExperimentOutcomeTotals(3, 0, 0, 1)); // s-8 in A and B
    }

    @Test
    void hostileIdsAreDataNotSql() {
        Read read = read(ws, query(HOSTILE_EXPERIMENT, ExperimentUnitKind.USER_ID));
        assertThat(read.rows()).extracting(ExperimentUnitOutcome::unitId, ExperimentUnitOutcome::variantId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HOSTILE_UNIT, "A'); --"));
        assertThat(read(ws, query("exp-%", ExperimentUnitKind.USER_ID)).rows()).isEmpty(); // no LIKE anywhere
    }

    @Test
    void anotherWorkspacesTracesAreNeverSeen() {
        Read read = read(ws, query("exp-0", ExperimentUnitKind.USER_ID));
        assertThat(read.rows()).isEmpty(); // exp-0 traces of this workspace lie before the window
        Read theirs = read(other, query("exp-1", ExperimentUnitKind.USER_ID));
        // the other workspace's u1 has a pre-period trace (p3) that this workspace's u1 has not
        assertThat(theirs.rows().get(0).pre().traces()).isEqualTo(2);
        assertThat(read(newWorkspace(), query("exp-1", ExperimentUnitKind.USER_ID)).totals())
                .isEqualTo(new ExperimentOutcomeTotals(0, 0, 0, 0));
    }

    @Test
    void anEmptyPrePeriodReadsNoPreValues() {
        Read read = read(ws, new ExperimentOutcomeQuery("exp-1", ExperimentUnitKind.USER_ID, D0,
                D0.plus(Duration.ofDays(7)), D0));
        assertThat(read.rows()).allSatisfy(r -> assertThat(r.pre().traces()).isZero());
    }

    @Test
    void aConsumerMayStopTheRead() {
        assertThatThrownBy(() -> store().experimentOutcomes().read(ws, query("exp-1", ExperimentUnitKind.USER_ID),
                r -> {
                    throw new IllegalStateException("client went away");
                })).hasMessageContaining("client went away");
        assertThat(read(ws, query("exp-1", ExperimentUnitKind.USER_ID)).rows()).hasSize(2);
    }

    @Test
    void queriesAreValidatedWhereBuilt() {
        assertThatThrownBy(() -> new ExperimentOutcomeQuery(" ", ExperimentUnitKind.USER_ID, D0, D0.plusSeconds(1), D0))
                .hasMessage("experiment_id must not be blank");
        assertThatThrownBy(() -> new ExperimentOutcomeQuery("e", ExperimentUnitKind.USER_ID, D0, D0, D0))
                .hasMessage("from must be before to, was " + D0 + " and " + D0);
        assertThatThrownBy(() -> new ExperimentOutcomeQuery("e", ExperimentUnitKind.USER_ID, D0, D0.plusSeconds(1),
                D0.plusSeconds(1))).hasMessageStartingWith("pre_from must not be after from");
    }
}
