package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.T0;
import static dev.sextant.store.tests.Fixtures.llm;
import static dev.sextant.store.tests.Fixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.Handoff;
import dev.sextant.model.Span;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ConfigurationPerformance;
import dev.sextant.store.ConfigurationPerformance.Point;
import dev.sextant.store.ConfigurationPerformance.Version;
import dev.sextant.store.ConfigurationPerformanceQuery;
import dev.sextant.store.TrendQuery.Interval;
import dev.sextant.store.WorkspaceBatch;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-version figures against a small known dataset (every number below is worked out by hand).
 * bot on v1: four traces of 100, 200, 300 and 400 ms costing 0.01 .. 0.04, the third failed, the
 * second handed off, rated 5 and 3 (first trace) and 4 (second); two on 2026-11-01, two on 11-02.
 * bot on v2: 1000 and 3000 ms, no cost, no rating, on 11-03. other on v1: one 50 ms trace.
 * A trace without a config version is never counted.
 */
public abstract class ConfigurationPerformanceContract extends StoreContract {
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration HOUR = Duration.ofHours(1);

    private static Trace trace(String id, String agent, String version, Instant start, long ms, Status status,
            boolean handoff) {
        return new Trace(id, agent, null, null, null, "answer", null, null, status, null, start, start.plusMillis(ms),
                null, null, null, new Handoff(handoff, handoff ? "asked for a human" : null, null), null, version,
                null, null, null, null);
    }

    private static Span cost(String traceId, Instant start, String usd) {
        return llm(traceId + "-llm", traceId, start, "gpt-a", Usage.of(10, 5), usd);
    }

    private WorkspaceId known() {
        WorkspaceId ws = newWorkspace();
        Instant d2 = T0.plus(DAY);
        Instant d3 = T0.plus(DAY.multipliedBy(2));
        List<Trace> traces = List.of(
                trace("a1", "bot", "v1", T0, 100, Status.OK, false),
                trace("a2", "bot", "v1", T0.plus(HOUR), 200, Status.OK, true),
                trace("a3", "bot", "v1", d2, 300, Status.ERROR, false),
                trace("a4", "bot", "v1", d2.plus(HOUR), 400, Status.OK, false),
                trace("b1", "bot", "v2", d3, 1000, Status.OK, false),
                trace("b2", "bot", "v2", d3.plus(HOUR), 3000, Status.OK, false),
                trace("o1", "other", "v1", T0, 50, Status.OK, false),
                trace("n1", "bot", null, T0, 9999, Status.ERROR, true));
        List<Span> spans = List.of(cost("a1", T0, "0.01"), cost("a2", T0.plus(HOUR), "0.02"), cost("a3", d2, "0.03"),
                cost("a4", d2.plus(HOUR), "0.04"), cost("n1", T0, "5"));
        write(new WorkspaceBatch(ws, traces, spans, List.of(score("r1", "a1", 5), score("r2", "a1", 3),
                score("r3", "a2", 4), score("r4", "n1", 1)), List.of()));
        return ws;
    }

