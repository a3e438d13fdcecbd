package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.CostSource;
import dev.sextant.model.Handoff;
import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InsightPeriods;
import dev.sextant.store.LatencyTail;
import dev.sextant.store.NewErrors;
import dev.sextant.store.RateChange;
import dev.sextant.store.RatingChange;
import dev.sextant.store.SideBySide;
import dev.sextant.store.WorkspaceBatch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The insight aggregates against figures this test computes itself, in Java, from seeded random
 * traces spread over both periods and a little beyond them (which must not count): counts,
 * rates, percentiles, rank sums with ties, config versions ordered by first appearance, new
 * error patterns, and tenant isolation for every read.
 */
public abstract class InsightSourceContract extends StoreContract {
    private static final Instant BASE_FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant SPLIT = BASE_FROM.plus(Duration.ofDays(1));
    private static final Instant TO = SPLIT.plus(Duration.ofDays(1));
    private static final InsightPeriods PERIODS = new InsightPeriods(BASE_FROM, SPLIT, TO, null);
    private static final String[] AGENTS = {"alpha", "beta", null};

    /** One generated interaction: the source of every expected figure. */
    private record Gen(String id, Instant start, String agent, String version, boolean error, String errorMessage,
            boolean handoff, Long durationMs, long costMillis, String model, long llmMs, String tool,
            String toolError, Double rating, String conversation) {
        boolean inWindow() {
            return !start.isBefore(BASE_FROM) && start.isBefore(TO);
        }

        boolean current() {
            return !start.isBefore(SPLIT);
        }
    }

    private final List<Gen> generated = new ArrayList<>();

    /** alpha's versions by time: v9, then v10, then v8 (so first appearance, not the name, decides). */
    private static String alphaVersion(Instant start) {
        long hours = Duration.between(BASE_FROM, start).toHours();
        return hours < 12 ? "v9" : hours < 36 ? "v10" : "v8";
    }

