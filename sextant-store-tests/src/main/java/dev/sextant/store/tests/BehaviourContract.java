package dev.sextant.store.tests;

import static dev.sextant.store.tests.BehaviourData.percentile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.Intent;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.DecisionAnalytics;
import dev.sextant.store.DecisionQuery;
import dev.sextant.store.Feedback;
import dev.sextant.store.HandoffAnalytics;
import dev.sextant.store.IntentAnalytics;
import dev.sextant.store.IntentQuery;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.TrendQuery.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Intents, hand-offs and decisions against figures this test computes itself, in Java, from the
 * traces, spans and scores of {@link BehaviourData}.
 */
public abstract class BehaviourContract extends StoreContract {
    private final BehaviourData data = new BehaviourData();

    private WorkspaceId generated() {
        WorkspaceId ws = newWorkspace();
        write(data.batch(ws));
        return ws;
    }

    private static String primary(Trace t) {
        if (t.intents() == null || t.intents().isEmpty()) {
            return null;
        }
        return t.intents().stream().sorted(Comparator.comparingDouble(Intent::confidence).reversed()
                .thenComparing(Intent::name)).findFirst().orElseThrow().name();
    }

    private static double primaryConfidence(Trace t) {
        return t.intents().stream().mapToDouble(Intent::confidence).max().orElseThrow();
    }

    /** Feedback of traces computed from the generated scores. */
    private Feedback feedback(List<String> traceIds) {
        List<Double> ratings = new ArrayList<>();
        List<Double> thumbs = new ArrayList<>();
        List<Double> resolved = new ArrayList<>();
        for (String id : traceIds) {
            ratings.addAll(data.values(id, "user_rating"));
            thumbs.addAll(data.values(id, "thumbs"));
            resolved.addAll(data.values(id, "resolved"));
        }
        return new Feedback(ratings.size(), mean(ratings), stdDev(ratings), thumbs.size(), ones(thumbs),
                share(thumbs), resolved.size(), ones(resolved), share(resolved));
    }

    private static long ones(List<Double> values) {
        return values.stream().filter(v -> v == 1).count();
    }

    /** Sample standard deviation, two passes; null below two values. */
    private static Double stdDev(List<Double> values) {
        if (values.size() < 2) {
            return null;
        }
        double mean = mean(values);
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }

    private static Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static Double share(List<Double> values) {
        return values.isEmpty() ? null : values.stream().filter(v -> v == 1).count() / (double) values.size();
    }

    private static void assertFeedback(Feedback actual, Feedback expected, String what) {
        assertThat(actual.ratings()).as(what + " ratings").isEqualTo(expected.ratings());
        assertThat(actual.thumbs()).as(what + " thumbs").isEqualTo(expected.thumbs());
        assertThat(actual.resolvedScores()).as(what + " resolved").isEqualTo(expected.resolvedScores());
        assertThat(actual.thumbsUp()).as(what + " thumbs up").isEqualTo(expected.thumbsUp());
        assertThat(actual.resolvedYes()).as(what + " resolved yes").isEqualTo(expected.resolvedYes());
        assertClose(actual.ratingStdDev(), expected.ratingStdDev(), what + " rating sd");
        assertClose(actual.meanRating(), expected.meanRating(), what + " mean rating");
        assertClose(actual.thumbsUpRate(), expected.thumbsUpRate(), what + " thumbs up");
        assertClose(actual.resolvedRate(), expected.resolvedRate(), what + " resolved rate");
    }

