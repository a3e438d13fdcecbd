package dev.sextant.store.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.LearningQuery;
import dev.sextant.store.LearningStats;
import dev.sextant.store.LearningStats.Figures;
import dev.sextant.store.TrendQuery.Interval;
import dev.sextant.store.TrendResult.Bucket;
import dev.sextant.store.WorkspaceBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Learning events against what this test computes itself: seeded random {@code learning} spans
 * over five days (day 3 without any), with confidence on the span or as an attribute, applied
 * as a JSON boolean (or a string, which does not count), and outcomes in several spellings.
 */
public abstract class LearningContract extends StoreContract {
    private static final Instant D0 = Instant.parse("2026-11-09T00:00:00Z");
    private static final int DAYS = 5;
    private static final int EMPTY_DAY = 3;
    private static final Set<String> SUCCESS = Set.of("success", "accepted");
    private static final Set<String> FAILURE = Set.of("failure", "rejected");

    private record Gen(Instant traceStart, String agent, String pattern, Double confidence, Boolean applied,
            String outcome) {
        int day() {
            return (int) Duration.between(D0, traceStart).toDays();
        }

        boolean succeeded() {
            return Boolean.TRUE.equals(applied) && outcome != null && SUCCESS.contains(outcome.toLowerCase());
        }

        boolean failed() {
            return Boolean.TRUE.equals(applied) && outcome != null && FAILURE.contains(outcome.toLowerCase());
        }
    }

    private final List<Gen> generated = new ArrayList<>();

