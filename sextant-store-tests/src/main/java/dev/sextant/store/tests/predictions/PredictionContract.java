package dev.sextant.store.tests.predictions;

import static dev.sextant.store.tests.Fixtures.llm;
import static dev.sextant.store.tests.Fixtures.span;
import static dev.sextant.store.tests.Fixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.Handoff;
import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.WorkspaceBatch;
import dev.sextant.store.predictions.PredictionModel;
import dev.sextant.store.predictions.PredictionTarget;
import dev.sextant.store.predictions.TrainingRow;
import dev.sextant.store.tests.StoreContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Training rows per target (features known before the call, the outcome, newest rows up to the
 * limit, oldest first) and model versions, each within its workspace.
 */
public abstract class PredictionContract extends StoreContract {
    private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

    /** Trace i: "ok" or "error", a handoff on odd i, an LLM span, a failing tool span on even i, a code generation. */
    private static WorkspaceBatch traces(WorkspaceId ws, String prefix, int count) {
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + i;
            Instant at = AT.plusSeconds(60L * i);
            Trace t = trace(id, at);
            traces.add(new Trace(id, "agent-" + (i % 2), t.sessionId(), t.conversationId(), t.userId(), t.name(),
                    "x".repeat(10 + i), t.output(), i % 3 == 0 ? Status.ERROR : Status.OK, null, at,
                    at.plusMillis(1000L * (i + 1)), t.messageType(), t.intents(), t.confidence(),
                    new Handoff(i % 2 == 1, null, null), t.contextSize(), "v" + i, null, null, null, null));
            spans.add(llm(id + "-llm", id, at, "gpt-4o", Usage.of(10, 5), null));
            Span tool = span(id + "-tool", id, SpanKind.TOOL, at);
            spans.add(new Span(tool.id(), id, null, SpanKind.TOOL, "lookup", i % 2 == 0 ? Status.ERROR : Status.OK, null,
                    at, at.plusMillis(5), null, null, null, null, null, "orders_api", null, null, null, null, null,
                    null));
            Span gen = span(id + "-gen", id, SpanKind.CODE_GENERATION, at);
            spans.add(new Span(gen.id(), id, null, SpanKind.CODE_GENERATION, "write", Status.OK, null, at, at.plusMillis(5),
                    "coder-1", null, null, null, null, null, null, null, null, null, null, null));
            // the trace's verdict says rejected, the span's own says accepted on even i: the span's own wins
            scores.add(new Score(id + "-acc-trace", id, null, "accepted", 0.0, null, null, "user", "u", at));
            if (i % 2 == 0) {
                scores.add(new Score(id + "-acc-span", id, gen.id(), "accepted", 1.0, null, null, "user", "u", at));
            }
            scores.add(new Score(id + "-r1", id, null, "user_rating", 1.0, null, null, "user", "u", at));
            scores.add(new Score(id + "-r2", id, null, "user_rating", 5.0 - i % 2, null, null, "user", "u",
                    at.plusSeconds(1)));
        }
        return new WorkspaceBatch(ws, traces, spans, scores, List.of());
    }

    @Test
    public void everyTargetHasItsOutcomeAndTheFeaturesKnownBefore() {
        WorkspaceId ws = newWorkspace();
        write(traces(ws, "p", 4));

        List<TrainingRow> success = store().predictions().trainingRows(ws, PredictionTarget.INTERACTION_SUCCESS, 100);
        assertThat(success).extracting(TrainingRow::id).containsExactly("p0", "p1", "p2", "p3");
        assertThat(success).extracting(TrainingRow::label).containsExactly(0.0, 1.0, 1.0, 0.0);
        TrainingRow first = success.get(0);
        assertThat(first.at()).isEqualTo(AT);
        assertThat(first.categories()).isEqualTo(Map.of("agent_id", "agent-0", "trace_name", "answer",
                "message_type", "text", "intent", "order_status", "config_version", "v0", "model", "gpt-4o"));
        assertThat(first.numbers()).isEqualTo(Map.of("input_length", 10.0));

        assertThat(store().predictions().trainingRows(ws, PredictionTarget.HANDOFF, 100))
                .extracting(TrainingRow::label).containsExactly(0.0, 1.0, 0.0, 1.0);
        assertThat(store().predictions().trainingRows(ws, PredictionTarget.TASK_DURATION, 100))
                .extracting(TrainingRow::label).containsExactly(1000.0, 2000.0, 3000.0, 4000.0);
        assertThat(store().predictions().trainingRows(ws, PredictionTarget.RATING, 100))
                .extracting(TrainingRow::label).containsExactly(5.0, 4.0, 5.0, 4.0);

        List<TrainingRow> tools = store().predictions().trainingRows(ws, PredictionTarget.TOOL_FAILURE, 100);
        assertThat(tools).extracting(TrainingRow::id).containsExactly("p0-tool", "p1-tool", "p2-tool", "p3-tool");
        assertThat(tools).extracting(TrainingRow::label).containsExactly(1.0, 0.0, 1.0, 0.0);
        assertThat(tools.get(0).categories()).containsEntry("tool_name", "orders_api").doesNotContainKey("model");

        List<TrainingRow> code = store().predictions().trainingRows(ws, PredictionTarget.CODE_ACCEPTED, 100);
        assertThat(code).extracting(TrainingRow::id).containsExactly("p0-gen", "p1-gen", "p2-gen", "p3-gen");
        assertThat(code).extracting(TrainingRow::label).containsExactly(1.0, 0.0, 1.0, 0.0);
        assertThat(code.get(0).categories()).containsEntry("model", "coder-1");
    }

    @Test
    public void theNewestRowsUpToTheLimitComeOldestFirst() {
        WorkspaceId ws = newWorkspace();
        write(traces(ws, "n", 6));

        assertThat(store().predictions().trainingRows(ws, PredictionTarget.INTERACTION_SUCCESS, 3))
                .extracting(TrainingRow::id).containsExactly("n3", "n4", "n5");
        assertThatThrownBy(() -> store().predictions().trainingRows(ws, PredictionTarget.HANDOFF, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be between 1 and 200000, was 0");
    }

    @Test
    public void anotherWorkspacesRowsAndModelsAreNeverSeen() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        write(traces(other, "o", 3));
        store().predictions().save(other, model(PredictionTarget.HANDOFF, "offered", new byte[] {1}));

        for (PredictionTarget target : PredictionTarget.values()) {
            assertThat(store().predictions().trainingRows(ws, target, 100)).isEmpty();
            assertThat(store().predictions().latest(ws, target)).isEmpty();
        }
        assertThat(store().predictions().latest(ws)).isEmpty();
        assertThat(store().predictions().trainingRows(other, PredictionTarget.HANDOFF, 100)).hasSize(3);
    }

    @Test
    public void modelsAreVersionedPerTargetAndKeptWithTheirBytes() {
        WorkspaceId ws = newWorkspace();
        PredictionModel one = store().predictions().save(ws, model(PredictionTarget.RATING, "not_offered", new byte[] {1, 2}));
        PredictionModel two = store().predictions().save(ws, model(PredictionTarget.RATING, "offered", new byte[] {3, 4, 5}));
        PredictionModel none = store().predictions().save(ws, model(PredictionTarget.HANDOFF, "insufficient_data", null));

        assertThat(one.version()).isEqualTo(1);
        assertThat(two.version()).isEqualTo(2);
        assertThat(none.version()).isEqualTo(1);
        PredictionModel latest = store().predictions().latest(ws, PredictionTarget.RATING).orElseThrow();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.offered()).isTrue();
        assertThat(latest.model()).containsExactly(3, 4, 5);
        assertThat(latest.qualityJson()).isEqualTo("{\"train_n\":300}");
        assertThat(latest.trainedAt()).isEqualTo(AT);
        assertThat(store().predictions().latest(ws)).extracting(PredictionModel::target, PredictionModel::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PredictionTarget.HANDOFF, 1),
                        org.assertj.core.groups.Tuple.tuple(PredictionTarget.RATING, 2));
        assertThat(store().predictions().latest(ws, PredictionTarget.HANDOFF).orElseThrow().model()).isNull();
    }

    @Test
    public void theSummaryIsTheNewestVersionWithoutItsBytesInItsOwnWorkspaceOnly() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        store().predictions().save(ws, model(PredictionTarget.RATING, "not_offered", new byte[] {1, 2}));
        store().predictions().save(ws, model(PredictionTarget.RATING, "offered", new byte[] {3, 4, 5}));
        store().predictions().save(other, model(PredictionTarget.RATING, "offered", new byte[] {6}));
        store().predictions().save(other, model(PredictionTarget.RATING, "offered", new byte[] {7}));
        store().predictions().save(other, model(PredictionTarget.HANDOFF, "offered", new byte[] {8}));

        PredictionModel summary = store().predictions().latestSummary(ws, PredictionTarget.RATING).orElseThrow();
        assertThat(summary.version()).isEqualTo(2);
        assertThat(summary.offered()).isTrue();
        assertThat(summary.model()).isNull();
        assertThat(summary.qualityJson()).isEqualTo("{\"train_n\":300}");
        assertThat(summary.trainedAt()).isEqualTo(AT);
        assertThat(store().predictions().latestSummary(ws, PredictionTarget.HANDOFF)).isEmpty();
        assertThat(store().predictions().latestSummary(other, PredictionTarget.RATING).orElseThrow().version()).isEqualTo(2);
    }

    private static PredictionModel model(PredictionTarget target, String status, byte[] bytes) {
        return new PredictionModel(target, 0, AT, status, "because", "{\"train_n\":300}", bytes);
    }
}
