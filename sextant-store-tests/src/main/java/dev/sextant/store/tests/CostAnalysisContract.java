package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.CostSource;
import dev.sextant.model.Handoff;
import dev.sextant.model.Intent;
import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.CostBreakdown;
import dev.sextant.store.CostBreakdown.Grouping;
import dev.sextant.store.CostBreakdown.Kind;
import dev.sextant.store.CostOperations;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.ModelOutcomes;
import dev.sextant.store.ModelOutcomes.TaskKind;
import dev.sextant.store.TokenWaste;
import dev.sextant.store.WorkspaceBatch;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Cost analysis against figures this test computes itself, in Java, from the traces, spans and
 * scores it generated: outcomes per task and dominant model, expensive operations, cost per
 * group, prompt growth, cache use and repeated prompts; and that another workspace never shows.
 */
public abstract class CostAnalysisContract extends StoreContract {
    private static final int TRACES = 120;
    private static final double[] CONFIDENCES = {0.2, 0.4, 0.5, 0.6, 0.8};
    private static final long QUARTER_HOUR = 15 * 60_000L;

    private final List<Trace> traces = new ArrayList<>();
    private final List<Span> spans = new ArrayList<>();
    private final List<Score> scores = new ArrayList<>();

    /**
     * 120 traces 15 minutes apart over ten conversations (trace i is turn i / 10 + 1 of
     * conversation c(i % 10)), two task names, intents with ties, errors, hand-offs, tags and
     * metadata; one main LLM call on "cheap-m" or "pricey-m", sometimes calls of the other model,
     * growing prompts, cache reads, repeated inputs; user ratings on traces and spans.
     */
    private WorkspaceId generated() {
        WorkspaceId ws = newWorkspace();
        traces.clear();
        spans.clear();
        scores.clear();
        for (int i = 0; i < TRACES; i++) {
            String id = "t" + i;
            Instant start = at(i * QUARTER_HOUR);
            List<Intent> intents = i % 7 == 0 ? null
                    : List.of(new Intent("order_status", CONFIDENCES[i % 5]), new Intent("refund", 0.5));
            List<String> tags = i % 2 == 0 ? List.of("campaign:spring", "vip") : i % 3 == 0 ? List.of("campaign:fall")
                    : List.of();
            String metadata = i % 4 == 0 ? "{\"campaign_id\": \"spring\"}" : i % 4 == 1 ? "{\"campaign_id\": 7}" : null;
            traces.add(new Trace(id, i % 11 == 0 ? null : "a" + (i % 2), "s" + (i % 6), "c" + (i % 10),
                    "u" + (i % 4), i % 3 == 0 ? "summarize" : "answer", "in", "out",
                    i % 9 == 0 ? Status.ERROR : Status.OK, i % 9 == 0 ? "failed" : null, start,
                    start.plusMillis(1000), "text", intents, 0.7, new Handoff(i % 8 == 0, null, null), null, null,
                    null, null, tags, metadata));
            boolean pricey = i % 3 == 1 || i % 5 == 0;
            long tokens = 100 + (i / 10) * 50L + (i % 3) * 7L;
            String input = i % 2 == 0 ? "prompt " + (i % 4) : "unique prompt " + i;
            spans.add(llm(id + "-main", id, start, pricey ? "pricey-m" : "cheap-m", tokens, i % 3 == 0 ? tokens / 2 : 0,
                    pricey ? "0.0" + (10 + i % 7) : "0.00" + (1 + i % 5), input));
            if (i % 4 == 3) {
                spans.add(llm(id + "-side", id, start.plusMillis(5), pricey ? "cheap-m" : "pricey-m", 40, 0, "0.0005",
                        null));
            }
            if (i % 13 == 0) { // two cheap calls that together cost more than the main call
                spans.add(llm(id + "-x1", id, start.plusMillis(7), "cheap-m", 10, 0, "0.02", null));
                spans.add(llm(id + "-x2", id, start.plusMillis(8), "cheap-m", 10, 0, "0.02", null));
            }
            spans.add(new Span(id + "-tool", id, null, SpanKind.TOOL, "lookup", Status.OK, null, start,
                    start.plusMillis(3), null, null, null, null, null, "lookup", null, null, null, null, null, null));
            if (i % 2 == 0) {
                scores.add(new Score(id + "-r", id, null, "user_rating", (double) (i % 5 + 1), null, null, "user", null,
                        start));
            }
            if (i % 6 == 1) {
                scores.add(new Score(id + "-sr", id, id + "-main", "user_rating", 4.0, null, null, "user", null, start));
            }
            if (i % 3 == 0) {
                scores.add(new Score(id + "-thumb", id, null, "thumbs", 1.0, null, null, "user", null, start));
            }
        }
        write(new WorkspaceBatch(ws, traces, spans, scores, List.of()));
        writeOtherWorkspace();
        return ws;
    }

