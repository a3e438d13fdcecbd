package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.llm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.Handoff;
import dev.sextant.model.Intent;
import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.TrendQuery;
import dev.sextant.store.TrendQuery.GroupBy;
import dev.sextant.store.TrendQuery.Interval;
import dev.sextant.store.TrendQuery.Metric;
import dev.sextant.store.TrendResult;
import dev.sextant.store.TrendResult.Bucket;
import dev.sextant.store.WorkspaceBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Trends against figures this test computes itself from the interactions it generated: seeded
 * random traces over six hours (hour 3 left empty), each with one LLM span, some with scores.
 */
public abstract class TrendContract extends StoreContract {
    private static final Instant H0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final int HOURS = 6;
    private static final int EMPTY_HOUR = 3;

    /** What the test generated for one interaction, the source of every expected figure. */
    private record Gen(Instant start, String agent, String model, boolean error, long durationMs, Double confidence,
            boolean handoff, long input, long output, long costMillis, Double rating, Double accepted,
            List<String> tags, List<Intent> intents, List<String> tools) {
        /** The intent of highest confidence; ties to the name that sorts last (the store's rule). */
        String primaryIntent() {
            return intents.stream().max(Comparator.comparingDouble(Intent::confidence).thenComparing(Intent::name))
                    .map(Intent::name).orElse(null);
        }

        int hour() {
            return (int) Duration.between(H0, start).toHours();
        }
    }

    /** The interactions of the latest {@link #seeded} workspace (the test instance may be shared). */
    private final List<Gen> generated = new ArrayList<>();