    @Test
    public void everyVersionOfEveryAgentWithItsFigures() {
        WorkspaceId ws = known();
        ConfigurationPerformance result = store().configurationPerformance().versions(ws,
                ConfigurationPerformanceQuery.all());

        assertThat(result.versions()).extracting(v -> v.agentId() + "/" + v.configVersion())
                .containsExactly("bot/v1", "bot/v2", "other/v1");
        Version v1 = result.versions().get(0);
        assertThat(v1.executions()).isEqualTo(4);
        assertThat(v1.successes()).isEqualTo(3);
        assertThat(v1.successRate()).isEqualTo(0.75);
        assertThat(v1.latencySamples()).isEqualTo(4);
        assertThat(v1.avgLatencyMs()).isEqualTo(250.0);
        // percentile_cont(0.95) of 100..400: position 0.95 * 3 = 2.85, 300 + 0.85 * 100
        assertThat(v1.p95LatencyMs()).isCloseTo(385.0, within(1e-9));
        // sample sd: squares 150² + 50² + 50² + 150² = 50000, / 3, square root
        assertThat(v1.latencyStdDevMs()).isCloseTo(Math.sqrt(50000 / 3.0), within(1e-9));
        assertThat(v1.ratings()).isEqualTo(3);
        assertThat(v1.meanRating()).isCloseTo(4.0, within(1e-12));
        assertThat(v1.ratingStdDev()).isCloseTo(1.0, within(1e-12));
        assertThat(v1.totalCostUsd()).isEqualByComparingTo("0.10");
        assertThat(v1.costPerExecution()).isEqualByComparingTo("0.025");
        assertThat(v1.costStdDevUsd()).isCloseTo(Math.sqrt(0.0005 / 3), within(1e-12));
        assertThat(v1.handoffs()).isEqualTo(1);
        assertThat(v1.firstSeen()).isEqualTo(T0);
        assertThat(v1.lastSeen()).isEqualTo(T0.plus(DAY).plus(HOUR));

        Version v2 = result.versions().get(1);
        assertThat(v2.executions()).isEqualTo(2);
        assertThat(v2.successRate()).isEqualTo(1.0);
        assertThat(v2.avgLatencyMs()).isEqualTo(2000.0);
        assertThat(v2.p95LatencyMs()).isCloseTo(2900.0, within(1e-9));
        assertThat(v2.ratings()).isZero();
        assertThat(v2.meanRating()).isNull();
        assertThat(v2.ratingStdDev()).isNull();
        assertThat(v2.totalCostUsd()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(v2.handoffs()).isZero();

        Version other = result.versions().get(2);
        assertThat(other.executions()).isEqualTo(1);
        assertThat(other.latencyStdDevMs()).isNull();
        assertThat(result.series()).isEmpty();
        assertThat(result.dataAsOf()).isEqualTo(T0.plus(DAY.multipliedBy(2)).plus(HOUR));
    }

    @Test
    public void agentTimeAndVersionFiltersNarrowTheAnswer() {
        WorkspaceId ws = known();
        var reader = store().configurationPerformance();
        assertThat(reader.versions(ws, new ConfigurationPerformanceQuery("bot", null, null, List.of("v2"), null))
                .versions()).extracting(Version::configVersion).containsExactly("v2");
        ConfigurationPerformance day2 = reader.versions(ws,
                new ConfigurationPerformanceQuery("bot", T0.plus(DAY), T0.plus(DAY.multipliedBy(2)), List.of(), null));
        assertThat(day2.versions()).hasSize(1);
        assertThat(day2.versions().getFirst().executions()).isEqualTo(2);
        assertThat(day2.versions().getFirst().successes()).isEqualTo(1);
        assertThat(day2.versions().getFirst().ratings()).isZero();
        assertThat(reader.versions(ws, new ConfigurationPerformanceQuery(null, null, null, List.of("v9", "x' OR '1'='1"),
                null)).versions()).isEmpty();
        assertThat(reader.versions(ws, new ConfigurationPerformanceQuery("nobody", null, null, List.of(), null))
                .dataAsOf()).isNull();
    }

    @Test
    public void theDailySeriesListsEachVersionsDaysWithTraces() {
        WorkspaceId ws = known();
        ConfigurationPerformance result = store().configurationPerformance().versions(ws,
                new ConfigurationPerformanceQuery("bot", T0.minus(DAY), T0.plus(DAY.multipliedBy(5)), List.of(),
                        Interval.DAY));
        Instant day1 = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(result.series()).extracting(p -> p.configVersion() + "@" + p.bucket())
                .containsExactly("v1@" + day1, "v1@" + day1.plus(DAY), "v2@" + day1.plus(DAY.multipliedBy(2)));
        Point first = result.series().get(0);
        assertThat(first.executions()).isEqualTo(2);
        assertThat(first.successes()).isEqualTo(2);
        assertThat(first.latencySamples()).isEqualTo(2);
        assertThat(first.totalDurationMs()).isEqualTo(300);
        assertThat(first.totalCostUsd()).isEqualByComparingTo("0.03");
        assertThat(first.ratings()).isEqualTo(3);
        assertThat(first.meanRating()).isCloseTo(4.0, within(1e-12));
        Point second = result.series().get(1);
        assertThat(second.successes()).isEqualTo(1);
        assertThat(second.ratings()).isZero();
        assertThat(second.meanRating()).isNull();
        assertThat(result.series().get(2).totalDurationMs()).isEqualTo(4000);
    }

    @Test
    public void anotherWorkspaceSeesNoneOfIt() {
        known();
        WorkspaceId other = newWorkspace();
        ConfigurationPerformance result = store().configurationPerformance().versions(other,
                new ConfigurationPerformanceQuery(null, T0.minus(DAY), T0.plus(DAY.multipliedBy(5)), List.of("v1"),
                        Interval.DAY));
        assertThat(result.versions()).isEmpty();
        assertThat(result.series()).isEmpty();
        assertThat(result.dataAsOf()).isNull();
    }

    @Test
    public void aSeriesNeedsBothBoundsAndFewEnoughBuckets() {
        assertThatThrownBy(() -> new ConfigurationPerformanceQuery(null, T0, null, List.of(), Interval.DAY))
                .hasMessage("from and to are both required for a series (every bucket is bounded)");
        assertThatThrownBy(() -> new ConfigurationPerformanceQuery(null, T0, T0.plus(DAY.multipliedBy(3000)), List.of(),
                Interval.DAY)).hasMessageContaining("at most 2000 are allowed");
        assertThatThrownBy(() -> new ConfigurationPerformanceQuery(null, T0, T0, List.of(), null))
                .hasMessageContaining("must be after from");
    }
}