    private static Span llm(String id, String traceId, Instant start, String model, long input, long cacheRead,
            String cost, String text) {
        return new Span(id, traceId, null, SpanKind.LLM, "generate", Status.OK, null, start, start.plusMillis(400),
                model, "test", new Usage(input, 20, cacheRead, 0, 0, false), new BigDecimal(cost), CostSource.REPORTED,
                null, null, null, null, null, text, "completion");
    }

    /** The same ids, names, conversations and models in another workspace, with very different figures. */
    private void writeOtherWorkspace() {
        WorkspaceId other = newWorkspace();
        List<Trace> ts = new ArrayList<>();
        List<Span> ss = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Trace t = traces.get(i);
            ts.add(t);
            ss.add(llm(t.id() + "-main", t.id(), t.startedAt(), i % 2 == 0 ? "cheap-m" : "pricey-m", 90_000 - i * 1000L,
                    0, "9.5", "prompt 0"));
        }
        write(new WorkspaceBatch(other, ts, ss,
                List.of(new Score("o-r", "t0", null, "user_rating", 1.0, null, null, "user", null, at(0))), List.of()));
    }

    private List<Span> llmSpans(String traceId) {
        return spans.stream().filter(s -> s.kind() == SpanKind.LLM && s.traceId().equals(traceId)).toList();
    }

    private BigDecimal costOf(Trace t) {
        return llmSpans(t.id()).stream().map(Span::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private long inputTokensOf(Trace t) {
        return llmSpans(t.id()).stream().mapToLong(s -> s.usage().inputTokens()).sum();
    }

    /** The model whose LLM calls cost the most in the trace (then tokens, then name). */
    private String dominantModel(Trace t) {
        Map<String, BigDecimal> cost = new TreeMap<>();
        Map<String, Long> tokens = new HashMap<>();
        for (Span s : llmSpans(t.id())) {
            cost.merge(s.model(), s.costUsd(), BigDecimal::add);
            tokens.merge(s.model(), s.usage().totalTokens(), Long::sum);
        }
        return cost.keySet().stream().min(Comparator.comparing((String m) -> cost.get(m)).reversed()
                .thenComparing(m -> -tokens.get(m)).thenComparing(Function.identity())).orElseThrow();
    }

    private static String topIntent(Trace t) {
        if (t.intents() == null || t.intents().isEmpty()) {
            return null;
        }
        return t.intents().stream().min(Comparator.comparingDouble(Intent::confidence).reversed()
                .thenComparing(Intent::name, Comparator.reverseOrder())).orElseThrow().name();
    }

    /** percentile_cont: linear interpolation at position p * (n - 1) of the sorted values. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        double pos = p * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (pos - lo) * (sorted.get(hi) - sorted.get(lo));
    }

    private Instant newestStart() {
        return traces.stream().map(Trace::startedAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    private ModelOutcomes.Query outcomeQuery(TaskKind task, InteractionQuery filter) {
        return new ModelOutcomes.Query(filter, task, at(80 * QUARTER_HOUR), at(TRACES * QUARTER_HOUR));
    }

    @Test
    public void outcomesPerTaskAndDominantModelMatchTheGeneratedData() {
        WorkspaceId ws = generated();
        for (TaskKind task : TaskKind.values()) {
            Function<Trace, String> taskOf = task == TaskKind.NAME ? Trace::name : CostAnalysisContract::topIntent;
            ModelOutcomes result = store().costAnalysis().modelOutcomes(ws, outcomeQuery(task, InteractionQuery.ALL));
            Map<List<String>, List<Trace>> expected = traces.stream().filter(t -> taskOf.apply(t) != null)
                    .collect(Collectors.groupingBy(t -> List.of(taskOf.apply(t), dominantModel(t)), HashMap::new,
                            Collectors.toList()));
            assertThat(result.groups()).extracting(g -> List.of(g.task(), g.model())).as(task.wire())
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (ModelOutcomes.Group g : result.groups()) {
                List<Trace> runs = expected.get(List.of(g.task(), g.model()));
                String what = task.wire() + " " + g.task() + "/" + g.model();
                assertThat(g.executions()).as(what).isEqualTo(runs.size());
                assertThat(g.successes()).as(what).isEqualTo(runs.stream().filter(t -> t.status() != Status.ERROR).count());
                assertThat(g.handoffs()).as(what).isEqualTo(runs.stream().filter(t -> t.handoff().triggered()).count());
                assertThat(g.totalCostUsd()).as(what)
                        .isEqualByComparingTo(runs.stream().map(this::costOf).reduce(BigDecimal.ZERO, BigDecimal::add));
                Map<Double, Long> ratings = new TreeMap<>();
                for (Trace t : runs) {
                    scores.stream().filter(s -> s.traceId().equals(t.id()) && s.name().equals("user_rating"))
                            .forEach(s -> ratings.merge(s.value(), 1L, Long::sum));
                }
                assertThat(g.ratings()).as(what).isEqualTo(ratings);
                assertThat(g.recentExecutions()).as(what).isEqualTo(runs.stream()
                        .filter(t -> !t.startedAt().isBefore(at(80 * QUARTER_HOUR))).count());
            }
            assertThat(result.dataAsOf()).isEqualTo(traces.stream().filter(t -> taskOf.apply(t) != null)
                    .map(Trace::startedAt).max(Comparator.naturalOrder()).orElseThrow());
        }
        // the tie at 0.5 goes to the name that sorts last, the traces without intents are left out
        assertThat(topIntent(traces.get(2))).isEqualTo("refund");
        assertThat(dominantModel(traces.get(13))).isEqualTo("cheap-m");
    }

    @Test
    public void outcomesFollowTheFiltersButTheVolumeWindowReplacesFromAndTo() {
        WorkspaceId ws = generated();
        InteractionQuery early = InteractionQuery.builder().to(at(40 * QUARTER_HOUR)).agentId("a0").build();
        ModelOutcomes result = store().costAnalysis().modelOutcomes(ws, outcomeQuery(TaskKind.NAME, early));
        for (ModelOutcomes.Group g : result.groups()) {
            List<Trace> all = traces.stream().filter(t -> "a0".equals(t.agentId()) && t.name().equals(g.task())
                    && dominantModel(t).equals(g.model())).toList();
            assertThat(g.executions()).isEqualTo(all.stream().filter(t -> t.startedAt().isBefore(at(40 * QUARTER_HOUR)))
                    .count());
            assertThat(g.recentExecutions()).isEqualTo(all.stream()
                    .filter(t -> !t.startedAt().isBefore(at(80 * QUARTER_HOUR))).count()).isPositive();
        }
        assertThat(result.groups()).isNotEmpty();
    }

    @Test
    public void operationsMatchTheGeneratedData() {
        WorkspaceId ws = generated();
        CostOperations result = store().costAnalysis().operations(ws, InteractionQuery.ALL, 100);
        BigDecimal tracesTotal = traces.stream().map(this::costOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal spansTotal = spans.stream().map(Span::costUsd).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(result.tracesTotalUsd()).isEqualByComparingTo(tracesTotal);
        assertThat(result.spansTotalUsd()).isEqualByComparingTo(spansTotal);
        assertThat(result.dataAsOf()).isEqualTo(newestStart());
        checkOperations(result.byTraceName(), traces.stream().collect(Collectors.groupingBy(Trace::name,
                Collectors.mapping(this::costOf, Collectors.toList()))), tracesTotal);
        Map<String, List<BigDecimal>> byAgent = new HashMap<>();
        traces.forEach(t -> byAgent.computeIfAbsent(t.agentId(), k -> new ArrayList<>()).add(costOf(t)));
        checkOperations(result.byAgent(), byAgent, tracesTotal);
        checkOperations(result.bySpan().stream().map(o -> new CostOperations.Operation(o.name() + "|" + o.model(), null,
                o.count(), o.totalCostUsd(), o.p95CostUsd())).toList(), spans.stream().filter(s -> s.costUsd() != null)
                .collect(Collectors.groupingBy(s -> s.name() + "|" + s.model(),
                        Collectors.mapping(Span::costUsd, Collectors.toList()))), spansTotal);
        assertThat(result.byAgent()).extracting(CostOperations.Operation::name).contains((String) null);

        CostOperations top = store().costAnalysis().operations(ws, InteractionQuery.builder().agentId("a1").build(), 1);
        assertThat(top.byTraceName()).hasSize(1);
        assertThat(top.byAgent()).extracting(CostOperations.Operation::name).containsExactly("a1");
        assertThat(top.tracesTotalUsd()).isEqualByComparingTo(traces.stream().filter(t -> "a1".equals(t.agentId()))
                .map(this::costOf).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThatThrownBy(() -> store().costAnalysis().operations(ws, InteractionQuery.ALL, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    private static void checkOperations(List<CostOperations.Operation> actual, Map<String, List<BigDecimal>> expected,
            BigDecimal total) {
        List<String> order = expected.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<BigDecimal>> e) -> sum(e.getValue())).reversed()
                        .thenComparing(e -> -e.getValue().size()))
                .map(Map.Entry::getKey).toList();
        assertThat(actual).extracting(CostOperations.Operation::name).containsExactlyElementsOf(order);
        for (CostOperations.Operation op : actual) {
            List<BigDecimal> costs = expected.get(op.name());
            assertThat(op.count()).as(op.name()).isEqualTo(costs.size());
            assertThat(op.totalCostUsd()).as(op.name()).isEqualByComparingTo(sum(costs));
            assertThat(op.costPerCallUsd()).as(op.name())
                    .isEqualByComparingTo(sum(costs).divide(BigDecimal.valueOf(costs.size()), 9, RoundingMode.HALF_EVEN));
            assertThat(op.shareOf(total)).isCloseTo(sum(costs).doubleValue() / total.doubleValue(), within(1e-12));
            assertThat(op.p95CostUsd()).as(op.name())
                    .isCloseTo(percentile(costs.stream().map(BigDecimal::doubleValue).toList(), 0.95), within(1e-12));
        }
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    public void breakdownsMatchTheGeneratedData() {
        WorkspaceId ws = generated();
        checkBreakdown(ws, new Grouping(Kind.CONVERSATION, null), t -> List.of(t.conversationId()));
        checkBreakdown(ws, new Grouping(Kind.SESSION, null), t -> List.of(t.sessionId()));
        checkBreakdown(ws, new Grouping(Kind.USER, null), t -> List.of(t.userId()));
        checkBreakdown(ws, new Grouping(Kind.TAG, null), Trace::tags);
        checkBreakdown(ws, new Grouping(Kind.TAG, "campaign"), t -> t.tags().stream()
                .filter(tag -> tag.startsWith("campaign:")).map(tag -> tag.substring("campaign:".length())).toList());
        checkBreakdown(ws, new Grouping(Kind.METADATA, "campaign_id"), t -> t.metadata() == null ? List.of()
                : List.of(t.metadata().contains("spring") ? "spring" : "7"));
        CostBreakdown none = store().costAnalysis().breakdown(ws, InteractionQuery.ALL,
                new Grouping(Kind.METADATA, "no/such ~key"), 5);
        assertThat(none.groups()).isEmpty();
        assertThat(none.ungroupedTraces()).isEqualTo(TRACES);
        CostBreakdown top = store().costAnalysis().breakdown(ws, InteractionQuery.ALL, new Grouping(Kind.USER, null), 2);
        assertThat(top.groups()).hasSize(2);
        assertThat(top.groupCount()).isEqualTo(4);
    }

    private void checkBreakdown(WorkspaceId ws, Grouping grouping, Function<Trace, List<String>> keys) {
        CostBreakdown result = store().costAnalysis().breakdown(ws, InteractionQuery.ALL, grouping, 100);
        Map<String, List<BigDecimal>> expected = new HashMap<>();
        long ungrouped = 0;
        BigDecimal ungroupedCost = BigDecimal.ZERO;
        for (Trace t : traces) {
            List<String> k = keys.apply(t).stream().filter(Objects::nonNull).distinct().toList();
            if (k.isEmpty()) {
                ungrouped++;
                ungroupedCost = ungroupedCost.add(costOf(t));
            }
            k.forEach(key -> expected.computeIfAbsent(key, x -> new ArrayList<>()).add(costOf(t)));
        }
        String what = grouping.toString();
        assertThat(result.groupCount()).as(what).isEqualTo(expected.size());
        assertThat(result.groups()).extracting(CostBreakdown.Group::key).as(what).containsExactlyElementsOf(
                expected.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, List<BigDecimal>> e) ->
                        sum(e.getValue())).reversed().thenComparing(e -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey)).map(Map.Entry::getKey).toList());
        for (CostBreakdown.Group g : result.groups()) {
            List<Double> costs = expected.get(g.key()).stream().map(BigDecimal::doubleValue).toList();
            assertThat(g.traces()).as(what + " " + g.key()).isEqualTo(costs.size());
            assertThat(g.totalCostUsd()).as(what + " " + g.key()).isEqualByComparingTo(sum(expected.get(g.key())));
            assertThat(g.meanCostUsd()).isCloseTo(costs.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                    within(1e-12));
            assertThat(g.p50CostUsd()).isCloseTo(percentile(costs, 0.5), within(1e-12));
            assertThat(g.p95CostUsd()).isCloseTo(percentile(costs, 0.95), within(1e-12));
        }
        assertThat(result.ungroupedTraces()).as(what).isEqualTo(ungrouped);
        assertThat(result.ungroupedCostUsd()).as(what).isEqualByComparingTo(ungroupedCost);
        assertThat(result.totalCostUsd()).isEqualByComparingTo(sum(traces.stream().map(this::costOf).toList()));
        assertThat(result.dataAsOf()).isEqualTo(newestStart());
    }

    @Test
    public void promptGrowthIsTheLeastSquaresSlopePerConversation() {
        WorkspaceId ws = generated();
        TokenWaste waste = store().costAnalysis().waste(ws, InteractionQuery.ALL, 3, 4);
        Map<String, List<Trace>> byConversation = traces.stream().collect(Collectors.groupingBy(Trace::conversationId));
        Map<String, double[]> fits = new HashMap<>();
        byConversation.forEach((cid, ts) -> {
            List<Trace> ordered = ts.stream().sorted(Comparator.comparing(Trace::startedAt)).toList();
            double n = ordered.size();
            double mx = (n + 1) / 2;
            double my = ordered.stream().mapToLong(this::inputTokensOf).average().orElseThrow();
            double sxy = 0;
            double sxx = 0;
            double syy = 0;
            for (int k = 0; k < ordered.size(); k++) {
                double y = inputTokensOf(ordered.get(k));
                sxy += (k + 1 - mx) * (y - my);
                sxx += (k + 1 - mx) * (k + 1 - mx);
                syy += (y - my) * (y - my);
            }
            fits.put(cid, new double[] {sxy / sxx, sxy * sxy / (sxx * syy), inputTokensOf(ordered.getFirst()),
                    inputTokensOf(ordered.getLast()), ordered.stream().mapToLong(this::inputTokensOf).sum(), n});
        });
        assertThat(waste.growth().conversations()).isEqualTo(10);
        assertThat(waste.growth().growing()).isEqualTo(fits.values().stream().filter(f -> f[0] > 0).count());
        List<String> fastest = fits.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, double[]> e) -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(4).map(Map.Entry::getKey).toList();
        assertThat(waste.growth().fastest()).extracting(TokenWaste.Conversation::conversationId)
                .containsExactlyElementsOf(fastest);
        for (TokenWaste.Conversation c : waste.growth().fastest()) {
            double[] f = fits.get(c.conversationId());
            assertThat(c.slopeTokensPerTurn()).isCloseTo(f[0], within(1e-6));
            assertThat(c.r2()).isCloseTo(f[1], within(1e-9));
            assertThat(c.firstTurnInputTokens()).isEqualTo((long) f[2]);
            assertThat(c.lastTurnInputTokens()).isEqualTo((long) f[3]);
            assertThat(c.inputTokens()).isEqualTo((long) f[4]);
            assertThat(c.turns()).isEqualTo((long) f[5]);
            assertThat(c.costUsd()).isEqualByComparingTo(sum(byConversation.get(c.conversationId()).stream()
                    .map(this::costOf).toList()));
        }
        assertThat(store().costAnalysis().waste(ws, InteractionQuery.ALL, 13, 4).growth().conversations()).isZero();
        assertThatThrownBy(() -> store().costAnalysis().waste(ws, InteractionQuery.ALL, 1, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minTurns");
    }

    @Test
    public void cacheUseIsSummedPerModelAndUtcDay() {
        WorkspaceId ws = generated();
        TokenWaste waste = store().costAnalysis().waste(ws, InteractionQuery.ALL, 3, 4);
        Map<List<Object>, long[]> expected = new TreeMap<>(Comparator.comparing((List<Object> k) -> (String) k.get(0))
                .thenComparing(k -> (LocalDate) k.get(1)));
        for (Span s : spans) {
            if (s.kind() == SpanKind.LLM) {
                long[] sums = expected.computeIfAbsent(List.of(s.model(),
                        LocalDate.ofInstant(s.startedAt(), ZoneOffset.UTC)), k -> new long[4]);
                sums[0]++;
                sums[1] += s.usage().inputTokens();
                sums[2] += s.usage().cacheReadTokens();
                sums[3] += s.usage().cacheWriteTokens();
            }
        }
        assertThat(expected.keySet().stream().map(k -> k.get(1)).distinct().count()).isGreaterThan(1);
        assertThat(waste.cache()).extracting(d -> List.<Object>of(d.model(), d.day()))
                .containsExactlyElementsOf(expected.keySet());
        for (TokenWaste.CacheDay d : waste.cache()) {
            long[] sums = expected.get(List.<Object>of(d.model(), d.day()));
            assertThat(new long[] {d.calls(), d.inputTokens(), d.cacheReadTokens(), d.cacheWriteTokens()}).isEqualTo(sums);
        }
    }

    @Test
    public void repeatedPromptsAreGroupedByModelAndInput() {
        WorkspaceId ws = generated();
        TokenWaste.RepeatedPrompts repeated = store().costAnalysis().waste(ws, InteractionQuery.ALL, 3, 3).repeated();
        Map<List<String>, List<Span>> groups = spans.stream().filter(s -> s.kind() == SpanKind.LLM && s.input() != null)
                .collect(Collectors.groupingBy(s -> List.of(s.model(), s.input())));
        groups.values().removeIf(g -> g.size() < 2);
        Map<List<String>, BigDecimal> wasted = new HashMap<>();
        groups.forEach((k, g) -> {
            BigDecimal total = sum(g.stream().map(Span::costUsd).toList());
            wasted.put(k, total.subtract(total.divide(BigDecimal.valueOf(g.size()), 9, RoundingMode.HALF_EVEN)));
        });
        assertThat(repeated.groups()).isEqualTo(groups.size());
        assertThat(repeated.calls()).isEqualTo(groups.values().stream().mapToLong(List::size).sum());
        assertThat(repeated.wastedCostUsd().doubleValue())
                .isCloseTo(sum(List.copyOf(wasted.values())).doubleValue(), within(1e-8));
        List<List<String>> order = wasted.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<List<String>, BigDecimal> e) -> e.getValue()).reversed())
                .limit(3).map(Map.Entry::getKey).toList();
        assertThat(repeated.top()).extracting(r -> List.of(r.model(), r.preview())).containsExactlyElementsOf(order);
        for (TokenWaste.Repeat r : repeated.top()) {
            List<Span> g = groups.get(List.of(r.model(), r.preview()));
            assertThat(r.calls()).isEqualTo(g.size());
            assertThat(r.inputLength()).isEqualTo(r.preview().length());
            assertThat(r.totalCostUsd()).isEqualByComparingTo(sum(g.stream().map(Span::costUsd).toList()));
            assertThat(r.wastedCostUsd()).isEqualByComparingTo(wasted.get(List.of(r.model(), r.preview())));
            assertThat(g).extracting(Span::traceId).contains(r.exampleTraceId());
        }
    }

    @Test
    public void anEmptyWorkspaceSeesNoneOfAnotherWorkspacesData() {
        generated();
        WorkspaceId empty = newWorkspace();
        assertThat(store().costAnalysis().modelOutcomes(empty, outcomeQuery(TaskKind.NAME, InteractionQuery.ALL))
                .groups()).isEmpty();
        CostOperations ops = store().costAnalysis().operations(empty, InteractionQuery.ALL, 10);
        assertThat(ops.byTraceName()).isEmpty();
        assertThat(ops.bySpan()).isEmpty();
        assertThat(ops.byAgent()).isEmpty();
        assertThat(ops.tracesTotalUsd()).isZero();
        assertThat(ops.dataAsOf()).isNull();
        CostBreakdown breakdown = store().costAnalysis().breakdown(empty, InteractionQuery.ALL,
                new Grouping(Kind.TAG, "campaign"), 10);
        assertThat(breakdown.groups()).isEmpty();
        assertThat(breakdown.ungroupedTraces()).isZero();
        TokenWaste waste = store().costAnalysis().waste(empty, InteractionQuery.ALL, 2, 10);
        assertThat(waste.growth().conversations()).isZero();
        assertThat(waste.cache()).isEmpty();
        assertThat(waste.repeated().groups()).isZero();
        assertThat(waste.dataAsOf()).isNull();
    }
}