    private static void assertClose(Double actual, Double expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    public void intentFiguresMatchTheGeneratedData() {
        WorkspaceId ws = generated();
        IntentAnalytics result = store().behaviour().intents(ws, new IntentQuery(InteractionQuery.ALL, null));

        Map<String, List<Trace>> byIntent = data.traces.stream().filter(t -> primary(t) != null)
                .collect(Collectors.groupingBy(BehaviourContract::primary));
        long classified = byIntent.values().stream().mapToLong(List::size).sum();
        assertThat(result.interactions()).isEqualTo(BehaviourData.TRACES);
        assertThat(result.withoutIntent()).isEqualTo(BehaviourData.TRACES - classified);
        assertThat(result.intents()).extracting(IntentAnalytics.Group::intent)
                .containsExactlyElementsOf(byIntent.entrySet().stream()
                        .sorted(Comparator.comparing((Map.Entry<String, List<Trace>> e) -> -e.getValue().size())
                                .thenComparing(Map.Entry::getKey))
                        .map(Map.Entry::getKey).toList());
        // the tie (refund 0.5, order_status 0.5) goes to order_status; complaint wins over refund 0.6
        assertThat(byIntent).containsKeys("order_status", "refund", "complaint");
        for (IntentAnalytics.Group g : result.intents()) {
            List<Trace> group = byIntent.get(g.intent());
            BigDecimal cost = group.stream().map(t -> data.cost(t.id())).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<Long> ms = group.stream().map(Trace::durationMs).filter(Objects::nonNull).toList();
            List<Double> ratings = group.stream().flatMap(t -> data.values(t.id(), "user_rating").stream()).toList();
            long handoffs = group.stream().filter(t -> t.handoff() != null && t.handoff().triggered()).count();
            long errors = group.stream().filter(t -> t.status() == Status.ERROR).count();
            assertThat(g.interactions()).as(g.intent()).isEqualTo(group.size());
            assertThat(g.share()).isCloseTo(group.size() / (double) classified, within(1e-12));
            assertThat(g.totalCostUsd()).as(g.intent()).isEqualByComparingTo(cost);
            assertThat(g.costPerInteractionUsd())
                    .isEqualByComparingTo(cost.divide(BigDecimal.valueOf(group.size()), 9, RoundingMode.HALF_EVEN));
            assertClose(g.p50LatencyMs(), percentile(ms, 0.5), g.intent() + " p50");
            assertClose(g.p95LatencyMs(), percentile(ms, 0.95), g.intent() + " p95");
            assertClose(g.meanIntentConfidence(),
                    group.stream().mapToDouble(BehaviourContract::primaryConfidence).average().orElseThrow(), "conf");
            assertThat(g.ratings()).as(g.intent()).isEqualTo(ratings.size());
            assertClose(g.meanRating(), mean(ratings), g.intent() + " rating");
            assertThat(g.handoffs()).as(g.intent()).isEqualTo(handoffs);
            assertThat(g.handoffRate()).isCloseTo(handoffs / (double) group.size(), within(1e-12));
            assertThat(g.errors()).as(g.intent()).isEqualTo(errors);
            assertThat(g.errorRate()).isCloseTo(errors / (double) group.size(), within(1e-12));
            assertThat(g.series()).isNull();
        }
        assertThat(result.dataAsOf()).isEqualTo(data.traces.getLast().startedAt());
    }

    @Test
    public void intentSeriesListEveryBucketWithItsCounts() {
        WorkspaceId ws = generated();
        Instant from = Fixtures.T0.minus(Duration.ofHours(2));
        Instant to = Fixtures.T0.plus(Duration.ofHours(30));
        InteractionQuery range = InteractionQuery.builder().from(from).to(to).build();
        IntentAnalytics result = store().behaviour().intents(ws, new IntentQuery(range, Interval.HOUR));
        for (IntentAnalytics.Group g : result.intents()) {
            assertThat(g.series()).as(g.intent()).hasSize(32);
            for (int h = 0; h < 32; h++) {
                IntentAnalytics.Bucket bucket = g.series().get(h);
                Instant start = from.plus(Duration.ofHours(h));
                Predicate<Trace> inBucket = t -> g.intent().equals(primary(t)) && !t.startedAt().isBefore(start)
                        && t.startedAt().isBefore(start.plus(Duration.ofHours(1)));
                List<Trace> in = data.traces.stream().filter(inBucket).toList();
                assertThat(bucket.start()).isEqualTo(start);
                assertThat(bucket.interactions()).as(g.intent() + " " + start).isEqualTo(in.size());
                assertThat(bucket.handoffs()).isEqualTo(in.stream()
                        .filter(t -> t.handoff() != null && t.handoff().triggered()).count());
                assertThat(bucket.errors()).isEqualTo(in.stream().filter(t -> t.status() == Status.ERROR).count());
                assertThat(bucket.costUsd()).isEqualByComparingTo(in.stream().map(t -> data.cost(t.id()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
            }
            assertThat(g.series().stream().mapToLong(IntentAnalytics.Bucket::interactions).sum())
                    .isEqualTo(g.interactions());
        }
    }

    @Test
    public void intentFiltersSelectTheTraces() {
        WorkspaceId ws = generated();
        InteractionQuery agentB = InteractionQuery.builder().agentId("b").build();
        Map<String, Long> expected = data.traces.stream().filter(t -> "b".equals(t.agentId()))
                .filter(t -> primary(t) != null)
                .collect(Collectors.groupingBy(BehaviourContract::primary, Collectors.counting()));
        assertThat(store().behaviour().intents(ws, new IntentQuery(agentB, null)).intents().stream()
                .collect(Collectors.toMap(IntentAnalytics.Group::intent, IntentAnalytics.Group::interactions)))
                .isEqualTo(expected);
    }

    private static boolean handedOff(Trace t) {
        return t.handoff() != null && t.handoff().triggered();
    }

    @Test
    public void handoffFiguresMatchTheGeneratedData() {
        WorkspaceId ws = generated();
        HandoffAnalytics result = store().behaviour().handoffs(ws, InteractionQuery.ALL);

        List<Trace> handed = data.traces.stream().filter(BehaviourContract::handedOff).toList();
        List<Trace> others = data.traces.stream().filter(t -> !handedOff(t)).toList();
        assertThat(result.interactions()).isEqualTo(BehaviourData.TRACES);
        assertThat(result.handoffs()).isEqualTo(handed.size());
        assertThat(result.handoffRate()).isCloseTo(handed.size() / (double) BehaviourData.TRACES, within(1e-12));

        Map<String, Long> tth = new java.util.HashMap<>();
        long fromSpan = 0;
        for (Trace t : handed) {
            Span first = data.spans.stream().filter(s -> s.traceId().equals(t.id()) && s.kind() == SpanKind.HANDOFF)
                    .min(Comparator.comparing(Span::startedAt)).orElse(null);
            Long ms = first != null ? Long.valueOf(Duration.between(t.startedAt(), first.startedAt()).toMillis())
                    : t.durationMs();
            if (ms != null) {
                tth.put(t.id(), ms);
                fromSpan += first != null ? 1 : 0;
            }
        }
        assertThat(fromSpan).isPositive();
        assertThat(result.timeToHandoff().measured()).isEqualTo(tth.size()).isLessThan(handed.size());
        assertThat(result.timeToHandoff().fromSpan()).isEqualTo(fromSpan);
        assertThat(result.timeToHandoff().fromDuration()).isEqualTo(tth.size() - fromSpan);
        List<Long> all = List.copyOf(tth.values());
        assertClose(result.timeToHandoff().avgMs(), all.stream().mapToLong(Long::longValue).average().orElseThrow(), "avg");
        assertClose(result.timeToHandoff().p50Ms(), percentile(all, 0.5), "p50");
        assertClose(result.timeToHandoff().p95Ms(), percentile(all, 0.95), "p95");

        Map<String, List<Trace>> byReason = handed.stream()
                .collect(Collectors.groupingBy(t -> String.valueOf(t.handoff().reason())));
        assertThat(result.byReason()).hasSize(byReason.size());
        for (HandoffAnalytics.Group g : result.byReason()) {
            List<Trace> group = byReason.get(String.valueOf(g.key()));
            assertThat(g.handoffs()).as(g.key()).isEqualTo(group.size());
            assertThat(g.share()).isCloseTo(group.size() / (double) handed.size(), within(1e-12));
            assertClose(g.p50TimeToHandoffMs(), percentile(group.stream().map(t -> tth.get(t.id()))
                    .filter(Objects::nonNull).toList(), 0.5), "reason p50");
        }
        assertThat(result.byReason()).isSortedAccordingTo(
                Comparator.comparingLong(HandoffAnalytics.Group::handoffs).reversed());
        assertThat(result.byReason()).extracting(HandoffAnalytics.Group::key).contains((String) null);
        assertThat(result.byTarget()).extracting(g -> g.key() + "=" + g.handoffs())
                .containsExactlyInAnyOrderElementsOf(handed.stream().collect(Collectors.groupingBy(
                        t -> t.handoff().target(), Collectors.counting())).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList());

        assertThat(result.handedOff().interactions()).isEqualTo(handed.size());
        assertThat(result.handedOff().errors()).isEqualTo(handed.stream().filter(t -> t.status() == Status.ERROR).count());
        assertFeedback(result.handedOff().feedback(), feedback(handed.stream().map(Trace::id).toList()), "handed off");
        assertThat(result.notHandedOff().interactions()).isEqualTo(others.size());
        assertThat(result.notHandedOff().errorRate()).isCloseTo(
                others.stream().filter(t -> t.status() == Status.ERROR).count() / (double) others.size(), within(1e-12));
        assertFeedback(result.notHandedOff().feedback(), feedback(others.stream().map(Trace::id).toList()), "others");

        List<Trace> withConversation = handed.stream().filter(t -> t.conversationId() != null).toList();
        long continued = withConversation.stream().filter(t -> data.traces.stream().anyMatch(n ->
                t.conversationId().equals(n.conversationId()) && n.startedAt().isAfter(t.startedAt()))).count();
        assertThat(continued).isPositive().isLessThan(withConversation.size());
        assertThat(result.continuation().withConversation()).isEqualTo(withConversation.size());
        assertThat(result.continuation().continued()).isEqualTo(continued);
        assertThat(result.spanOnlyHandoffs()).isEqualTo(others.stream().filter(t -> data.spans.stream()
                .anyMatch(s -> s.traceId().equals(t.id()) && s.kind() == SpanKind.HANDOFF)).count()).isPositive();
        assertThat(result.dataAsOf()).isEqualTo(data.traces.getLast().startedAt());
    }

    @Test
    public void decisionFiguresMatchTheGeneratedData() {
        WorkspaceId ws = generated();
        DecisionAnalytics result = store().behaviour().decisions(ws,
                new DecisionQuery(InteractionQuery.ALL, 0.5, 3));
        List<Span> decisions = data.spans.stream().filter(s -> s.kind() == SpanKind.DECISION).toList();
        Map<String, List<Span>> byPoint = decisions.stream()
                .collect(Collectors.groupingBy(s -> String.valueOf(s.decision().point())));
        assertThat(result.lowConfidenceThreshold()).isEqualTo(0.5);
        assertThat(result.points()).extracting(DecisionAnalytics.Point::point).containsExactly("route", "tone", null);
        for (DecisionAnalytics.Point p : result.points()) {
            List<Span> group = byPoint.get(String.valueOf(p.point()));
            List<Double> conf = group.stream().map(Span::confidence).filter(Objects::nonNull).toList();
            assertThat(p.decisions()).as(p.point()).isEqualTo(group.size());
            assertThat(p.confidence().count()).isEqualTo(conf.size());
            assertClose(p.confidence().mean(), mean(conf), p.point() + " mean");
            assertClose(p.confidence().p10(), percentile(conf, 0.1), p.point() + " p10");
            assertClose(p.confidence().p50(), percentile(conf, 0.5), p.point() + " p50");
            assertClose(p.confidence().p90(), percentile(conf, 0.9), p.point() + " p90");
            long[] bins = new long[10];
            conf.forEach(c -> bins[Math.min((int) Math.floor(c * 10), 9)]++);
            assertThat(p.confidence().histogram()).containsExactlyElementsOf(
                    java.util.Arrays.stream(bins).boxed().toList());

            Map<String, long[]> options = new java.util.TreeMap<>();
            for (Span s : group) {
                java.util.Set<String> offered = new java.util.HashSet<>(s.decision().alternatives());
                offered.add(s.decision().chosen());
                for (String o : offered) {
                    long[] counts = options.computeIfAbsent(o, k -> new long[2]);
                    counts[1]++;
                    counts[0] += o.equals(s.decision().chosen()) ? 1 : 0;
                }
            }
            assertThat(p.alternatives()).extracting(a -> a.alternative() + " " + a.chosen() + "/" + a.offered())
                    .containsExactlyInAnyOrderElementsOf(options.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()[0] + "/" + e.getValue()[1]).toList());
            assertThat(p.alternatives()).isSortedAccordingTo(
                    Comparator.comparingLong(DecisionAnalytics.Alternative::chosen).reversed());

            List<Span> low = group.stream().filter(s -> s.confidence() != null && s.confidence() < 0.5)
                    .sorted(Comparator.comparing(Span::startedAt).reversed()).toList();
            assertThat(p.lowConfidence().count()).as(p.point()).isEqualTo(low.size());
            assertThat(p.lowConfidence().recent()).extracting(DecisionAnalytics.Example::spanId)
                    .containsExactlyElementsOf(low.stream().limit(3).map(Span::id).toList());
            for (DecisionAnalytics.Example e : p.lowConfidence().recent()) {
                Span s = low.stream().filter(x -> x.id().equals(e.spanId())).findFirst().orElseThrow();
                assertThat(e.traceId()).isEqualTo(s.traceId());
                assertThat(e.chosen()).isEqualTo(s.decision().chosen());
                assertThat(e.confidence()).isEqualTo(s.confidence());
                assertThat(e.reasoning()).isEqualTo(s.decision().reasoning());
                assertThat(e.startedAt()).isEqualTo(s.startedAt());
            }

            Map<String, List<Span>> byChosen = group.stream().collect(Collectors.groupingBy(s -> s.decision().chosen()));
            assertThat(p.outcomes()).hasSize(byChosen.size());
            for (DecisionAnalytics.ChosenOutcome o : p.outcomes()) {
                List<Trace> of = byChosen.get(o.chosen()).stream().map(s -> data.trace(s.traceId())).toList();
                long errors = of.stream().filter(t -> t.status() == Status.ERROR).count();
                long handoffs = of.stream().filter(BehaviourContract::handedOff).count();
                assertThat(o.decisions()).as(p.point() + "/" + o.chosen()).isEqualTo(of.size());
                assertThat(o.errors()).as(p.point() + "/" + o.chosen()).isEqualTo(errors);
                assertThat(o.handoffs()).as(p.point() + "/" + o.chosen()).isEqualTo(handoffs);
                assertClose(o.errorRate(), errors / (double) of.size(), "error rate");
                assertClose(o.handoffRate(), handoffs / (double) of.size(), "hand-off rate");
                assertFeedback(o.feedback(), feedback(of.stream().map(Trace::id).toList()), o.chosen());
            }
        }
        assertThat(result.dataAsOf()).isEqualTo(data.traces.getLast().startedAt());
        DecisionAnalytics none = store().behaviour().decisions(ws, new DecisionQuery(InteractionQuery.ALL, 0.0, 0));
        assertThat(none.points()).allSatisfy(p -> {
            assertThat(p.lowConfidence().count()).isZero();
            assertThat(p.lowConfidence().recent()).isEmpty();
        });
    }

    @Test
    public void anotherWorkspaceSeesNoneOfIt() {
        generated();
        WorkspaceId other = newWorkspace();
        // t2 (complaint) and t16 (order_status, handed off; its conversation goes on only in the first workspace)
        List<String> mine = List.of("t2", "t16");
        write(new dev.sextant.store.WorkspaceBatch(other, mine.stream().map(data::trace).toList(), data.spans.stream()
                .filter(s -> mine.contains(s.traceId())).toList(), List.of(), List.of()));
        IntentAnalytics intents = store().behaviour().intents(other, new IntentQuery(InteractionQuery.ALL, null));
        assertThat(intents.interactions()).isEqualTo(2);
        assertThat(intents.intents()).extracting(g -> g.intent() + "=" + g.interactions() + "/" + g.ratings())
                .containsExactly("complaint=1/0", "order_status=1/0");
        assertThat(intents.intents().getFirst().totalCostUsd()).isEqualByComparingTo(data.cost("t2"));
        HandoffAnalytics handoffs = store().behaviour().handoffs(other, InteractionQuery.ALL);
        assertThat(handoffs.interactions()).isEqualTo(2);
        assertThat(handoffs.handoffs()).isEqualTo(1);
        assertThat(handoffs.notHandedOff().feedback().thumbs()).isZero();
        assertThat(handoffs.handedOff().feedback().thumbs()).isZero();
        assertThat(handoffs.continuation().withConversation()).isEqualTo(1);
        assertThat(handoffs.continuation().continued()).isZero();
        DecisionAnalytics decisions = store().behaviour().decisions(other, new DecisionQuery(InteractionQuery.ALL, 0.5, 5));
        assertThat(decisions.points()).extracting(p -> p.point() + "=" + p.decisions()).containsExactly("route=2");
        assertThat(decisions.points().getFirst().outcomes()).allSatisfy(o -> assertThat(o.feedback().ratings()).isZero());

        WorkspaceId empty = newWorkspace();
        assertThat(store().behaviour().intents(empty, new IntentQuery(InteractionQuery.ALL, null)).dataAsOf()).isNull();
        HandoffAnalytics nothing = store().behaviour().handoffs(empty, InteractionQuery.ALL);
        assertThat(nothing.interactions()).isZero();
        assertThat(nothing.handoffRate()).isNull();
        assertThat(nothing.byReason()).isEmpty();
        assertThat(store().behaviour().decisions(empty, new DecisionQuery(InteractionQuery.ALL, 0.5, 5)).points()).isEmpty();
    }
}
