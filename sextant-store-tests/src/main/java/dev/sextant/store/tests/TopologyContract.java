package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.at;
import static dev.sextant.store.tests.Fixtures.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.model.CostSource;
import dev.sextant.model.Handoff;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.AgentTopology;
import dev.sextant.store.AgentTopology.Edge;
import dev.sextant.store.AgentTopology.Kind;
import dev.sextant.store.AgentTopology.Node;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.TopologyQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The agent topology against figures this test computes itself, in Java, from the traces and
 * spans it generated: each span's enclosing agent found by walking up its parents (the store
 * walks down from the roots), cost attributed per invocation and summed over subtrees here.
 */
public abstract class TopologyContract extends StoreContract {
    private static final String ORCH = "orchestrator";
    private static final int RUNS = 30;

    private final List<Trace> traces = new ArrayList<>();
    private final List<Span> spans = new ArrayList<>();

    private static Span span(String id, String traceId, String parent, SpanKind kind, String name, Instant start,
            long ms, boolean failed, String cost, Handoff handoff) {
        return new Span(id, traceId, parent, kind, name, failed ? Status.ERROR : Status.OK,
                failed ? name + " failed" : null, start, start.plusMillis(ms), null, null, null,
                cost == null ? null : new BigDecimal(cost), cost == null ? null : CostSource.REPORTED, null, null,
                null, handoff, null, null, null);
    }

    private static Trace trace(String id, String agent, Instant start, long ms, boolean failed, Handoff handoff) {
        return new Trace(id, agent, null, null, null, "run", null, null, failed ? Status.ERROR : Status.OK, null,
                start, start.plusMillis(ms), null, null, null, handoff, null, null, null, null, null, null);
    }

    /**
     * Campaign-like runs: the orchestrator's root agent span calls seo, writer (which sometimes
     * calls a nested researcher, and hands off to the editor) and the editor; LLM spans with costs
     * at every level; some agents fail. Plus support-like traces without agent spans below the
     * root that hand off to a person at the trace level, some also on a span.
     */
    private WorkspaceId generated(long seed) {
        WorkspaceId ws = newWorkspace();
        traces.clear();
        spans.clear();
        Random random = new Random(seed);
        for (int i = 0; i < RUNS; i++) {
            String t = "c" + i;
            Instant start = at(i * 600_000L);
            traces.add(trace(t, ORCH, start, 60_000, false, null));
            spans.add(span(t + "-root", t, null, SpanKind.AGENT, ORCH, start, 60_000, i % 13 == 5, null, null));
            spans.add(span(t + "-plan", t, t + "-root", SpanKind.LLM, "plan", start.plusMillis(10), 100, false,
                    "0.00" + (1 + random.nextInt(9)), null));
            spans.add(span(t + "-seo", t, t + "-root", SpanKind.AGENT, "seo", start.plusMillis(200),
                    500 + random.nextInt(2000), random.nextInt(10) == 0, null, null));
            spans.add(span(t + "-seo-llm", t, t + "-seo", SpanKind.LLM, "kw", start.plusMillis(210), 300, false,
                    "0.0" + (10 + random.nextInt(80)), null));
            spans.add(span(t + "-seo-tool", t, t + "-seo", SpanKind.TOOL, "search", start.plusMillis(300), 50, false,
                    null, null));
            spans.add(span(t + "-wr", t, t + "-root", SpanKind.AGENT, "writer", start.plusMillis(3000),
                    5000 + random.nextInt(20_000), random.nextInt(8) == 0, null, null));
            spans.add(span(t + "-wr-llm", t, t + "-wr", SpanKind.LLM, "draft", start.plusMillis(3100), 4000, false,
                    "0." + (100 + random.nextInt(800)), null));
            if (i % 3 == 0) {
                spans.add(span(t + "-rs", t, t + "-wr", SpanKind.AGENT, "researcher", start.plusMillis(3200),
                        800 + random.nextInt(900), i % 9 == 0, "0.002", null));
                spans.add(span(t + "-rs-llm", t, t + "-rs", SpanKind.LLM, "read", start.plusMillis(3300), 400, false,
                        "0.0" + (10 + random.nextInt(80)), null));
            }
            boolean handsOff = i % 5 != 4;
            if (handsOff) {
                spans.add(span(t + "-ho", t, t + "-wr", SpanKind.HANDOFF, "to_editor", start.plusMillis(29_000), 20,
                        i % 17 == 3, null, new Handoff(true, "draft_ready", "editor")));
            }
            if (i % 7 != 6) {
                spans.add(span(t + "-ed", t, t + "-root", SpanKind.AGENT, "editor", start.plusMillis(30_000),
                        2000 + random.nextInt(9000), random.nextInt(6) == 0, null, null));
                spans.add(span(t + "-ed-llm", t, t + "-ed", SpanKind.LLM, "edit", start.plusMillis(30_100), 900, false,
                        "0.0" + (10 + random.nextInt(80)), null));
            }
        }
        for (int i = 0; i < 12; i++) {
            String t = "s" + i;
            Instant start = at(i * 700_000L + 5);
            boolean handoff = i % 2 == 0;
            String target = i % 4 == 0 ? "human-tier1" : "human-billing";
            traces.add(trace(t, "support", start, 900 + 10L * i, i == 3,
                    new Handoff(handoff, handoff ? "policy" : null, handoff ? target : null)));
            spans.add(span(t + "-root", t, null, SpanKind.AGENT, "support", start, 900 + 10L * i, i == 3, null, null));
            spans.add(span(t + "-llm", t, t + "-root", SpanKind.LLM, "answer", start.plusMillis(5), 300, false,
                    "0.000" + (1 + i % 9), null));
            if (handoff && i % 3 == 0) {
                // the same hand-off said again on a span: counted once
                spans.add(span(t + "-ho", t, t + "-root", SpanKind.HANDOFF, "to_human", start.plusMillis(400), 5,
                        false, null, new Handoff(true, "policy", target)));
            }
        }
        write(batch(ws, traces, spans));
        return ws;
    }

