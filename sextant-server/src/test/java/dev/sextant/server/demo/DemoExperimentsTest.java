package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.experiments.Assignment.Allocation;
import dev.sextant.analytics.experiments.ExperimentAnalysis;
import dev.sextant.analytics.experiments.ExperimentMetric;
import dev.sextant.analytics.experiments.ExperimentPlan;
import dev.sextant.analytics.experiments.ExperimentResult;
import dev.sextant.analytics.experiments.ExperimentVerdict;
import dev.sextant.server.demo.DemoItems.Item;
import dev.sextant.store.ExperimentCorrection;
import dev.sextant.store.ExperimentOutcomeTotals;
import dev.sextant.store.ExperimentSpec;
import dev.sextant.store.ExperimentUnitKind;
import dev.sextant.store.ExperimentUnitOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's experiments say what the story says whatever hour and weekday the demo is loaded at:
 * the tone test is won by its treatment, the context test is a fair split still collecting data.
 * The real analysis runs over unit outcomes summed here from the generated traces (cost left at
 * zero and no pre-period, so the cost guardrail and CUPED are the end-to-end test's,
 * {@code ITDemoDefinitions}).
 */
class DemoExperimentsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 19, 38, 57, 76, 95, 114, 133})
    void theEmpatheticPromptWinsOnHandOffs(int hoursLater) {
        Instant now = DemoItems.NOW.plus(Duration.ofHours(hoursLater));
        DemoItems demo = DemoItems.parse(DemoData.batches(now, DemoItems.SEED));
        DemoDefinitions.Experiment tone = DemoDefinitions.experiments(now).getFirst();
        ExperimentResult result = ExperimentAnalysis.analyse(plan(tone, tone.concludeAt(), ExperimentUnitKind.USER_ID,
                ExperimentMetric.HANDOFF_RATE), outcomes(demo, tone.id(), "user_id"), new ExperimentOutcomeTotals(0, 0, 0, 0));
        assertThat(result.verdict().kind()).as(result.verdict().recommendation()).isEqualTo(ExperimentVerdict.Kind.WINNER);
        assertThat(result.verdict().winner()).isEqualTo(DemoCalendar.TONE_TREATMENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 38, 95})
    void theContextTestIsAFairSplitAndHasNoWinnerYet(int hoursLater) {
        Instant now = DemoItems.NOW.plus(Duration.ofHours(hoursLater));
        DemoItems demo = DemoItems.parse(DemoData.batches(now, DemoItems.SEED));
        DemoDefinitions.Experiment context = DemoDefinitions.experiments(now).get(1);
        ExperimentResult result = ExperimentAnalysis.analyse(plan(context, now, ExperimentUnitKind.SESSION_ID,
                ExperimentMetric.SUCCESS_RATE), outcomes(demo, context.id(), "session_id"), new ExperimentOutcomeTotals(0, 0, 0, 0));
        assertThat(result.sampleRatio().mismatch()).isFalse();
        assertThat(result.verdict().kind()).as(result.verdict().recommendation()).isEqualTo(ExperimentVerdict.Kind.KEEP_RUNNING);
        assertThat(result.variants()).allSatisfy(v -> assertThat(v.units()).isGreaterThan(30));
    }

    private static ExperimentPlan plan(DemoDefinitions.Experiment e, Instant at, ExperimentUnitKind unit,
            ExperimentMetric primary) {
        ExperimentSpec s = e.spec();
        List<ExperimentMetric> guardrails = s.guardrails().stream()
                .map(n -> ExperimentMetric.fromWire(n).orElseThrow()).toList();
        return new ExperimentPlan(e.id(), unit,
                s.variants().stream().map(v -> new Allocation(v.id(), v.allocation())).toList(), s.control().id(),
                List.of(primary), guardrails,
                s.alpha(), ExperimentCorrection.HOLM, s.minimumSampleSize(), s.minimumDetectableEffect() / s.baseline(),
                e.started(), s.endsAt(), at);
    }

    private static List<ExperimentUnitOutcome> outcomes(DemoItems demo, String experimentId, String unitField) {
        Map<String, List<Item>> ratings = demo.ofType("score").filter(s -> s.text("name").equals("user_rating"))
                .collect(Collectors.groupingBy(s -> s.text("trace_id")));
        Map<String, List<Item>> byUnit = demo.ofType("trace")
                .filter(t -> experimentId.equals(t.text("experiment_id")))
                .collect(Collectors.groupingBy(t -> t.text("variant_id") + "|" + t.text(unitField)));
        List<ExperimentUnitOutcome> rows = new ArrayList<>();
        byUnit.forEach((key, traces) -> {
            long errors = traces.stream().filter(t -> t.text("status").equals("error")).count();
            long handoffs = traces.stream().filter(t -> t.body().path("handoff").path("triggered").asBoolean(false)).count();
            long millis = traces.stream().mapToLong(t -> Duration.between(t.time("started_at"), t.time("ended_at")).toMillis()).sum();
            List<Double> rated = traces.stream().flatMap(t -> ratings.getOrDefault(t.id(), List.of()).stream())
                    .map(s -> s.body().get("value").asDouble()).toList();
            Instant first = traces.stream().map(t -> t.time("started_at")).min(Instant::compareTo).orElseThrow();
            rows.add(new ExperimentUnitOutcome(key.substring(0, key.indexOf('|')), key.substring(key.indexOf('|') + 1),
                    first, traces.size(), traces.size() - errors, errors, handoffs, millis, traces.size(), BigDecimal.ZERO,
                    rated.stream().mapToDouble(Double::doubleValue).sum(), rated.size(),
                    new ExperimentUnitOutcome.Pre(0, 0, 0, 0, BigDecimal.ZERO, 0, 0)));
        });
        return rows;
    }
}
