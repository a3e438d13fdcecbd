package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.at;
import static dev.sextant.store.tests.Fixtures.batch;
import static dev.sextant.store.tests.Fixtures.llm;
import static dev.sextant.store.tests.Fixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.CostSource;
import dev.sextant.model.Handoff;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.InteractionStats;
import dev.sextant.store.InteractionStats.KeyCount;
import dev.sextant.store.InteractionStats.MessageTypeBreakdown;
import dev.sextant.store.InteractionStats.ModelBreakdown;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statistics against figures computed by hand. */
public abstract class InteractionStatsContract extends StoreContract {

    private static Trace t(String id, Status status, Instant start, Long durationMs, Double confidence,
            Handoff handoff, String messageType) {
        Trace base = trace(id, start);
        return new Trace(id, "bot", null, null, null, null, null, null, status, null, start,
                durationMs == null ? null : start.plusMillis(durationMs), messageType, null, confidence, handoff,
                null, null, null, null, base.tags(), null);
    }

    /**
     * t1: ok, 1000 ms, confidence 0.9, text, gpt-a 100/50 $0.5.
     * t2: error, 2000 ms, 0.45, hand-off "angry", text, gpt-a 200/100 $0.25 + gpt-b 300/30 $0.125.
     * t3: ok, 4000 ms, 1.0, hand-off "angry", voice, no spans.
     * t4: ok, still running, no confidence, hand-off without reason, no type; an agent span 10/10 $1.
     */
    private WorkspaceId fourInteractions() {
        WorkspaceId ws = newWorkspace();
        write(batch(ws, List.of(
                t("t1", Status.OK, at(0), 1000L, 0.9, new Handoff(false, null, null), "text"),
                t("t2", Status.ERROR, at(10), 2000L, 0.45, new Handoff(true, "angry", "human"), "text"),
                t("t3", Status.OK, at(20), 4000L, 1.0, new Handoff(true, "angry", null), "voice"),
                t("t4", Status.OK, at(30), null, null, new Handoff(true, null, null), null)), List.of(
                llm("s1", "t1", at(1), "gpt-a", Usage.of(100, 50), "0.5"),
                llm("s2", "t2", at(11), "gpt-a", Usage.of(200, 100), "0.25"),
                llm("s3", "t2", at(12), "gpt-b", Usage.of(300, 30), "0.125"),
                Fixtures.withUsage(Fixtures.span("s4", "t4", SpanKind.AGENT, at(31)), Usage.of(10, 10), "1",
                        CostSource.REPORTED))));
        return ws;
    }

    @Test
    public void everyFigureMatchesTheHandComputedOne() {
        InteractionStats s = store().interactions().stats(fourInteractions(), InteractionQuery.ALL);

        assertThat(s.interactions()).isEqualTo(4);
        assertThat(s.errors()).isEqualTo(1);
        assertThat(s.errorRate()).isEqualTo(0.25);
        assertThat(s.totalCostUsd()).isEqualByComparingTo("1.875");
        assertThat(s.avgCostUsd()).isEqualByComparingTo("0.46875");
        assertThat(s.avgConfidence()).isCloseTo((0.9 + 0.45 + 1.0) / 3, within(1e-9));
        assertThat(s.avgDurationMs()).isCloseTo(7000.0 / 3, within(1e-9));
        assertThat(s.p50DurationMs()).isCloseTo(2000.0, within(1e-9));
        assertThat(s.p95DurationMs()).isCloseTo(3800.0, within(1e-9)); // 2000 + 0.9 * (4000 - 2000)
        assertThat(s.p99DurationMs()).isCloseTo(3960.0, within(1e-9)); // 2000 + 0.98 * (4000 - 2000)
        assertThat(s.handoffs()).isEqualTo(3);
        assertThat(s.handoffRate()).isEqualTo(0.75);
        assertThat(s.handoffReasons()).containsExactly(new KeyCount("angry", 2), new KeyCount("unspecified", 1));
        assertThat(s.highConfidence()).isEqualTo(2);
        assertThat(s.lowConfidence()).isEqualTo(1);
        assertThat(s.confidenceHistogram()).hasSize(10);
        assertThat(s.confidenceHistogram()).extracting(InteractionStats.HistogramBucket::count)
                .containsExactly(0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 2L);
        assertThat(s.confidenceHistogram().getFirst().lower()).isEqualTo(0.0);
        assertThat(s.confidenceHistogram().getLast().upper()).isEqualTo(1.0);
        assertThat(s.tokens()).isEqualTo(new InteractionStats.Tokens(610, 190, 0, 0, 0));
        assertThat(s.byModel()).usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactly(new ModelBreakdown("gpt-a", 2, 300, 150, new BigDecimal("0.75")),
                        new ModelBreakdown("gpt-b", 1, 300, 30, new BigDecimal("0.125")));
        assertThat(s.byMessageType()).usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactly(new MessageTypeBreakdown("text", 2, new BigDecimal("0.875")),
                        new MessageTypeBreakdown("voice", 1, BigDecimal.ZERO));
    }

    @Test
    public void statsFollowTheFilter() {
        WorkspaceId ws = fourInteractions();
        InteractionStats s = store().interactions().stats(ws, InteractionQuery.builder().model("gpt-b").build());
        assertThat(s.interactions()).isEqualTo(1);
        assertThat(s.errors()).isEqualTo(1);
        assertThat(s.totalCostUsd()).isEqualByComparingTo("0.375");
        assertThat(s.byModel()).extracting(ModelBreakdown::model).containsExactly("gpt-a", "gpt-b");
        assertThat(s.p50DurationMs()).isEqualTo(2000.0);
    }

    @Test
    public void nothingToAverageGivesNullsNotZeros() {
        InteractionStats s = store().interactions().stats(newWorkspace(), InteractionQuery.ALL);
        assertThat(s.interactions()).isZero();
        assertThat(s.totalCostUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(s.avgCostUsd()).isNull();
        assertThat(s.avgConfidence()).isNull();
        assertThat(s.avgDurationMs()).isNull();
        assertThat(s.p50DurationMs()).isNull();
        assertThat(s.p95DurationMs()).isNull();
        assertThat(s.p99DurationMs()).isNull();
        assertThat(s.errorRate()).isNull();
        assertThat(s.handoffReasons()).isEmpty();
        assertThat(s.confidenceHistogram()).hasSize(10).allMatch(b -> b.count() == 0);
        assertThat(s.byModel()).isEmpty();
        assertThat(s.byMessageType()).isEmpty();
    }

    @Test
    public void interactionsWithoutConfidenceOrDurationAreLeftOutOfThoseAverages() {
        WorkspaceId ws = fourInteractions();
        InteractionStats s = store().interactions().stats(ws, InteractionQuery.builder().from(at(30)).build());
        assertThat(s.interactions()).isEqualTo(1);
        assertThat(s.avgConfidence()).isNull();
        assertThat(s.avgDurationMs()).isNull();
        assertThat(s.avgCostUsd()).isEqualByComparingTo("1");
    }
}