    /** The expected topology, derived bottom-up from the generated records. */
    private final class Expected {
        final Map<String, List<Long>> nodeDurations = new TreeMap<>();
        final Map<String, Long> nodeErrors = new HashMap<>();
        final Map<String, Set<String>> nodeTraces = new HashMap<>();
        final Map<String, BigDecimal> nodeCost = new HashMap<>();
        final Map<String, List<Object[]>> edges = new TreeMap<>(); // key kind|source|target -> [trace, failed, ms, cost]

        Expected(Set<String> traceIds) {
            Map<String, Span> byId = spans.stream().collect(Collectors.toMap(Span::id, s -> s));
            for (Trace trace : traces) {
                if (!traceIds.contains(trace.id())) {
                    continue;
                }
                List<Span> own = spans.stream().filter(s -> s.traceId().equals(trace.id())).toList();
                boolean rootSpanIsTraceAgent = own.stream().anyMatch(s -> isAgent(s)
                        && s.name().equals(trace.agentId()) && enclosingAgentSpan(s, byId) == null);
                if (trace.agentId() != null && !rootSpanIsTraceAgent) {
                    invocation(trace.agentId(), trace.id(), trace.status() == Status.ERROR, trace.endedAt().toEpochMilli()
                            - trace.startedAt().toEpochMilli());
                }
                for (Span s : own) {
                    Span owner = isAgent(s) ? s : enclosingAgentSpan(s, byId);
                    String agent = owner == null ? trace.agentId() : owner.name();
                    if (s.costUsd() != null && agent != null) {
                        nodeCost.merge(agent, s.costUsd(), BigDecimal::add);
                    }
                    if (isAgent(s)) {
                        invocation(s.name(), trace.id(), s.status() == Status.ERROR, s.durationMs());
                        Span up = enclosingAgentSpan(s, byId);
                        String caller = up == null ? trace.agentId() : up.name();
                        if (caller != null && !caller.equals(s.name())) {
                            edge("calls|" + caller + "|" + s.name(), trace.id(), s.status() == Status.ERROR,
                                    s.durationMs(), subtreeCost(s, own, byId));
                        }
                    }
                }
                List<Span> handoffs = own.stream().filter(s -> s.handoff() != null && s.handoff().triggered()
                        && s.handoff().target() != null).toList();
                for (Span h : handoffs) {
                    Span owner = isAgent(h) ? h : enclosingAgentSpan(h, byId);
                    handoff(owner == null ? trace.agentId() : owner.name(), h.handoff().target(), trace, own, byId,
                            h.startedAt(), h.status() == Status.ERROR);
                }
                if (handoffs.isEmpty() && trace.handoff() != null && trace.handoff().triggered()
                        && trace.handoff().target() != null) {
                    handoff(trace.agentId(), trace.handoff().target(), trace, own, byId, trace.startedAt(), false);
                }
            }
        }

