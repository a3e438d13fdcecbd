package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.at;
import static dev.sextant.store.tests.Fixtures.llm;
import static dev.sextant.store.tests.Fixtures.score;
import static dev.sextant.store.tests.Fixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.ExportColumn;
import dev.sextant.store.ExportEntity;
import dev.sextant.store.ExportSink;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.WorkspaceBatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Exports: every row once, the filters, tenant isolation, and values as they were written. */
public abstract class ExportContract extends StoreContract {
    /** More traces than one fetch (1000 rows), so that the stream crosses fetch boundaries. */
    private static final int MANY = 1500;

    /** Collects an export in memory (the test's data is small). */
    static final class Collected implements ExportSink {
        List<ExportColumn> columns;
        final List<Map<String, Object>> rows = new ArrayList<>();

        @Override
        public void columns(List<ExportColumn> columns) {
            assertThat(this.columns).as("columns are announced once").isNull();
            this.columns = columns;
        }

        @Override
        public void row(Object[] values) {
            assertThat(columns).as("columns come before rows").isNotNull();
            assertThat(values).hasSameSizeAs(columns);
            Map<String, Object> row = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(columns.get(i).name(), values[i]);
            }
            rows.add(row);
        }

        List<Object> column(String name) {
            return rows.stream().map(r -> r.get(name)).toList();
        }
    }

    private Collected export(WorkspaceId ws, ExportEntity entity, InteractionQuery query) {
        Collected c = new Collected();
        long n = store().exports().export(ws, entity, query, c);
        assertThat(n).isEqualTo(c.rows.size());
        return c;
    }

    /** MANY traces tN (agent "even"/"odd" by N), each with two spans and one score. */
    private WorkspaceId manyTraces() {
        WorkspaceId ws = newWorkspace();
        List<Trace> traces = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            String id = "t" + i;
            traces.add(Fixtures.withAgent(trace(id, at(i * 10L)), i % 2 == 0 ? "even" : "odd"));
            spans.add(llm(id + "-a", id, at(i * 10L + 1), "gpt-a", Usage.of(i, 1), "0.5"));
            spans.add(llm(id + "-b", id, at(i * 10L + 2), "gpt-b", Usage.of(1, i), "0.25"));
            scores.add(score(id + "-s", id, i % 5));
        }
        write(new WorkspaceBatch(ws, traces, spans, scores, List.of()));
        return ws;
    }

    @Test
    public void everyRowIsExportedOnceInStartOrder() {
        WorkspaceId ws = manyTraces();

        Collected traces = export(ws, ExportEntity.TRACES, InteractionQuery.ALL);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            expected.add("t" + i);
        }
        assertThat(traces.column("id")).containsExactlyElementsOf(expected);
        assertThat(traces.columns.getFirst().name()).isEqualTo("id");

        Collected spans = export(ws, ExportEntity.SPANS, InteractionQuery.ALL);
        assertThat(spans.rows).hasSize(2 * MANY);
        assertThat(new HashSet<>(spans.column("id"))).hasSize(2 * MANY);
        long inputTokens = spans.column("input_tokens").stream().mapToLong(v -> (Long) v).sum();
        // sum over i of (i + 1), computed here from how the data was made
        assertThat(inputTokens).isEqualTo((long) MANY * (MANY - 1) / 2 + MANY);
        BigDecimal cost = spans.column("cost_usd").stream().map(v -> (BigDecimal) v)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(cost).isEqualByComparingTo(new BigDecimal("0.75").multiply(BigDecimal.valueOf(MANY)));

        Collected scores = export(ws, ExportEntity.SCORES, InteractionQuery.ALL);
        assertThat(scores.column("id")).hasSize(MANY).doesNotHaveDuplicates();
        double sum = scores.column("value").stream().mapToDouble(v -> (Double) v).sum();
        double expectedSum = 0;
        for (int i = 0; i < MANY; i++) {
            expectedSum += i % 5;
        }
        assertThat(sum).isEqualTo(expectedSum);
    }

    @Test
    public void filtersSelectTracesAndTheirSpansAndScores() {
        WorkspaceId ws = manyTraces();
        InteractionQuery odd = InteractionQuery.builder().agentId("odd").build();

        Collected traces = export(ws, ExportEntity.TRACES, odd);
        assertThat(traces.rows).hasSize(MANY / 2);
        assertThat(traces.column("agent_id")).containsOnly("odd");

        Set<Object> oddIds = new HashSet<>(traces.column("id"));
        Collected spans = export(ws, ExportEntity.SPANS, odd);
        assertThat(spans.rows).hasSize(MANY);
        assertThat(spans.column("trace_id")).allMatch(oddIds::contains);
        Collected scores = export(ws, ExportEntity.SCORES, odd);
        assertThat(scores.column("trace_id")).hasSize(MANY / 2).allMatch(oddIds::contains);

        // from inclusive, to exclusive, on the trace start: traces 100..199
        InteractionQuery window = InteractionQuery.builder().from(at(1000)).to(at(2000)).build();
        assertThat(export(ws, ExportEntity.TRACES, window).column("id")).hasSize(100).first().isEqualTo("t100");
        assertThat(export(ws, ExportEntity.SPANS, InteractionQuery.builder().model("nope").build()).rows).isEmpty();
    }

    @Test
    public void anotherWorkspaceWithTheSameIdsIsNeverExported() {
        WorkspaceId mine = newWorkspace();
        WorkspaceId theirs = newWorkspace();
        write(new WorkspaceBatch(mine, List.of(Fixtures.withAgent(trace("t-1", at(0)), "mine")),
                List.of(llm("s-1", "t-1", at(1), "gpt-mine", Usage.of(1, 1), "1")),
                List.of(score("c-1", "t-1", 1)), List.of()));
        write(new WorkspaceBatch(theirs, List.of(Fixtures.withAgent(trace("t-1", at(0)), "theirs"),
                trace("t-2", at(5))), List.of(llm("s-1", "t-1", at(1), "gpt-theirs", Usage.of(9, 9), "9"),
                llm("s-2", "t-2", at(6), "gpt-theirs", Usage.of(9, 9), "9")),
                List.of(score("c-1", "t-1", 0), score("c-2", "t-2", 0)), List.of()));

        assertThat(export(mine, ExportEntity.TRACES, InteractionQuery.ALL).column("agent_id")).containsExactly("mine");
        assertThat(export(mine, ExportEntity.SPANS, InteractionQuery.ALL).column("model")).containsExactly("gpt-mine");
        assertThat(export(mine, ExportEntity.SCORES, InteractionQuery.ALL).column("value")).containsExactly(1.0);
        assertThat(export(newWorkspace(), ExportEntity.TRACES, InteractionQuery.ALL).rows).isEmpty();
    }

    @Test
    public void valuesComeOutAsWritten() {
        WorkspaceId ws = newWorkspace();
        String awkward = "a, \"quoted\" value\nsecond line\r\nthird; tab\t snowman ☃ 漢字 🎉";
        Trace base = trace("t-awkward", at(0));
        Trace t = new Trace(base.id(), base.agentId(), base.sessionId(), base.conversationId(), base.userId(),
                base.name(), awkward, base.output(), base.status(), null, base.startedAt(), base.endedAt(),
                base.messageType(), base.intents(), base.confidence(), base.handoff(), base.contextSize(),
                base.configVersion(), base.experimentId(), base.variantId(), base.tags(), base.metadata());
        write(new WorkspaceBatch(ws, List.of(t), List.of(llm("s-1", "t-awkward", at(1), "gpt-a",
                Usage.of(100, 50), "0.123456789")), List.of(), List.of()));

        Map<String, Object> row = export(ws, ExportEntity.TRACES, InteractionQuery.ALL).rows.getFirst();
        assertThat(row.get("input")).isEqualTo(awkward);
        assertThat(row.get("started_at")).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(row.get("duration_ms")).isEqualTo(1200L);
        assertThat(row.get("confidence")).isEqualTo(0.92);
        assertThat(row.get("handoff_triggered")).isEqualTo(false);
        assertThat(row.get("error")).isNull();
        assertThat(row.get("span_count")).isEqualTo(1L);
        assertThat(row.get("input_tokens")).isEqualTo(100L);
        assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0.123456789");
        JsonAssert.assertSameJson((String) row.get("tags"), "[\"vip\", \"eu\"]");
        JsonAssert.assertSameJson((String) row.get("metadata"), "{\"campaign\": \"spring\"}");

        Map<String, Object> span = export(ws, ExportEntity.SPANS, InteractionQuery.ALL).rows.getFirst();
        assertThat(span.get("kind")).isEqualTo("llm");
        assertThat(span.get("output_tokens")).isEqualTo(50L);
        JsonAssert.assertSameJson((String) span.get("attributes"), "{\"temperature\": 0.2}");
    }
}
