package dev.sextant.server.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.analytics.experiments.Assignment.Allocation;
import dev.sextant.analytics.experiments.ExperimentMetric;
import dev.sextant.analytics.experiments.ExperimentPlan;
import dev.sextant.model.Score;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ExperimentCorrection;
import dev.sextant.store.ExperimentUnitKind;
import dev.sextant.store.SextantStore;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The results glue over a real (embedded) store: traces of two workspaces stamped with the same
 * experiment id, read through the store role and analysed; and the JSON the endpoint will answer.
 */
class ExperimentResultsTest {
    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    private static final WorkspaceId OURS = WorkspaceId.of("exp-results-ours");
    private static final WorkspaceId THEIRS = WorkspaceId.of("exp-results-theirs");

    @TempDir
    static Path dir;

    private static SextantStore store;

    @BeforeAll
    static void data() {
        store = JdbcStores.duckdb(dir.resolve("experiments.duckdb"));
        store.migrate();
        store.tracking().write(List.of(batch(OURS, 0.5, 0.8, 120), batch(THEIRS, 0.5, 0.5, 10)));
    }

    /** Units u0..u(n-1) per variant over three days; every unit also has a pre-period trace and a rating. */
    private static WorkspaceBatch batch(WorkspaceId ws, double rateA, double rateB, int n) {
        List<Trace> traces = new ArrayList<>();
        List<Score> scores = new ArrayList<>();
        for (String v : List.of("A", "B")) {
            double rate = v.equals("A") ? rateA : rateB;
            for (int i = 0; i < n; i++) {
                String user = v + "-u" + i;
                Instant at = START.plus(Duration.ofHours(i % 72));
                boolean ok = i % 10 < rate * 10;
                traces.add(new Trace(v + "-t" + i, "bot", null, null, user, "turn", null, null,
                        ok ? Status.OK : Status.ERROR, null, at, at.plusMillis(800 + i), null, null, null, null, null,
                        null, "exp-1", v, null, null));
                traces.add(new Trace(v + "-p" + i, "bot", null, null, user, "turn", null, null,
                        i % 4 == 0 ? Status.ERROR : Status.OK, null,
                        at.minus(Duration.ofDays(5)), at.minus(Duration.ofDays(5)).plusMillis(700 + i), null, null, null,
                        null, null, null, null, null, null, null));
                scores.add(new Score(v + "-r" + i, v + "-t" + i, null, "user_rating", 3.0 + i % 3, null, null, "user",
                        user, at.plusSeconds(5)));
            }
        }
        traces.add(new Trace("nobody", "bot", null, null, null, "turn", null, null, Status.OK, null, START, null, null,
                null, null, null, null, null, "exp-1", "A", null, null));
        return new WorkspaceBatch(ws, traces, List.of(), scores, List.of());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static ExperimentPlan plan() {
        return new ExperimentPlan("exp-1", ExperimentUnitKind.USER_ID, List.of(new Allocation("A", 50),
                new Allocation("B", 50)), "A", List.of(ExperimentMetric.SUCCESS_RATE, ExperimentMetric.SATISFACTION),
                List.of(ExperimentMetric.RESPONSE_TIME), 0.05, ExperimentCorrection.HOLM, 100, 0.1, START,
                START.plus(Duration.ofDays(14)), START);
    }

    @Test
    void resultsReadOnlyThisWorkspacesUnits() {
        ExperimentResultsView view = new ExperimentResults(store).results(OURS, plan(), START.plus(Duration.ofDays(3)));
        assertThat(view.variants()).extracting(VariantView::units).containsExactly(120L, 120L);
        assertThat(view.variants()).extracting(VariantView::successRate).containsExactly(0.5, 0.8);
        assertThat(view.unitsWithoutId()).isEqualTo(1);
        assertThat(view.days()).isEqualTo(3);
        ComparisonView primary = view.comparisons().get(0);
        assertThat(primary.metric()).isEqualTo("success_rate");
        assertThat(primary.cuped().applied()).isTrue(); // every unit has its pre-period trace
        assertThat(primary.sequential().looks()).isEqualTo(3);
        assertThat(view.verdict().kind()).isEqualTo("winner");
        assertThat(view.verdict().winner()).isEqualTo("B");
        ExperimentResultsView theirs = new ExperimentResults(store).results(THEIRS, plan(), START.plus(Duration.ofDays(3)));
        assertThat(theirs.variants()).extracting(VariantView::units).containsExactly(10L, 10L);
        assertThat(theirs.verdict().kind()).isEqualTo("keep_running");
    }

    @Test
    void beforeTheStartThereIsNothingToReadAndTheExperimentKeepsRunning() {
        ExperimentResultsView view = new ExperimentResults(store).results(OURS, plan(), START.minusSeconds(1));
        assertThat(view.variants()).extracting(VariantView::units).containsExactly(0L, 0L);
        assertThat(view.verdict().kind()).isEqualTo("keep_running");
    }

    @Test
    void theJsonIsSnakeCaseWithTheDocumentedShape() {
        ExperimentResultsView view = new ExperimentResults(store).results(OURS, plan(), START.plus(Duration.ofDays(3)));
        JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        JsonNode json = mapper.valueToTree(view);
        assertThat(json.propertyNames()).containsExactly("experiment_id", "unit", "start", "until", "days",
                "control_id", "alpha", "correction", "minimum_sample_per_variant", "minimum_detectable_effect",
                "variants", "comparisons", "sample_ratio", "units_without_id", "traces_without_variant",
                "units_in_unknown_variants", "units_in_several_variants", "verdict");
        assertThat(json.get("variants").get(0).propertyNames()).containsExactly("variant_id", "allocation_percent",
                "units", "traces", "success_rate", "satisfaction", "response_time_ms", "error_rate", "handoff_rate",
                "cost_per_unit");
        JsonNode c = json.get("comparisons").get(0);
        assertThat(c.propertyNames()).containsExactly("treatment_id", "control_id", "metric", "role",
                "higher_is_better", "control_units", "treatment_units", "control", "treatment", "difference",
                "relative_difference", "fixed_horizon", "effect_size", "achieved_power", "sequential",
                "p_value_corrected", "correction", "significant", "guardrail_violated", "cuped");
        assertThat(c.get("sequential").propertyNames()).containsExactly("looks", "p_value", "lower", "upper", "tau",
                "reason");
        assertThat(json.get("comparisons").get(2).get("role").asString()).isEqualTo("guardrail");
        assertThat(json.get("verdict").propertyNames()).containsExactly("kind", "winner", "missing", "recommendation");
    }
}