        private void handoff(String source, String target, Trace trace, List<Span> own, Map<String, Span> byId,
                Instant at, boolean failed) {
            if (source == null || source.equals(target)) {
                return;
            }
            Span receiver = own.stream().filter(s -> isAgent(s) && s.name().equals(target)
                    && !s.startedAt().isBefore(at)).min(Comparator.comparing(Span::startedAt)).orElse(null);
            edge("hands_off|" + source + "|" + target, trace.id(),
                    failed || receiver != null && receiver.status() == Status.ERROR,
                    receiver == null ? null : receiver.durationMs(),
                    receiver == null ? BigDecimal.ZERO : subtreeCost(receiver, own, byId));
        }

        private void invocation(String agent, String traceId, boolean failed, Long ms) {
            nodeDurations.computeIfAbsent(agent, k -> new ArrayList<>()).add(ms);
            nodeErrors.merge(agent, failed ? 1L : 0L, Long::sum);
            nodeTraces.computeIfAbsent(agent, k -> new HashSet<>()).add(traceId);
        }

        private void edge(String key, String traceId, boolean failed, Long ms, BigDecimal cost) {
            edges.computeIfAbsent(key, k -> new ArrayList<>()).add(new Object[] {traceId, failed, ms, cost});
        }
    }

    private static boolean isAgent(Span s) {
        return s.kind() == SpanKind.AGENT && s.name() != null;
    }

    /** Walks up the parents (in the same trace) to the nearest agent span; null at the root. */
    private static Span enclosingAgentSpan(Span s, Map<String, Span> byId) {
        Set<String> seen = new HashSet<>();
        Span p = s.parentId() == null ? null : byId.get(s.parentId());
        while (p != null && p.traceId().equals(s.traceId()) && seen.add(p.id())) {
            if (isAgent(p)) {
                return p;
            }
            p = p.parentId() == null ? null : byId.get(p.parentId());
        }
        return null;
    }

