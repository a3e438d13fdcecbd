package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.llm;
import static dev.sextant.store.tests.Fixtures.bareTrace;
import static dev.sextant.store.tests.Fixtures.withAgent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.Budget;
import dev.sextant.store.BudgetPeriod;
import dev.sextant.store.BudgetSpec;
import dev.sextant.store.BudgetSpec.Enforcement;
import dev.sextant.store.SpendReader.Day;
import dev.sextant.store.SpendReader.DailySpend;
import dev.sextant.store.SpendReader.Spend;
import dev.sextant.store.SpendScope;
import dev.sextant.store.WorkspaceBatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Budgets round-trip; spending sums checked against totals this test computes from the
 * interactions it generated: seeded random traces over ten UTC days, two agents, one to three
 * LLM calls each on one of two models, a cost per call in whole micro-dollars.
 */
public abstract class BudgetContract extends StoreContract {
    private static final LocalDate D0 = LocalDate.of(2026, 10, 25);
    private static final int DAYS = 10;

    /** One generated LLM call and its trace, the source of every expected figure. */
    private record Call(String traceId, Instant traceStart, String agent, String model, BigDecimal cost) {
        LocalDate day() {
            return LocalDate.ofInstant(traceStart, ZoneOffset.UTC);
        }
    }

    private final List<Call> calls = new ArrayList<>();

