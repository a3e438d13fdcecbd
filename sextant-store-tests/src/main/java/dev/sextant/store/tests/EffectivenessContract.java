package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.at;
import static dev.sextant.store.tests.Fixtures.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.CostSource;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.AgentEffectiveness;
import dev.sextant.store.ErrorPatterns;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.ToolEffectiveness;
import dev.sextant.store.ToolEffectiveness.Sort;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tool ranking, agent effectiveness and error patterns against figures this test computes
 * itself, in Java, from the traces and spans it generated.
 */
public abstract class EffectivenessContract extends StoreContract {
    private static final String[] AGENTS = {"alpha", "beta", null};
    private static final String[] TOOLS = {"search", "fetch", "charge"};
    private static final int TRACES = 40;

    private final List<Trace> traces = new ArrayList<>();
    private final List<Span> spans = new ArrayList<>();

    /** Forty traces over three agents; one or two tool spans each, some failing with varying ids. */
    private WorkspaceId generated() {
        WorkspaceId ws = newWorkspace();
        traces.clear();
        spans.clear();
        for (int i = 0; i < TRACES; i++) {
            String id = "t" + i;
            Instant start = at(i * 60_000L);
            boolean failed = i % 4 == 0;
            traces.add(new Trace(id, AGENTS[i % 3], null, null, null, "run", null, null,
                    failed ? Status.ERROR : Status.OK, failed ? "run " + i + " failed for user u" + (i * 7) : null,
                    start, start.plusMillis(100L * (i + 1) + (i % 5) * 37L), null, null, null, null, null, null,
                    null, null, null, null));
            spans.add(new Span(id + "-llm", id, null, SpanKind.LLM, "generate", Status.OK, null, start,
                    start.plusMillis(50), "gpt-a", "openai", Usage.of(10, 5),
                    new BigDecimal("0.00" + (i % 10) + "5"), CostSource.REPORTED, null, null, null, null, null, null,
                    null));
            spans.add(tool(id + "-a", id, TOOLS[i % 3], start.plusMillis(1), 10L * (i % 9 + 1), i));
            if (i % 2 == 0) {
                spans.add(tool(id + "-b", id, "search", start.plusMillis(2), 13L * (i % 6 + 2), i + 1));
            }
        }
        write(batch(ws, traces, spans));
        return ws;
    }

    private static Span tool(String id, String traceId, String tool, Instant start, long ms, int n) {
        String error = n % 5 == 0 ? "HTTP 503 for order A" + (100 + n)
                : n % 7 == 0 ? "timeout after " + (n * 3) + "ms"
                : n % 11 == 0 ? "bad id 123e4567-e89b-12d3-a456-4266141740" + (10 + n) : null;
        return new Span(id, traceId, null, SpanKind.TOOL, tool, error == null ? Status.OK : Status.ERROR, error,
                start, start.plusMillis(ms), null, null, null, null, null, tool, null, null, null, null, null, null);
    }