    private static BigDecimal subtreeCost(Span top, List<Span> own, Map<String, Span> byId) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Span s : own) {
            if (s.costUsd() != null && (s == top || isUnder(s, top, byId))) {
                sum = sum.add(s.costUsd());
            }
        }
        return sum;
    }

    private static boolean isUnder(Span s, Span top, Map<String, Span> byId) {
        Set<String> seen = new HashSet<>();
        Span p = s.parentId() == null ? null : byId.get(s.parentId());
        while (p != null && seen.add(p.id())) {
            if (p == top) {
                return true;
            }
            p = p.parentId() == null ? null : byId.get(p.parentId());
        }
        return false;
    }

    /** percentile_cont: linear interpolation at position p * (n - 1) of the sorted values. */
    private static Double percentile(List<Long> values, double p) {
        List<Long> sorted = values.stream().filter(Objects::nonNull).sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        double pos = p * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (pos - lo) * (sorted.get(hi) - sorted.get(lo));
    }

    private static TopologyQuery all() {
        return new TopologyQuery(InteractionQuery.ALL, null, 1);
    }

    private void assertMatches(AgentTopology result, Expected expected) {
        Map<String, Node> nodes = result.nodes().stream().filter(n -> n.invocations() > 0)
                .collect(Collectors.toMap(Node::agentId, n -> n));
        assertThat(nodes.keySet()).containsExactlyInAnyOrderElementsOf(expected.nodeDurations.keySet());
        for (Node node : nodes.values()) {
            String a = node.agentId();
            List<Long> ms = expected.nodeDurations.get(a);
            assertThat(node.invocations()).as(a).isEqualTo(ms.size());
            assertThat(node.traces()).as(a).isEqualTo(expected.nodeTraces.get(a).size());
            assertThat(node.errors()).as(a).isEqualTo(expected.nodeErrors.get(a));
            assertThat(node.p50DurationMs()).as(a).isCloseTo(percentile(ms, 0.5), within(1e-6));
            assertThat(node.p95DurationMs()).as(a).isCloseTo(percentile(ms, 0.95), within(1e-6));
            assertThat(node.costUsd()).as(a).isEqualByComparingTo(expected.nodeCost.getOrDefault(a, BigDecimal.ZERO));
        }
        assertThat(result.edges()).extracting(e -> e.kind().wire() + "|" + e.source() + "|" + e.target())
                .containsExactlyInAnyOrderElementsOf(expected.edges.keySet());
        for (Edge edge : result.edges()) {
            String key = edge.kind().wire() + "|" + edge.source() + "|" + edge.target();
            List<Object[]> rows = expected.edges.get(key);
            List<Long> ms = rows.stream().map(r -> (Long) r[2]).toList();
            assertThat(edge.count()).as(key).isEqualTo(rows.size());
            assertThat(edge.traces()).as(key).isEqualTo(rows.stream().map(r -> r[0]).distinct().count());
            assertThat(edge.failures()).as(key).isEqualTo(rows.stream().filter(r -> (Boolean) r[1]).count());
            assertThat(edge.received()).as(key).isEqualTo(edge.kind() == Kind.CALLS ? 0
                    : ms.stream().filter(Objects::nonNull).count());
            if (percentile(ms, 0.5) == null) {
                assertThat(edge.p50DurationMs()).as(key).isNull();
                assertThat(edge.p95DurationMs()).as(key).isNull();
            } else {
                assertThat(edge.p50DurationMs()).as(key).isCloseTo(percentile(ms, 0.5), within(1e-6));
                assertThat(edge.p95DurationMs()).as(key).isCloseTo(percentile(ms, 0.95), within(1e-6));
            }
            assertThat(edge.costUsd()).as(key).isEqualByComparingTo(
                    rows.stream().map(r -> (BigDecimal) r[3]).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    @Test
    public void nodesAndEdgesMatchTheGeneratedData() {
        WorkspaceId ws = generated(7);
        AgentTopology result = store().topology().topology(ws, all());
        assertMatches(result, new Expected(traces.stream().map(Trace::id).collect(Collectors.toSet())));
        assertThat(result.edges()).extracting(e -> e.kind().wire() + " " + e.source() + " -> " + e.target())
                .contains("calls orchestrator -> seo", "calls orchestrator -> writer", "calls orchestrator -> editor",
                        "calls writer -> researcher", "hands_off writer -> editor", "hands_off support -> human-tier1",
                        "hands_off support -> human-billing");
        // hand-off targets that never ran are nodes without invocations
        assertThat(result.nodes()).filteredOn(n -> n.agentId().startsWith("human-"))
                .allSatisfy(n -> {
                    assertThat(n.invocations()).isZero();
                    assertThat(n.errorRate()).isNull();
                    assertThat(n.p95DurationMs()).isNull();
                });
        assertThat(result.edges()).isSortedAccordingTo(Comparator.comparingLong(Edge::count).reversed());
        assertThat(result.dataAsOf()).isEqualTo(traces.stream().map(Trace::startedAt).max(Comparator.naturalOrder())
                .orElseThrow());
    }

    @Test
    public void nodeCostsAddUpToTheTracesCosts() {
        WorkspaceId ws = generated(11);
        BigDecimal total = spans.stream().map(Span::costUsd).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(store().topology().topology(ws, all()).nodes().stream().map(Node::costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);
    }

    @Test
    public void theRangeSelectsTheTracesDrawn() {
        WorkspaceId ws = generated(13);
        Instant from = at(5 * 600_000L);
        Instant to = at(17 * 600_000L);
        InteractionQuery range = InteractionQuery.builder().from(from).to(to).build();
        AgentTopology result = store().topology().topology(ws, new TopologyQuery(range, null, 1));
        assertMatches(result, new Expected(traces.stream()
                .filter(t -> !t.startedAt().isBefore(from) && t.startedAt().isBefore(to)).map(Trace::id)
                .collect(Collectors.toSet())));
    }

    @Test
    public void aFocusAgentKeepsItsNeighbourhoodAndMinCountDropsRareEdges() {
        WorkspaceId ws = generated(17);
        AgentTopology full = store().topology().topology(ws, all());
        AgentTopology writer = store().topology().topology(ws, new TopologyQuery(InteractionQuery.ALL, "writer", 1));
        assertThat(writer.edges()).containsExactlyInAnyOrderElementsOf(full.edges().stream()
                .filter(e -> e.source().equals("writer") || e.target().equals("writer")).toList());
        assertThat(writer.nodes()).extracting(Node::agentId)
                .containsExactlyInAnyOrder("writer", "orchestrator", "researcher", "editor");
        assertThat(writer.nodes()).isSubsetOf(full.nodes());

        long researcherCalls = full.edges().stream().filter(e -> e.target().equals("researcher")).findFirst()
                .orElseThrow().count();
        AgentTopology common = store().topology().topology(ws,
                new TopologyQuery(InteractionQuery.ALL, null, researcherCalls + 1));
        assertThat(common.edges()).isNotEmpty().allSatisfy(e -> assertThat(e.count()).isGreaterThan(researcherCalls))
                .containsExactlyInAnyOrderElementsOf(full.edges().stream()
                        .filter(e -> e.count() > researcherCalls).toList());

        assertThat(store().topology().topology(ws, new TopologyQuery(InteractionQuery.ALL, "nobody", 1)).nodes())
                .isEmpty();
        assertThatThrownBy(() -> new TopologyQuery(InteractionQuery.ALL, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min_count");
    }

    @Test
    public void parentCyclesOrphansAndUnnamedAgentsNeitherHangNorInvent() {
        WorkspaceId ws = newWorkspace();
        Instant t0 = at(0);
        List<Trace> ts = List.of(trace("x", "boss", t0, 1000, false, null));
        List<Span> ss = List.of(
                // a two-span parent cycle, out of reach of every root: not walked
                span("x-a", "x", "x-b", SpanKind.AGENT, "ghost", t0, 10, false, "1.0", null),
                span("x-b", "x", "x-a", SpanKind.AGENT, "ghost2", t0, 10, false, null, null),
                span("x-self", "x", "x-self", SpanKind.AGENT, "narcissus", t0, 10, false, null, null),
                // a parent that never arrived: a root, enclosed by the trace's agent
                span("x-o", "x", "missing", SpanKind.AGENT, "orphan", t0, 10, false, "0.5", null),
                // an agent span without a name is no agent: its child belongs to the orphan
                span("x-u", "x", "x-o", SpanKind.AGENT, null, t0, 10, false, null, null),
                span("x-u1", "x", "x-u", SpanKind.LLM, "call", t0, 10, false, "0.25", null),
                // an agent nested in itself and a hand-off to itself make no edge
                span("x-o2", "x", "x-u", SpanKind.AGENT, "orphan", t0.plusMillis(1), 10, true, null, null),
                span("x-h", "x", "x-o2", SpanKind.HANDOFF, "loop", t0, 10, false, null,
                        new Handoff(true, "loop", "orphan")));
        write(batch(ws, ts, ss));
        AgentTopology result = store().topology().topology(ws, all());
        assertThat(result.edges()).extracting(e -> e.kind().wire() + " " + e.source() + " -> " + e.target())
                .containsExactly("calls boss -> orphan");
        Edge edge = result.edges().getFirst();
        assertThat(edge.count()).isEqualTo(1);
        assertThat(edge.costUsd()).isEqualByComparingTo("0.75");
        assertThat(result.nodes()).extracting(n -> n.agentId() + " " + n.invocations() + " " + n.errors() + " "
                + n.costUsd().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("orphan 2 1 0.75", "boss 1 0 0");
    }

    @Test
    public void anotherWorkspacesAgentsNeverAppear() {
        WorkspaceId mine = generated(19);
        WorkspaceId other = newWorkspace();
        assertThat(store().topology().topology(other, all()).nodes()).isEmpty();
        assertThat(store().topology().topology(other, all()).edges()).isEmpty();
        assertThat(store().topology().topology(other, all()).dataAsOf()).isNull();
        // same trace ids in the other workspace: each sees its own
        write(batch(other, List.of(trace("c0", "solo", at(0), 10, false, null)),
                List.of(span("c0-root", "c0", null, SpanKind.AGENT, "solo", at(0), 10, false, null, null),
                        span("c0-seo", "c0", "c0-root", SpanKind.AGENT, "helper", at(1), 5, false, null, null))));
        assertThat(store().topology().topology(other, all()).edges())
                .extracting(e -> e.source() + " -> " + e.target()).containsExactly("solo -> helper");
        assertThat(store().topology().topology(mine, all()).nodes()).extracting(Node::agentId)
                .doesNotContain("solo", "helper");
    }
}