    private WorkspaceId seeded(long seed) {
        WorkspaceId ws = newWorkspace();
        generated.clear();
        Random r = new Random(seed);
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            Instant start = BASE_FROM.minus(Duration.ofHours(6)).plusSeconds(r.nextInt(60 * 3600));
            String agent = AGENTS[r.nextInt(3)];
            boolean cur = !start.isBefore(SPLIT);
            String version = agent == null ? (r.nextBoolean() ? "v1" : null)
                    : agent.equals("alpha") ? alphaVersion(start) : "b1";
            boolean error = r.nextInt(cur && "alpha".equals(agent) ? 3 : 8) == 0;
            boolean toolFailed = r.nextInt(5) == 0;
            Gen g = new Gen("tr-" + i, start, agent, version, error,
                    error && r.nextBoolean() ? "boom " + r.nextInt(100) : null, r.nextInt(4) == 0,
                    r.nextInt(6) == 0 ? null : 100L * (1 + r.nextInt(30)), r.nextInt(6),
                    r.nextBoolean() ? "m-fast" : "m-slow", 50L * (1 + r.nextInt(cur ? 40 : 20)),
                    r.nextBoolean() ? "search" : "pay",
                    !toolFailed ? null : cur && r.nextBoolean() ? "quota exceeded for key " + r.nextInt(1000)
                            : "timeout after " + r.nextInt(1000) + "ms",
                    r.nextInt(3) == 0 ? null : (double) (1 + r.nextInt(5)),
                    r.nextInt(5) == 0 ? null : "c" + r.nextInt(15));
            generated.add(g);
            traces.add(new Trace(g.id(), agent, null, g.conversation(), null, "run", null, null,
                    error ? Status.ERROR : Status.OK, g.errorMessage(), start,
                    g.durationMs() == null ? null : start.plusMillis(g.durationMs()), null, null, null,
                    new Handoff(g.handoff(), null, null), null, version, null, null, null, null));
            spans.add(new Span("llm-" + i, g.id(), null, SpanKind.LLM, "generate", Status.OK, null, start,
                    start.plusMillis(g.llmMs()), g.model(), "openai", Usage.of(10, 5),
                    BigDecimal.valueOf(g.costMillis(), 3), CostSource.CALCULATED, null, null, null, null, null, null,
                    null));
            spans.add(new Span("tool-" + i, g.id(), null, SpanKind.TOOL, g.tool(),
                    g.toolError() == null ? Status.OK : Status.ERROR, g.toolError(), start.plusMillis(1),
                    start.plusMillis(20), null, null, null, null, null, g.tool(), null, null, null, null, null, null));
            if (g.rating() != null) {
                scores.add(new Score("sc-" + i, g.id(), null, "user_rating", g.rating(), null, null, "user", null, start));
            }
        }
        write(new WorkspaceBatch(ws, traces, spans, scores, List.of()));
        return ws;
    }

    /** Another workspace with its own agent, tool, model, version and error: none of it may show. */
    private WorkspaceId intruder() {
        WorkspaceId other = newWorkspace();
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant start = i % 2 == 0 ? BASE_FROM.plusSeconds(60) : SPLIT.plusSeconds(60 + i);
            boolean failed = i % 2 == 1; // only in the current period, so both errors are new there
            traces.add(new Trace("x-" + i, i < 2 ? "alpha" : "intruder", null, null, null, "run", null, null,
                    failed ? Status.ERROR : Status.OK, failed ? "intruder failure" : null, start, start.plusMillis(99_999), null, null, null, null, null,
                    "x" + i, null, null, null, null));
            spans.add(new Span("xs-" + i, "x-" + i, null, SpanKind.TOOL, "intruder-tool",
                    failed ? Status.ERROR : Status.OK, failed ? "intruder tool error" : null, start, start.plusMillis(5), "intruder-model", null, null, null, null,
                    "search", null, null, null, null, null, null));
        }
        write(new WorkspaceBatch(other, traces, List.copyOf(spans), List.of(), List.of()));
        return other;
    }

    private List<Gen> inWindow(Predicate<Gen> also) {
        return generated.stream().filter(g -> g.inWindow() && also.test(g)).toList();
    }

    /** percentile_cont: linear interpolation at fraction * (n - 1) of the sorted values. */
    private static Double percentile(List<Double> values, double fraction) {
        if (values.isEmpty()) {
            return null;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double pos = fraction * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    /** Average ranks over both sides, then the current side's sum and sum(t^3 - t) over tie groups. */
    private static double[] rankSum(List<Gen> current, List<Gen> baseline, Function<Gen, Double> value) {
        List<Double> all = new ArrayList<>();
        current.stream().map(value).filter(Objects::nonNull).forEach(all::add);
        baseline.stream().map(value).filter(Objects::nonNull).forEach(all::add);
        Map<Double, Long> ties = all.stream().collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
        Map<Double, Double> rank = new TreeMap<>();
        long below = 0;
        double tieTerm = 0;
        for (Map.Entry<Double, Long> e : ties.entrySet()) {
            long t = e.getValue();
            rank.put(e.getKey(), below + (t + 1) / 2.0);
            below += t;
            tieTerm += (double) t * t * t - t;
        }
        double sum = current.stream().map(value).filter(Objects::nonNull).mapToDouble(rank::get).sum();
        return new double[] {sum, tieTerm};
    }

    private static void assertSide(String what, SideBySide.Side side, List<Gen> gens) {
        assertThat(side.traces()).as(what + " traces").isEqualTo(gens.size());
        assertThat(side.errors()).as(what + " errors").isEqualTo(gens.stream().filter(Gen::error).count());
        assertThat(side.handoffs()).as(what + " hand-offs").isEqualTo(gens.stream().filter(Gen::handoff).count());
        assertThat(side.totalCostUsd()).as(what + " cost")
                .isEqualByComparingTo(BigDecimal.valueOf(gens.stream().mapToLong(Gen::costMillis).sum(), 3));
        List<Double> ms = gens.stream().map(Gen::durationMs).filter(Objects::nonNull).map(Long::doubleValue).toList();
        assertThat(side.latencySamples()).as(what + " latency samples").isEqualTo(ms.size());
        if (ms.isEmpty()) {
            assertThat(side.p95LatencyMs()).isNull();
        } else {
            assertThat(side.avgLatencyMs()).as(what + " avg")
                    .isCloseTo(ms.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-9));
            assertThat(side.p95LatencyMs()).as(what + " p95").isCloseTo(percentile(ms, 0.95), within(1e-9));
        }
    }

    private static void assertRanks(String what, SideBySide.RankSum ranks, List<Gen> cur, List<Gen> base,
            Function<Gen, Double> value) {
        double[] expected = rankSum(cur, base, value);
        assertThat(ranks.currentRankSum()).as(what + " rank sum").isCloseTo(expected[0], within(1e-6));
        assertThat(ranks.tieTerm()).as(what + " tie term").isCloseTo(expected[1], within(1e-6));
        assertThat(ranks.currentN()).isEqualTo(cur.stream().map(value).filter(Objects::nonNull).count());
        assertThat(ranks.baselineN()).isEqualTo(base.stream().map(value).filter(Objects::nonNull).count());
    }

    private static Double cost(Gen g) {
        return (double) g.costMillis();
    }

    private static Double duration(Gen g) {
        return g.durationMs() == null ? null : g.durationMs().doubleValue();
    }

    @Test
    public void agentPeriodsMatchTheGeneratedData() {
        WorkspaceId ws = seeded(11);
        intruder();
        List<SideBySide> result = store().insights().agentPeriods(ws, PERIODS);
        assertThat(result).extracting(SideBySide::key).containsExactly("alpha", "beta");
        for (SideBySide s : result) {
            List<Gen> cur = inWindow(g -> s.key().equals(g.agent()) && g.current());
            List<Gen> base = inWindow(g -> s.key().equals(g.agent()) && !g.current());
            assertThat(s.currentLabel()).isEqualTo("current");
            assertThat(s.baselineLabel()).isEqualTo("previous");
            assertSide(s.key() + " current", s.current(), cur);
            assertSide(s.key() + " baseline", s.baseline(), base);
            assertRanks(s.key() + " cost", s.cost(), cur, base, InsightSourceContract::cost);
            assertRanks(s.key() + " latency", s.latency(), cur, base, InsightSourceContract::duration);
            assertThat(s.newest()).isEqualTo(
                    inWindow(g -> s.key().equals(g.agent())).stream().map(Gen::start).max(Comparator.naturalOrder()).orElseThrow());
        }
    }

    @Test
    public void conversationsBelongToThePeriodOfTheirFirstInteraction() {
        WorkspaceId ws = seeded(18);
        intruder();
        List<SideBySide> result = store().insights().agentConversationPeriods(ws, PERIODS);
        assertThat(result).extracting(SideBySide::key).containsExactly("alpha", "beta");
        for (SideBySide s : result) {
            // per conversation: [first start is current ? 1 : 0, total cost in millis]
            Map<String, List<Gen>> conversations = inWindow(g -> s.key().equals(g.agent()) && g.conversation() != null)
                    .stream().collect(Collectors.groupingBy(Gen::conversation));
            List<Gen> cur = new ArrayList<>();
            List<Gen> base = new ArrayList<>();
            for (List<Gen> turns : conversations.values()) {
                Gen first = turns.stream().min(Comparator.comparing(Gen::start)).orElseThrow();
                long cost = turns.stream().mapToLong(Gen::costMillis).sum();
                // one stand-in per conversation carrying its total cost, so the rank helper can be reused
                Gen total = new Gen(first.id(), first.start(), s.key(), null, false, null, false, null, cost, null, 0,
                        "", null, null, first.conversation());
                (first.current() ? cur : base).add(total);
            }
            assertThat(s.current().traces()).as(s.key()).isEqualTo(cur.size());
            assertThat(s.baseline().traces()).as(s.key()).isEqualTo(base.size());
            assertThat(s.current().totalCostUsd()).isEqualByComparingTo(
                    BigDecimal.valueOf(cur.stream().mapToLong(Gen::costMillis).sum(), 3));
            assertThat(s.baseline().totalCostUsd()).isEqualByComparingTo(
                    BigDecimal.valueOf(base.stream().mapToLong(Gen::costMillis).sum(), 3));
            assertThat(s.current().errors()).isZero();
            assertThat(s.current().latencySamples()).isZero();
            assertRanks(s.key() + " conversation cost", s.cost(), cur, base, InsightSourceContract::cost);
        }
        assertThat(store().insights().agentConversationPeriods(newWorkspace(), PERIODS)).isEmpty();
    }

    @Test
    public void configVersionsCompareTheNewestWithTheOneFirstSeenBeforeIt() {
        WorkspaceId ws = seeded(12);
        intruder();
        List<SideBySide> result = store().insights().agentConfigVersions(ws, PERIODS);
        // beta has one version only, traces without an agent do not count
        assertThat(result).extracting(SideBySide::key).containsExactly("alpha");
        SideBySide alpha = result.getFirst();
        assertThat(alpha.currentLabel()).isEqualTo("v8");
        assertThat(alpha.baselineLabel()).isEqualTo("v10");
        List<Gen> cur = inWindow(g -> "alpha".equals(g.agent()) && "v8".equals(g.version()));
        List<Gen> base = inWindow(g -> "alpha".equals(g.agent()) && "v10".equals(g.version()));
        assertSide("v8", alpha.current(), cur);
        assertSide("v10", alpha.baseline(), base);
        assertRanks("v8 cost", alpha.cost(), cur, base, InsightSourceContract::cost);
        assertRanks("v8 latency", alpha.latency(), cur, base, InsightSourceContract::duration);
    }

    @Test
    public void toolFailuresPerPeriod() {
        WorkspaceId ws = seeded(13);
        intruder();
        List<RateChange> result = store().insights().toolFailures(ws, PERIODS);
        assertThat(result).extracting(RateChange::key).containsExactly("pay", "search");
        for (RateChange rc : result) {
            List<Gen> cur = inWindow(g -> g.tool().equals(rc.key()) && g.current());
            List<Gen> base = inWindow(g -> g.tool().equals(rc.key()) && !g.current());
            assertThat(rc.currentTotal()).as(rc.key()).isEqualTo(cur.size());
            assertThat(rc.baselineTotal()).as(rc.key()).isEqualTo(base.size());
            assertThat(rc.currentEvents()).as(rc.key()).isEqualTo(cur.stream().filter(g -> g.toolError() != null).count());
            assertThat(rc.baselineEvents()).as(rc.key()).isEqualTo(base.stream().filter(g -> g.toolError() != null).count());
        }
        List<RateChange> betaOnly = store().insights().toolFailures(ws, new InsightPeriods(BASE_FROM, SPLIT, TO, "beta"));
        long betaCalls = inWindow(g -> "beta".equals(g.agent())).size();
        assertThat(betaOnly.stream().mapToLong(rc -> rc.currentTotal() + rc.baselineTotal()).sum()).isEqualTo(betaCalls);
    }

    @Test
    public void latencyTailsPerAgentAndPerModel() {
        WorkspaceId ws = seeded(14);
        intruder();
        check(store().insights().latencyTails(ws, PERIODS, LatencyTail.By.AGENT), Gen::agent,
                InsightSourceContract::duration, List.of("alpha", "beta"));
        check(store().insights().latencyTails(ws, PERIODS, LatencyTail.By.MODEL), Gen::model,
                g -> (double) g.llmMs(), List.of("m-fast", "m-slow"));
    }

    private void check(List<LatencyTail> result, Function<Gen, String> key, Function<Gen, Double> value,
            List<String> keys) {
        assertThat(result).extracting(LatencyTail::key).containsExactlyElementsOf(keys);
        for (LatencyTail tail : result) {
            List<Double> cur = inWindow(g -> tail.key().equals(key.apply(g)) && g.current()).stream().map(value)
                    .filter(Objects::nonNull).toList();
            List<Double> base = inWindow(g -> tail.key().equals(key.apply(g)) && !g.current()).stream().map(value)
                    .filter(Objects::nonNull).toList();
            double baseP95 = percentile(base, 0.95);
            assertThat(tail.baselineN()).as(tail.key()).isEqualTo(base.size());
            assertThat(tail.currentN()).as(tail.key()).isEqualTo(cur.size());
            assertThat(tail.baselineP95Ms()).as(tail.key()).isCloseTo(baseP95, within(1e-9));
            assertThat(tail.currentP95Ms()).as(tail.key()).isCloseTo(percentile(cur, 0.95), within(1e-9));
            assertThat(tail.currentOverBaselineP95()).as(tail.key()).isEqualTo(cur.stream().filter(v -> v > baseP95).count());
        }
    }

    @Test
    public void ratingsPerAgentAndPeriod() {
        WorkspaceId ws = seeded(15);
        intruder();
        List<RatingChange> result = store().insights().ratings(ws, PERIODS);
        assertThat(result).extracting(RatingChange::key).containsExactly("alpha", "beta");
        for (RatingChange rc : result) {
            double[] cur = inWindow(g -> rc.key().equals(g.agent()) && g.current() && g.rating() != null).stream()
                    .mapToDouble(Gen::rating).toArray();
            double[] base = inWindow(g -> rc.key().equals(g.agent()) && !g.current() && g.rating() != null).stream()
                    .mapToDouble(Gen::rating).toArray();
            assertThat(rc.currentN()).isEqualTo(cur.length);
            assertThat(rc.baselineN()).isEqualTo(base.length);
            assertThat(rc.currentMean()).isCloseTo(mean(cur), within(1e-9));
            assertThat(rc.baselineMean()).isCloseTo(mean(base), within(1e-9));
            assertThat(rc.currentVariance()).isCloseTo(variance(cur), within(1e-9));
            assertThat(rc.baselineVariance()).isCloseTo(variance(base), within(1e-9));
        }
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / (v.length - 1);
    }

    @Test
    public void newErrorPatternsAreThoseOfTheCurrentPeriodOnly() {
        WorkspaceId ws = seeded(16);
        intruder();
        NewErrors result = store().insights().newErrors(ws, PERIODS);
        assertThat(result.currentTraces()).isEqualTo(inWindow(Gen::current).size());
        assertThat(result.baselineTraces()).isEqualTo(inWindow(g -> !g.current()).size());
        // tool errors: "quota exceeded for key #" occurs only in the current period; timeouts in both
        Map<String, List<Gen>> byPattern = new TreeMap<>();
        for (Gen g : inWindow(g -> g.toolError() != null)) {
            byPattern.computeIfAbsent("span|tool|" + g.toolError().replaceAll("[0-9]+", "#"), k -> new ArrayList<>()).add(g);
        }
        for (Gen g : inWindow(Gen::error)) {
            String p = g.errorMessage() == null ? "(no message)" : g.errorMessage().replaceAll("[0-9]+", "#");
            byPattern.computeIfAbsent("trace|null|" + p, k -> new ArrayList<>()).add(g);
        }
        Map<String, Long> expected = new TreeMap<>();
        byPattern.forEach((pattern, gens) -> {
            if (gens.stream().allMatch(Gen::current)) {
                expected.put(pattern, (long) gens.size());
            }
        });
        assertThat(expected).containsKey("span|tool|quota exceeded for key #");
        assertThat(result.patterns()).hasSize(expected.size());
        Map<String, Long> actual = new TreeMap<>();
        for (NewErrors.Pattern p : result.patterns()) {
            actual.put(p.source() + "|" + p.kind() + "|" + p.pattern(), p.count());
            assertThat(p.exampleMessage().replaceAll("[0-9]+", "#")).isEqualTo(p.pattern());
            assertThat(p.firstSeen()).isAfterOrEqualTo(SPLIT);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(result.patterns()).extracting(NewErrors.Pattern::count).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    public void anEmptyWorkspaceHasNothingToCompareAndAnotherWorkspaceNeverShows() {
        seeded(17);
        WorkspaceId other = intruder();
        WorkspaceId empty = newWorkspace();
        assertThat(store().insights().agentPeriods(empty, PERIODS)).isEmpty();
        assertThat(store().insights().agentConfigVersions(empty, PERIODS)).isEmpty();
        assertThat(store().insights().toolFailures(empty, PERIODS)).isEmpty();
        assertThat(store().insights().latencyTails(empty, PERIODS, LatencyTail.By.AGENT)).isEmpty();
        assertThat(store().insights().latencyTails(empty, PERIODS, LatencyTail.By.MODEL)).isEmpty();
        assertThat(store().insights().ratings(empty, PERIODS)).isEmpty();
        NewErrors none = store().insights().newErrors(empty, PERIODS);
        assertThat(none.patterns()).isEmpty();
        assertThat(none.currentTraces()).isZero();
        // the intruder's own reads see only its four traces
        List<SideBySide> own = store().insights().agentPeriods(other, PERIODS);
        assertThat(own).extracting(SideBySide::key).containsExactly("alpha", "intruder");
        assertThat(own.stream().mapToLong(s -> s.current().traces() + s.baseline().traces()).sum()).isEqualTo(4);
        assertThat(store().insights().toolFailures(other, PERIODS)).extracting(RateChange::key).containsExactly("search");
        assertThat(new TreeSet<>(store().insights().newErrors(other, PERIODS).patterns().stream()
                .map(NewErrors.Pattern::pattern).toList())).containsExactly("intruder failure", "intruder tool error");
    }
}