    /** percentile_cont: linear interpolation at position p * (n - 1) of the sorted values. */
    private static Double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        double pos = p * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (pos - lo) * (sorted.get(hi) - sorted.get(lo));
    }

    private static String normalised(String message) {
        String m = message == null ? "(no message)" : message;
        return m.replaceAll("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("[0-9]+", "#");
    }

    private static double avg(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElseThrow();
    }

    @Test
    public void toolFiguresMatchTheGeneratedData() {
        WorkspaceId ws = generated();
        ToolEffectiveness result = store().effectiveness().tools(ws, InteractionQuery.ALL, Sort.USAGE, 100);

        Map<String, List<Span>> byTool = spans.stream().filter(s -> s.toolName() != null)
                .collect(Collectors.groupingBy(Span::toolName, TreeMap::new, Collectors.toList()));
        assertThat(result.tools()).extracting(ToolEffectiveness.Tool::toolName)
                .containsExactlyElementsOf(byTool.entrySet().stream()
                        .sorted(Comparator.comparing((Map.Entry<String, List<Span>> e) -> -e.getValue().size())
                                .thenComparing(Map.Entry::getKey))
                        .map(Map.Entry::getKey).toList());
        for (ToolEffectiveness.Tool tool : result.tools()) {
            List<Span> calls = byTool.get(tool.toolName());
            List<Span> failed = calls.stream().filter(s -> s.status() == Status.ERROR).toList();
            List<Long> ms = calls.stream().map(Span::durationMs).toList();
            assertThat(tool.calls()).as(tool.toolName()).isEqualTo(calls.size());
            assertThat(tool.failures()).as(tool.toolName()).isEqualTo(failed.size());
            assertThat(tool.successRate()).isCloseTo(1 - failed.size() / (double) calls.size(), within(1e-12));
            assertThat(tool.avgLatencyMs()).isCloseTo(avg(ms), within(1e-9));
            assertThat(tool.p50LatencyMs()).isCloseTo(percentile(ms, 0.5), within(1e-9));
            assertThat(tool.p95LatencyMs()).isCloseTo(percentile(ms, 0.95), within(1e-9));

            Map<String, Long> reasons = failed.stream()
                    .collect(Collectors.groupingBy(s -> normalised(s.error()), Collectors.counting()));
            List<String> expectedTop = reasons.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                            .thenComparing(Map.Entry::getKey))
                    .limit(3).map(e -> e.getKey() + "=" + e.getValue()).toList();
            assertThat(tool.topFailureReasons()).extracting(r -> r.pattern() + "=" + r.count())
                    .as(tool.toolName()).containsExactlyElementsOf(expectedTop);
            for (ToolEffectiveness.FailureReason r : tool.topFailureReasons()) {
                assertThat(normalised(r.example())).isEqualTo(r.pattern());
            }
        }
        assertThat(result.tools().getFirst().topFailureReasons()).extracting(ToolEffectiveness.FailureReason::pattern)
                .contains("HTTP # for order A#", "bad id <id>");
        assertThat(result.dataAsOf()).isEqualTo(spans.stream().filter(s -> s.toolName() != null)
                .map(Span::startedAt).max(Comparator.naturalOrder()).orElseThrow());
    }

    @Test
    public void toolsSortByFailuresRateAndLatency() {
        WorkspaceId ws = generated();
        List<ToolEffectiveness.Tool> all = store().effectiveness().tools(ws, InteractionQuery.ALL, Sort.USAGE, 100)
                .tools();
        assertThat(store().effectiveness().tools(ws, InteractionQuery.ALL, Sort.FAILURES, 100).tools())
                .isSortedAccordingTo(Comparator.comparingLong(ToolEffectiveness.Tool::failures).reversed());
        assertThat(store().effectiveness().tools(ws, InteractionQuery.ALL, Sort.FAILURE_RATE, 100).tools())
                .isSortedAccordingTo(Comparator.comparingDouble(ToolEffectiveness.Tool::failureRate).reversed());
        assertThat(store().effectiveness().tools(ws, InteractionQuery.ALL, Sort.LATENCY, 100).tools())
                .isSortedAccordingTo(Comparator.comparingDouble(ToolEffectiveness.Tool::p95LatencyMs).reversed())
                .hasSameSizeAs(all);
        ToolEffectiveness first = store().effectiveness().tools(ws, InteractionQuery.ALL, Sort.USAGE, 1);
        assertThat(first.tools()).containsExactly(all.getFirst());
        // the newest call of any tool, not only of the one listed
        assertThat(first.dataAsOf()).isEqualTo(spans.stream().filter(s -> s.toolName() != null)
                .map(Span::startedAt).max(Comparator.naturalOrder()).orElseThrow());
        assertThat(store().effectiveness().agents(ws, InteractionQuery.ALL, 1).dataAsOf())
                .isEqualTo(traces.getLast().startedAt());
        assertThatThrownBy(() -> store().effectiveness().tools(ws, InteractionQuery.ALL, Sort.USAGE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    @Test
    public void filtersSelectTheTracesWhoseToolsCount() {
        WorkspaceId ws = generated();
        InteractionQuery beta = InteractionQuery.builder().agentId("beta").build();
        Map<String, Long> expected = spans.stream().filter(s -> s.toolName() != null)
                .filter(s -> "beta".equals(agentOf(s.traceId())))
                .collect(Collectors.groupingBy(Span::toolName, Collectors.counting()));
        assertThat(store().effectiveness().tools(ws, beta, Sort.USAGE, 100).tools().stream()
                .collect(Collectors.toMap(ToolEffectiveness.Tool::toolName, ToolEffectiveness.Tool::calls)))
                .isEqualTo(expected);
    }

    private String agentOf(String traceId) {
        return traces.stream().filter(t -> t.id().equals(traceId)).findFirst().orElseThrow().agentId();
    }

    @Test
    public void agentFiguresMatchTheGeneratedData() {
        WorkspaceId ws = generated();
        AgentEffectiveness result = store().effectiveness().agents(ws, InteractionQuery.ALL, 100);

        Map<String, BigDecimal> costByTrace = spans.stream().filter(s -> s.costUsd() != null)
                .collect(Collectors.toMap(Span::traceId, Span::costUsd, BigDecimal::add));
        assertThat(result.agents()).hasSize(3);
        for (AgentEffectiveness.Agent agent : result.agents()) {
            List<Trace> runs = traces.stream().filter(t -> Objects.equals(t.agentId(), agent.agentId())).toList();
            long ok = runs.stream().filter(t -> t.status() != Status.ERROR).count();
            List<Long> ms = runs.stream().map(t -> t.endedAt().toEpochMilli() - t.startedAt().toEpochMilli()).toList();
            BigDecimal cost = runs.stream().map(t -> costByTrace.getOrDefault(t.id(), BigDecimal.ZERO))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(agent.executions()).as(agent.agentId()).isEqualTo(runs.size());
            assertThat(agent.successes()).as(agent.agentId()).isEqualTo(ok);
            assertThat(agent.successRate()).isCloseTo(ok / (double) runs.size(), within(1e-12));
            assertThat(agent.avgLatencyMs()).isCloseTo(avg(ms), within(1e-9));
            assertThat(agent.p95LatencyMs()).isCloseTo(percentile(ms, 0.95), within(1e-9));
            assertThat(agent.totalCostUsd()).isEqualByComparingTo(cost);
            assertThat(agent.costPerExecution())
                    .isEqualByComparingTo(cost.divide(BigDecimal.valueOf(runs.size()), 9, RoundingMode.HALF_EVEN));
            assertThat(agent.costPerSuccess())
                    .isEqualByComparingTo(cost.divide(BigDecimal.valueOf(ok), 9, RoundingMode.HALF_EVEN));
        }
        // 40 traces over three agents: alpha and beta get 14 and 13, the agentless ones 13; ties by id, null last
        assertThat(result.agents()).extracting(AgentEffectiveness.Agent::agentId).containsExactly("alpha", "beta", null);
        assertThat(result.dataAsOf()).isEqualTo(traces.getLast().startedAt());
    }

    @Test
    public void anAgentWithoutSuccessHasNoCostPerSuccess() {
        WorkspaceId ws = newWorkspace();
        write(batch(ws, List.of(new Trace("x", "doomed", null, null, null, null, null, null, Status.ERROR, "no",
                at(0), at(10), null, null, null, null, null, null, null, null, null, null)), List.of()));
        AgentEffectiveness.Agent agent = store().effectiveness().agents(ws, InteractionQuery.ALL, 10).agents()
                .getFirst();
        assertThat(agent.successes()).isZero();
        assertThat(agent.costPerSuccess()).isNull();
        assertThat(agent.costPerExecution()).isEqualByComparingTo("0");
    }

    @Test
    public void errorPatternsGroupMessagesWithDigitsAndIdsNormalised() {
        WorkspaceId ws = generated();
        ErrorPatterns result = store().effectiveness().errors(ws, InteractionQuery.ALL, 100);

        record Occurrence(String key, String traceId, Instant at, String message) {}
        List<Occurrence> all = new ArrayList<>();
        spans.stream().filter(s -> s.status() == Status.ERROR).forEach(s -> all.add(new Occurrence(
                "span|" + s.kind().wire() + "|" + normalised(s.error()), s.traceId(), s.startedAt(), s.error())));
        traces.stream().filter(t -> t.status() == Status.ERROR).forEach(t -> all.add(new Occurrence(
                "trace|null|" + normalised(t.error()), t.id(), t.startedAt(), t.error())));
        Map<String, List<Occurrence>> groups = all.stream().collect(Collectors.groupingBy(Occurrence::key));

        assertThat(result.patterns()).hasSize(groups.size());
        assertThat(result.patterns()).isSortedAccordingTo(
                Comparator.comparingLong(ErrorPatterns.Pattern::count).reversed());
        for (ErrorPatterns.Pattern p : result.patterns()) {
            List<Occurrence> group = groups.get(p.source() + "|" + p.kind() + "|" + p.pattern());
            assertThat(group).as(p.pattern()).isNotNull();
            assertThat(p.count()).as(p.pattern()).isEqualTo(group.size());
            assertThat(p.firstSeen()).isEqualTo(group.stream().map(Occurrence::at).min(Comparator.naturalOrder())
                    .orElseThrow());
            assertThat(p.lastSeen()).isEqualTo(group.stream().map(Occurrence::at).max(Comparator.naturalOrder())
                    .orElseThrow());
            assertThat(group).extracting(Occurrence::traceId).contains(p.exampleTraceId());
            assertThat(group).extracting(Occurrence::message).contains(p.exampleMessage());
        }
        assertThat(store().effectiveness().errors(ws, InteractionQuery.ALL, 1).dataAsOf())
                .isEqualTo(all.stream().map(Occurrence::at).max(Comparator.naturalOrder()).orElseThrow());
        assertThat(result.patterns()).extracting(ErrorPatterns.Pattern::pattern)
                .contains("HTTP # for order A#", "run # failed for user u#", "timeout after #ms", "bad id <id>");
    }

    @Test
    public void anotherWorkspaceSeesNoneOfIt() {
        generated();
        WorkspaceId other = newWorkspace();
        write(batch(other, List.of(new Trace("t0", "alpha", null, null, null, null, null, null, Status.OK, null,
                at(0), at(5), null, null, null, null, null, null, null, null, null, null)), List.of(
                tool("t0-a", "t0", "search", at(1), 7, 1))));
        ToolEffectiveness tools = store().effectiveness().tools(other, InteractionQuery.ALL, Sort.USAGE, 100);
        assertThat(tools.tools()).singleElement().satisfies(t -> {
            assertThat(t.calls()).isEqualTo(1);
            assertThat(t.avgLatencyMs()).isEqualTo(7.0);
        });
        assertThat(store().effectiveness().agents(other, InteractionQuery.ALL, 100).agents()).singleElement()
                .satisfies(a -> assertThat(a.executions()).isEqualTo(1));
        assertThat(store().effectiveness().errors(other, InteractionQuery.ALL, 100).patterns()).isEmpty();
        assertThat(store().effectiveness().errors(newWorkspace(), InteractionQuery.ALL, 100).dataAsOf()).isNull();
    }

}