    private WorkspaceId seeded(long seed) {
        WorkspaceId ws = newWorkspace();
        calls.clear();
        Random r = new Random(seed);
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int day = r.nextInt(DAYS);
            if (day == 4) {
                continue; // one day without any interaction
            }
            Instant start = BudgetPeriod.startOf(D0.plusDays(day)).plusSeconds(r.nextInt(86_400));
            String agent = r.nextBoolean() ? "support-bot" : "coder";
            String id = "t-" + i;
            traces.add(withAgent(bareTrace(id, start, start.plusSeconds(2)), agent));
            int n = 1 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                String model = r.nextInt(3) == 0 ? "gpt-4o" : "gemini-1.5-flash";
                BigDecimal cost = BigDecimal.valueOf(1 + r.nextInt(5000), 6);
                spans.add(llm(id + "-s" + k, id, start.plusMillis(10 * k), model, Usage.of(100, 50), cost.toPlainString()));
                calls.add(new Call(id, start, agent, model, cost));
            }
        }
        write(new WorkspaceBatch(ws, traces, spans, List.of(), List.of()));
        return ws;
    }

    private BigDecimal expected(Predicate<Call> which) {
        return calls.stream().filter(which).map(Call::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private long expectedTraces(Predicate<Call> which) {
        return calls.stream().filter(which).map(Call::traceId).distinct().count();
    }

    private static Predicate<Call> scoped(SpendScope scope) {
        return switch (scope.kind()) {
            case WORKSPACE -> c -> true;
            case AGENT -> c -> c.agent().equals(scope.value());
            case MODEL -> c -> c.model().equals(scope.value());
        };
    }

    @Test
    public void spentSumsTheCostOfTheScopeInTheRange() {
        WorkspaceId ws = seeded(7);
        Instant from = BudgetPeriod.startOf(D0.plusDays(2)).plusSeconds(3600);
        Instant to = BudgetPeriod.startOf(D0.plusDays(8)).plusSeconds(7200);
        for (SpendScope scope : List.of(SpendScope.WORKSPACE, SpendScope.agent("coder"), SpendScope.model("gpt-4o"))) {
            Predicate<Call> inRange = c -> !c.traceStart().isBefore(from) && c.traceStart().isBefore(to);
            Spend spend = store().spending().spent(ws, scope, from, to);
            assertThat(spend.costUsd()).as(scope.wire()).isEqualByComparingTo(expected(scoped(scope).and(inRange)));
            assertThat(spend.traces()).as(scope.wire()).isEqualTo(expectedTraces(scoped(scope).and(inRange)));
            Instant newest = calls.stream().filter(scoped(scope).and(inRange)).map(Call::traceStart)
                    .max(Instant::compareTo).orElseThrow();
            assertThat(spend.newest()).as(scope.wire()).isEqualTo(newest);
        }
    }

    @Test
    public void nothingSpentIsZeroNotNull() {
        WorkspaceId ws = seeded(8);
        Spend none = store().spending().spent(ws, SpendScope.agent("nobody"), BudgetPeriod.startOf(D0),
                BudgetPeriod.startOf(D0.plusDays(DAYS)));
        assertThat(none.costUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(none.traces()).isZero();
        assertThat(none.newest()).isNull();
    }

    @Test
    public void dailySpendListsEveryDayWithItsSum() {
        WorkspaceId ws = seeded(9);
        LocalDate first = D0.minusDays(2);
        LocalDate end = D0.plusDays(DAYS + 1);
        for (SpendScope scope : List.of(SpendScope.WORKSPACE, SpendScope.agent("support-bot"),
                SpendScope.model("gemini-1.5-flash"))) {
            DailySpend daily = store().spending().daily(ws, scope, first, end);
            assertThat(daily.days()).hasSize(DAYS + 3);
            for (Day d : daily.days()) {
                Predicate<Call> onDay = c -> c.day().equals(d.day());
                assertThat(d.costUsd()).as(scope.wire() + " " + d.day())
                        .isEqualByComparingTo(expected(scoped(scope).and(onDay)));
                assertThat(d.traces()).as(scope.wire() + " " + d.day())
                        .isEqualTo(expectedTraces(scoped(scope).and(onDay)));
            }
            assertThat(daily.days().getFirst().day()).isEqualTo(first);
            assertThat(daily.days().getLast().day()).isEqualTo(end.minusDays(1));
            assertThat(daily.days().get(6).traces()).as("the empty day").isZero();
        }
    }

    @Test
    public void anotherWorkspaceSpendingNeverShows() {
        WorkspaceId mine = seeded(10);
        WorkspaceId other = newWorkspace();
        Instant from = BudgetPeriod.startOf(D0);
        Instant to = BudgetPeriod.startOf(D0.plusDays(DAYS));
        assertThat(store().spending().spent(mine, SpendScope.WORKSPACE, from, to).costUsd()).isPositive();
        for (SpendScope scope : List.of(SpendScope.WORKSPACE, SpendScope.agent("coder"), SpendScope.model("gpt-4o"))) {
            assertThat(store().spending().spent(other, scope, from, to).traces()).isZero();
            assertThat(store().spending().daily(other, scope, D0, D0.plusDays(DAYS)).days())
                    .allSatisfy(d -> assertThat(d.traces()).isZero());
        }
    }

    static BudgetSpec spec(String name, SpendScope scope, String amount, BudgetPeriod period) {
        return new BudgetSpec(name, scope, new BigDecimal(amount), period,
                List.of(new BigDecimal("0.25"), new BigDecimal("0.9")), Enforcement.ENFORCE);
    }

    @Test
    public void budgetsRoundTripWithEveryField() {
        WorkspaceId ws = newWorkspace();
        Budget a = store().budgets().add(ws, spec("all", SpendScope.WORKSPACE, "100", BudgetPeriod.MONTH));
        Budget b = store().budgets().add(ws, new BudgetSpec("coder", SpendScope.agent("coder"),
                new BigDecimal("12.5"), BudgetPeriod.DAY, BudgetSpec.DEFAULT_THRESHOLDS, Enforcement.WATCH));
        Budget c = store().budgets().add(ws, new BudgetSpec("no alerts", SpendScope.model("gpt-4o"),
                new BigDecimal("0.000000001"), BudgetPeriod.WEEK, List.of(), Enforcement.WATCH));

        assertThat(a.id()).startsWith("budget_");
        assertThat(store().budgets().find(ws, a.id())).contains(a);
        assertThat(store().budgets().find(ws, b.id())).contains(b);
        assertThat(store().budgets().find(ws, c.id())).contains(c);
        assertThat(store().budgets().list(ws)).containsExactlyInAnyOrder(a, b, c);
    }

    @Test
    public void replaceChangesWhatTheBudgetSaysAndKeepsItsId() {
        WorkspaceId ws = newWorkspace();
        Budget a = store().budgets().add(ws, spec("all", SpendScope.WORKSPACE, "100", BudgetPeriod.MONTH));
        BudgetSpec changed = spec("renamed", SpendScope.agent("bot"), "7.25", BudgetPeriod.WEEK);
        Budget replaced = store().budgets().replace(ws, a.id(), changed).orElseThrow();
        assertThat(replaced.id()).isEqualTo(a.id());
        assertThat(replaced.spec()).isEqualTo(changed);
        assertThat(replaced.createdAt()).isEqualTo(a.createdAt());
        assertThat(store().budgets().find(ws, a.id())).contains(replaced);
        assertThat(store().budgets().replace(ws, "budget_missing", changed)).isEmpty();
    }

    @Test
    public void deleteRemovesOnlyThatBudget() {
        WorkspaceId ws = newWorkspace();
        Budget keep = store().budgets().add(ws, spec("keep", SpendScope.WORKSPACE, "1", BudgetPeriod.DAY));
        Budget drop = store().budgets().add(ws, spec("drop", SpendScope.WORKSPACE, "2", BudgetPeriod.DAY));
        assertThat(store().budgets().delete(ws, drop.id())).isTrue();
        assertThat(store().budgets().delete(ws, drop.id())).isFalse();
        assertThat(store().budgets().list(ws)).containsExactly(keep);
    }

    @Test
    public void anotherWorkspaceBudgetIsNotFoundNorChangeable() {
        WorkspaceId mine = newWorkspace();
        WorkspaceId other = newWorkspace();
        Budget a = store().budgets().add(mine, spec("mine", SpendScope.WORKSPACE, "10", BudgetPeriod.DAY));
        assertThat(store().budgets().list(other)).isEmpty();
        assertThat(store().budgets().find(other, a.id())).isEmpty();
        assertThat(store().budgets().replace(other, a.id(), spec("x", SpendScope.WORKSPACE, "1", BudgetPeriod.DAY)))
                .isEmpty();
        assertThat(store().budgets().delete(other, a.id())).isFalse();
        assertThat(store().budgets().find(mine, a.id())).contains(a);
    }
}