    private WorkspaceId seeded(long seed) {
        WorkspaceId ws = newWorkspace();
        generated.clear();
        Random r = new Random(seed);
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            int day = r.nextInt(DAYS);
            if (day == EMPTY_DAY) {
                continue;
            }
            Instant start = D0.plus(Duration.ofDays(day)).plusSeconds(r.nextInt(86_000));
            String traceId = "tr-" + i;
            String agent = r.nextBoolean() ? "coder" : "helper";
            traces.add(new Trace(traceId, agent, null, null, null, null, null, null, Status.OK, null, start,
                    start.plusSeconds(30), null, null, null, null, null, null, null, null, null, null));
            int events = 1 + r.nextInt(2);
            for (int k = 0; k < events; k++) {
                String pattern = r.nextInt(7) == 0 ? null
                        : List.of("prefers records", "no wildcard imports", "early returns").get(r.nextInt(3));
                double c = r.nextInt(101) / 100.0;
                int confidenceWhere = r.nextInt(4); // 0 span, 1 attribute, 2 both (span wins), 3 none
                Boolean applied = r.nextInt(5) == 0 ? null : r.nextBoolean();
                boolean appliedAsText = applied != null && r.nextInt(6) == 0;
                String outcome = r.nextInt(6) == 0 ? null
                        : List.of("accepted", "rejected", "Success", "FAILURE", "unclear").get(r.nextInt(5));
                StringBuilder a = new StringBuilder("{\"source\": \"feedback\"");
                if (pattern != null) {
                    a.append(", \"pattern\": \"").append(pattern).append('"');
                }
                if (confidenceWhere == 1 || confidenceWhere == 2) {
                    a.append(", \"confidence\": ").append(confidenceWhere == 2 ? 0.01 : c);
                }
                if (applied != null) {
                    a.append(", \"applied\": ").append(appliedAsText ? "\"" + applied + "\"" : applied);
                }
                if (outcome != null) {
                    a.append(", \"outcome\": \"").append(outcome).append('"');
                }
                a.append('}');
                spans.add(new Span(traceId + "-l" + k, traceId, null, SpanKind.LEARNING, "learn", Status.OK, null,
                        start.plusSeconds(k), start.plusSeconds(k + 1), null, null, null, null, null, null, null,
                        confidenceWhere == 0 || confidenceWhere == 2 ? c : null, null, a.toString(), null, null));
                generated.add(new Gen(start, agent, pattern, confidenceWhere == 3 ? null : c,
                        appliedAsText ? null : applied, outcome));
            }
            // a decision span with confidence and attributes in the same trace: not a learning event
            spans.add(new Span(traceId + "-d", traceId, null, SpanKind.DECISION, "route", Status.OK, null, start,
                    start, null, null, null, null, null, null, null, 0.99, null,
                    "{\"pattern\": \"prefers records\", \"applied\": true, \"outcome\": \"success\"}", null, null));
        }
        write(new WorkspaceBatch(ws, traces, spans, List.of(), List.of()));
        return ws;
    }

    private static LearningQuery daily(int limit) {
        return new LearningQuery(Interval.DAY, InteractionQuery.builder().from(D0).to(D0.plus(Duration.ofDays(DAYS)))
                .build(), limit);
    }

    private void assertFigures(Figures actual, String pattern, Predicate<Gen> only) {
        List<Gen> gens = generated.stream().filter(only).toList();
        List<Double> confidences = gens.stream().map(Gen::confidence).filter(Objects::nonNull).toList();
        String what = Objects.requireNonNullElse(pattern, "(none)");
        assertThat(actual.pattern()).isEqualTo(pattern);
        assertThat(actual.events()).as(what).isEqualTo(gens.size());
        assertThat(actual.withConfidence()).as(what).isEqualTo(confidences.size());
        assertThat(actual.meanConfidence()).as(what).isCloseTo(
                confidences.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-9));
        assertThat(actual.withApplied()).as(what).isEqualTo(gens.stream().filter(g -> g.applied() != null).count());
        assertThat(actual.applied()).as(what).isEqualTo(gens.stream().filter(g -> Boolean.TRUE.equals(g.applied())).count());
        assertThat(actual.succeeded()).as(what).isEqualTo(gens.stream().filter(Gen::succeeded).count());
        assertThat(actual.failed()).as(what).isEqualTo(gens.stream().filter(Gen::failed).count());
    }

    @Test
    public void overallAndPerPatternFiguresMatchTheGeneratedEvents() {
        WorkspaceId ws = seeded(3);
        LearningStats stats = store().learning().learning(ws, daily(100));

        assertFigures(stats.overall(), null, g -> true);
        assertThat(stats.overall().succeeded()).isPositive();
        assertThat(stats.overall().failed()).isPositive();
        Map<String, Long> counts = generated.stream()
                .collect(Collectors.groupingBy(g -> Objects.requireNonNullElse(g.pattern(), "~none"), Collectors.counting()));
        List<String> expectedOrder = counts.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .map(e -> e.getKey().equals("~none") ? null : e.getKey()).toList();
        assertThat(stats.byPattern()).extracting(Figures::pattern).containsExactlyElementsOf(expectedOrder);
        for (Figures f : stats.byPattern()) {
            assertFigures(f, f.pattern(), g -> Objects.equals(g.pattern(), f.pattern()));
        }
        assertThat(store().learning().learning(ws, daily(1)).byPattern()).extracting(Figures::pattern)
                .containsExactly(expectedOrder.getFirst());
        assertThat(stats.dataAsOf()).isEqualTo(generated.stream().map(Gen::traceStart).max(Comparator.naturalOrder())
                .orElseThrow());
    }

    @Test
    public void confidenceIsBucketedByDayAndTheEmptyDayHasNoValue() {
        WorkspaceId ws = seeded(5);
        List<Bucket> buckets = store().learning().learning(ws, daily(10)).confidence();

        assertThat(buckets).hasSize(DAYS);
        for (int day = 0; day < DAYS; day++) {
            int d = day;
            List<Double> values = generated.stream().filter(g -> g.day() == d).map(Gen::confidence)
                    .filter(Objects::nonNull).toList();
            Bucket b = buckets.get(day);
            assertThat(b.start()).isEqualTo(D0.plus(Duration.ofDays(day)));
            assertThat(b.samples()).as("day %d", day).isEqualTo(values.size());
            if (values.isEmpty()) {
                assertThat(b.value()).isNull();
            } else {
                assertThat(b.value()).as("day %d", day)
                        .isCloseTo(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-9));
            }
        }
        assertThat(buckets.get(EMPTY_DAY)).isEqualTo(new Bucket(D0.plus(Duration.ofDays(EMPTY_DAY)), null, 0));
    }

    @Test
    public void theListFiltersApplyAndAnotherWorkspaceSeesNothing() {
        WorkspaceId ws = seeded(7);
        LearningStats coder = store().learning().learning(ws, new LearningQuery(Interval.DAY,
                InteractionQuery.builder().from(D0).to(D0.plus(Duration.ofDays(DAYS))).agentId("coder").build(), 10));
        assertFigures(coder.overall(), null, g -> g.agent().equals("coder"));

        LearningStats none = store().learning().learning(newWorkspace(), daily(10));
        assertThat(none.overall()).isEqualTo(new Figures(null, 0, 0, null, 0, 0, 0, 0));
        assertThat(none.overall().applicationRate()).isNull();
        assertThat(none.overall().applicationSuccessRate()).isNull();
        assertThat(none.byPattern()).isEmpty();
        assertThat(none.confidence()).hasSize(DAYS).allSatisfy(b -> assertThat(b.samples()).isZero());
        assertThat(none.dataAsOf()).isNull();
    }

    @Test
    public void aQueryIsCheckedWhereItIsBuilt() {
        assertThatThrownBy(() -> new LearningQuery(Interval.DAY, InteractionQuery.ALL, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from and to");
        assertThatThrownBy(() -> daily(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }
}