    private WorkspaceId seeded(long seed) {
        WorkspaceId ws = newWorkspace();
        generated.clear();
        Random r = new Random(seed);
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int hour = r.nextInt(HOURS);
            if (hour == EMPTY_HOUR) {
                continue;
            }
            Instant start = H0.plusSeconds(hour * 3600L + r.nextInt(3600));
            Gen g = new Gen(start, r.nextBoolean() ? "alpha" : "beta", r.nextBoolean() ? "m-1" : "m-2",
                    r.nextInt(5) == 0, 100 + r.nextInt(5000), r.nextInt(4) == 0 ? null : r.nextInt(101) / 100.0,
                    r.nextInt(3) == 0, 1 + r.nextInt(1000), 1 + r.nextInt(500), r.nextInt(2000),
                    r.nextBoolean() ? (double) (1 + r.nextInt(5)) : null,
                    r.nextBoolean() ? (double) r.nextInt(2) : null,
                    // no tags, one, two, or one twice (which counts once)
                    List.of(List.<String>of(), List.of("vip"), List.of("eu", "vip"), List.of("vip", "vip"))
                            .get(r.nextInt(4)),
                    // no intent, one, or two with the second stronger or weaker
                    List.of(List.<Intent>of(), List.of(new Intent("refund", 0.9)),
                            List.of(new Intent("refund", 0.4), new Intent("status", 0.8)),
                            List.of(new Intent("status", 0.3), new Intent("refund", 0.7))).get(r.nextInt(4)),
                    // tools called: none, one, two, or the same twice (which counts once)
                    List.of(List.<String>of(), List.of("search"), List.of("search", "pay"), List.of("pay", "pay"))
                            .get(r.nextInt(4)));
            generated.add(g);
            String id = "tr-" + i;
            traces.add(new Trace(id, g.agent(), null, null, null, null, null, null,
                    g.error() ? Status.ERROR : Status.OK, null, start, start.plusMillis(g.durationMs()), "text",
                    g.intents().isEmpty() ? null : g.intents(),
                    g.confidence(), new Handoff(g.handoff(), null, null), null, null, null, null, g.tags(), null));
            for (int k = 0; k < g.tools().size(); k++) {
                spans.add(new Span("st-" + i + "-" + k, id, null, SpanKind.TOOL, g.tools().get(k), Status.OK, null,
                        start, start.plusMillis(10), null, null, null, null, null, g.tools().get(k), null, null, null,
                        null, null, null));
            }
            spans.add(llm("sp-" + i, id, start, g.model(), Usage.of(g.input(), g.output()),
                    String.valueOf(g.costMillis() / 1000.0)));
            if (g.rating() != null) {
                scores.add(new Score("sr-" + i, id, null, "user_rating", g.rating(), null, null, "user", null, start));
            }
            if (g.accepted() != null) {
                scores.add(new Score("sa-" + i, id, null, "accepted", g.accepted(), null, null, "user", null, start));
            }
        }
        write(new WorkspaceBatch(ws, traces, spans, scores, List.of()));
        return ws;
    }

    private static TrendQuery hourly(Metric metric, GroupBy groupBy) {
        return new TrendQuery(metric, Interval.HOUR, groupBy,
                InteractionQuery.builder().from(H0).to(H0.plusSeconds(HOURS * 3600L)).build());
    }

    private List<Gen> inHour(int hour, Predicate<Gen> also) {
        return generated.stream().filter(g -> g.hour() == hour && also.test(g)).toList();
    }

    private static Double mean(List<Gen> gens, ToDoubleFunction<Gen> f) {
        return gens.isEmpty() ? null : gens.stream().mapToDouble(f).average().orElseThrow();
    }

    /** percentile_cont: linear interpolation between the order statistics at fraction * (n - 1). */
    private static Double percentile(List<Gen> gens, double fraction) {
        if (gens.isEmpty()) {
            return null;
        }
        double[] v = gens.stream().mapToDouble(Gen::durationMs).sorted().toArray();
        double pos = fraction * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    /** The expected value and sample count of one hour, for the interactions {@code only} keeps. */
    private Bucket expected(Metric metric, int hour, Predicate<Gen> only) {
        Instant start = H0.plusSeconds(hour * 3600L);
        List<Gen> all = inHour(hour, only);
        return switch (metric) {
            case INTERACTIONS -> new Bucket(start, (double) all.size(), all.size());
            case COST -> new Bucket(start, all.stream().mapToLong(Gen::costMillis).sum() / 1000.0, all.size());
            case TOKENS -> new Bucket(start, (double) all.stream().mapToLong(g -> g.input() + g.output()).sum(),
                    all.size());
            case LATENCY_P50 -> new Bucket(start, percentile(all, 0.5), all.size());
            case LATENCY_P95 -> new Bucket(start, percentile(all, 0.95), all.size());
            case LATENCY_P99 -> new Bucket(start, percentile(all, 0.99), all.size());
            case ERROR_RATE -> new Bucket(start, mean(all, g -> g.error() ? 1 : 0), all.size());
            case HANDOFF_RATE -> new Bucket(start, mean(all, g -> g.handoff() ? 1 : 0), all.size());
            case AVG_CONFIDENCE -> {
                List<Gen> with = all.stream().filter(g -> g.confidence() != null).toList();
                yield new Bucket(start, mean(with, Gen::confidence), with.size());
            }
            case SATISFACTION -> {
                List<Gen> with = all.stream().filter(g -> g.rating() != null).toList();
                yield new Bucket(start, mean(with, Gen::rating), with.size());
            }
            case ACCEPTANCE_RATE -> {
                List<Gen> with = all.stream().filter(g -> g.accepted() != null).toList();
                yield new Bucket(start, mean(with, g -> g.accepted() == 1.0 ? 1 : 0), with.size());
            }
        };
    }

    private static void assertBuckets(List<Bucket> actual, List<Bucket> expected) {
        assertThat(actual).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Bucket a = actual.get(i);
            Bucket e = expected.get(i);
            assertThat(a.start()).as("bucket %d start", i).isEqualTo(e.start());
            assertThat(a.samples()).as("bucket %d samples", i).isEqualTo(e.samples());
            if (e.value() == null) {
                assertThat(a.value()).as("bucket %d value", i).isNull();
            } else {
                assertThat(a.value()).as("bucket %d value", i).isCloseTo(e.value(), within(1e-9));
            }
        }
    }

    @Test
    public void everyMetricMatchesTheFiguresComputedFromTheGeneratedData() {
        WorkspaceId ws = seeded(42);
        for (Metric metric : Metric.values()) {
            TrendResult result = store().trends().trends(ws, hourly(metric, null));

            assertThat(result.series()).as(metric.wire()).hasSize(1);
            assertThat(result.series().getFirst().key()).isNull();
            List<Bucket> expected = new ArrayList<>();
            for (int h = 0; h < HOURS; h++) {
                expected.add(expected(metric, h, g -> true));
            }
            assertBuckets(result.series().getFirst().buckets(), expected);
        }
    }

    @Test
    public void anEmptyBucketIsListedWithNoSamplesAndNoInventedValue() {
        WorkspaceId ws = seeded(7);
        Bucket countEmpty = store().trends().trends(ws, hourly(Metric.INTERACTIONS, null))
                .series().getFirst().buckets().get(EMPTY_HOUR);
        Bucket latencyEmpty = store().trends().trends(ws, hourly(Metric.LATENCY_P95, null))
                .series().getFirst().buckets().get(EMPTY_HOUR);

        assertThat(countEmpty).isEqualTo(new Bucket(H0.plusSeconds(EMPTY_HOUR * 3600L), 0.0, 0));
        assertThat(latencyEmpty).isEqualTo(new Bucket(H0.plusSeconds(EMPTY_HOUR * 3600L), null, 0));
    }

    @Test
    public void groupedByAgentEachSeriesHoldsOnlyItsAgent() {
        WorkspaceId ws = seeded(11);
        for (Metric metric : List.of(Metric.INTERACTIONS, Metric.ERROR_RATE, Metric.LATENCY_P50, Metric.SATISFACTION)) {
            TrendResult result = store().trends().trends(ws, hourly(metric, GroupBy.AGENT));

            assertThat(result.series()).extracting(TrendResult.Series::key).containsExactly("alpha", "beta");
            for (TrendResult.Series s : result.series()) {
                List<Bucket> expected = new ArrayList<>();
                for (int h = 0; h < HOURS; h++) {
                    expected.add(expected(metric, h, g -> g.agent().equals(s.key())));
                }
                assertBuckets(s.buckets(), expected);
            }
        }
    }

    @Test
    public void groupedByModelEachSeriesHoldsTheInteractionsThatCalledIt() {
        WorkspaceId ws = seeded(13);
        TrendResult result = store().trends().trends(ws, hourly(Metric.COST, GroupBy.MODEL));

        assertThat(result.series()).extracting(TrendResult.Series::key).containsExactly("m-1", "m-2");
        for (TrendResult.Series s : result.series()) {
            List<Bucket> expected = new ArrayList<>();
            for (int h = 0; h < HOURS; h++) {
                expected.add(expected(Metric.COST, h, g -> g.model().equals(s.key())));
            }
            assertBuckets(s.buckets(), expected);
        }
    }

    @Test
    public void groupedByTagATraceCountsOnceUnderEachOfItsTags() {
        WorkspaceId ws = seeded(31);
        for (Metric metric : List.of(Metric.INTERACTIONS, Metric.COST, Metric.LATENCY_P95)) {
            TrendResult result = store().trends().trends(ws, hourly(metric, GroupBy.TAG));

            assertThat(result.series()).extracting(TrendResult.Series::key).containsExactly("eu", "vip");
            for (TrendResult.Series s : result.series()) {
                List<Bucket> expected = new ArrayList<>();
                for (int h = 0; h < HOURS; h++) {
                    expected.add(expected(metric, h, g -> g.tags().contains(s.key())));
                }
                assertBuckets(s.buckets(), expected);
            }
        }
    }

    @Test
    public void groupedByToolATraceCountsOnceUnderEachToolItCalled() {
        WorkspaceId ws = seeded(37);
        for (Metric metric : List.of(Metric.INTERACTIONS, Metric.ERROR_RATE, Metric.LATENCY_P50)) {
            TrendResult result = store().trends().trends(ws, hourly(metric, GroupBy.TOOL));

            assertThat(result.series()).extracting(TrendResult.Series::key).containsExactly("pay", "search");
            for (TrendResult.Series s : result.series()) {
                List<Bucket> expected = new ArrayList<>();
                for (int h = 0; h < HOURS; h++) {
                    expected.add(expected(metric, h, g -> g.tools().contains(s.key())));
                }
                assertBuckets(s.buckets(), expected);
            }
        }
    }

    @Test
    public void groupedByIntentATraceCountsUnderItsStrongestIntentOnly() {
        WorkspaceId ws = seeded(41);
        for (Metric metric : List.of(Metric.INTERACTIONS, Metric.HANDOFF_RATE, Metric.SATISFACTION)) {
            TrendResult result = store().trends().trends(ws, hourly(metric, GroupBy.INTENT));

            assertThat(result.series()).extracting(TrendResult.Series::key).containsExactly("refund", "status");
            for (TrendResult.Series s : result.series()) {
                List<Bucket> expected = new ArrayList<>();
                for (int h = 0; h < HOURS; h++) {
                    expected.add(expected(metric, h, g -> s.key().equals(g.primaryIntent())));
                }
                assertBuckets(s.buckets(), expected);
            }
        }
    }

    @Test
    public void theListFiltersApply() {
        WorkspaceId ws = seeded(17);
        TrendQuery onlyAlpha = new TrendQuery(Metric.INTERACTIONS, Interval.HOUR, null, InteractionQuery.builder()
                .from(H0).to(H0.plusSeconds(HOURS * 3600L)).agentId("alpha").build());

        List<Bucket> expected = new ArrayList<>();
        for (int h = 0; h < HOURS; h++) {
            expected.add(expected(Metric.INTERACTIONS, h, g -> g.agent().equals("alpha")));
        }
        assertBuckets(store().trends().trends(ws, onlyAlpha).series().getFirst().buckets(), expected);
    }

    @Test
    public void dailyBucketsStartAtUtcMidnightAndDataAsOfIsTheNewestStart() {
        WorkspaceId ws = seeded(19);
        TrendQuery daily = new TrendQuery(Metric.INTERACTIONS, Interval.DAY, null, InteractionQuery.builder()
                .from(H0).to(H0.plus(Duration.ofDays(2))).build());

        TrendResult result = store().trends().trends(ws, daily);

        assertThat(result.series().getFirst().buckets()).containsExactly(
                new Bucket(Instant.parse("2026-11-01T00:00:00Z"), (double) generated.size(), generated.size()),
                new Bucket(Instant.parse("2026-11-02T00:00:00Z"), 0.0, 0),
                new Bucket(Instant.parse("2026-11-03T00:00:00Z"), 0.0, 0));
        assertThat(result.dataAsOf()).isEqualTo(generated.stream().map(Gen::start)
                .max(Comparator.naturalOrder()).orElseThrow());
    }

    @Test
    public void anotherWorkspacesInteractionsAreNotCounted() {
        WorkspaceId mine = seeded(23);
        int mineCount = generated.size();
        seeded(29); // another tenant, same hours
        TrendResult result = store().trends().trends(mine, new TrendQuery(Metric.INTERACTIONS, Interval.DAY, null,
                InteractionQuery.builder().from(H0).to(H0.plusSeconds(HOURS * 3600L)).build()));

        assertThat(result.series().getFirst().buckets()).extracting(Bucket::samples).containsExactly((long) mineCount);
        assertThat(store().trends().trends(newWorkspace(), hourly(Metric.COST, GroupBy.AGENT)).series()).isEmpty();
    }

    @Test
    public void aTrendNeedsBothEndsOfItsRange() {
        assertThatThrownBy(() -> new TrendQuery(Metric.COST, Interval.DAY, null, InteractionQuery.ALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from and to");
        assertThatThrownBy(() -> new TrendQuery(Metric.COST, Interval.HOUR, null, InteractionQuery.builder()
                .from(H0).to(H0.plus(Duration.ofDays(365))).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
    }
}
