package dev.sextant.store.tests;

import static dev.sextant.store.tests.Fixtures.at;

import dev.sextant.model.CostSource;
import dev.sextant.model.Decision;
import dev.sextant.model.Handoff;
import dev.sextant.model.Intent;
import dev.sextant.model.Score;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.WorkspaceBatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated traces for the behaviour contract: intents (none, one, several, a tie), hand-offs
 * with and without a hand-off span, conversations that go on or not, decisions at two points
 * (and one without a point) and feedback scores. Every figure the contract expects is computed
 * from these lists, never from the store.
 */
final class BehaviourData {
    static final int TRACES = 60;
    static final long STEP_MS = 20 * 60_000L;
    static final List<String> ROUTES = List.of("answer", "handoff", "clarify");
    static final List<String> TONES = List.of("formal", "casual", "playful");

    final List<Trace> traces = new ArrayList<>();
    final List<Span> spans = new ArrayList<>();
    final List<Score> scores = new ArrayList<>();

    BehaviourData() {
        for (int i = 0; i < TRACES; i++) {
            String id = "t" + i;
            Instant start = at(i * STEP_MS);
            boolean failed = i % 7 == 0;
            boolean handedOff = i % 4 == 0;
            Handoff handoff = handedOff
                    ? new Handoff(true, i % 12 == 0 ? null : i % 3 == 1 ? "angry" : "low_confidence",
                            i % 8 == 0 ? "human:tier1" : "human:billing")
                    : i % 2 == 1 ? new Handoff(false, null, null) : null;
            traces.add(new Trace(id, i % 2 == 0 ? "a" : "b", null, i % 8 == 4 ? null : "c" + (i / 3), null, "run", null,
                    null, failed ? Status.ERROR : Status.OK, failed ? "boom" : null, start,
                    i == 58 || i == 52 ? null : start.plusMillis(100 + (i * 37L) % 900), null, intents(i), null, handoff, null,
                    null, null, null, null, null));
            spans.add(new Span(id + "-llm", id, null, SpanKind.LLM, "generate", Status.OK, null, start,
                    start.plusMillis(50), "gpt-a", "openai", Usage.of(10, 5), new BigDecimal("0.00" + (i % 10) + "5"),
                    CostSource.REPORTED, null, null, null, null, null, null, null));
            if (handedOff && i % 8 == 0) {
                spans.add(span(id + "-ho", id, SpanKind.HANDOFF, start.plusMillis(50 + i), null, null,
                        new Handoff(true, "low_confidence", "human:tier1")));
            }
            if (!handedOff && i % 9 == 1) {
                spans.add(span(id + "-ho", id, SpanKind.HANDOFF, start.plusMillis(30), null, null,
                        new Handoff(true, "draft_ready", "editor")));
            }
            String route = handedOff ? "handoff" : i % 5 == 3 ? "clarify" : "answer";
            spans.add(span(id + "-route", id, SpanKind.DECISION, start.plusMillis(10),
                    new Decision("route", route, i % 6 == 1 ? List.of("answer", "handoff") : ROUTES, "because " + i),
                    i % 11 == 0 ? null : ((i * 13) % 100) / 100.0, null));
            if (i % 3 == 0) {
                String tone = i == 33 ? "terse" : i % 2 == 0 ? "formal" : "casual";
                spans.add(span(id + "-tone", id, SpanKind.DECISION, start.plusMillis(20),
                        new Decision("tone", tone, i == 33 ? List.of("formal", "casual") : TONES, null),
                        (i % 10) / 10.0 + 0.05, null));
            }
            if (i == 59) {
                spans.add(span(id + "-odd", id, SpanKind.DECISION, start.plusMillis(30),
                        new Decision(null, "x", List.of(), null), 0.3, null));
            }
            if (i % 3 == 1) {
                scores.add(score(id + "-rating", id, "user_rating", i % 5 + 1));
            }
            if (i % 9 == 4) {
                scores.add(score(id + "-rating2", id, "user_rating", 3));
            }
            if (i % 4 == 1 || i % 8 == 0) {
                scores.add(score(id + "-thumbs", id, "thumbs", i % 8 == 1 || i % 16 == 0 ? 1 : 0));
            }
            if (i % 6 == 0) {
                scores.add(score(id + "-resolved", id, "resolved", i % 12 == 0 ? 1 : 0));
            }
            if (i % 5 == 0) {
                scores.add(score(id + "-quality", id, "quality", 0.5));
            }
        }
    }

    /** None (null or empty), one, several with a clear primary, and a tie broken by name. */
    private static List<Intent> intents(int i) {
        double bump = (i % 3) * 0.01;
        return switch (i % 5) {
            case 0 -> i % 10 == 0 ? null : List.of();
            case 1 -> List.of(new Intent("order_status", 0.9 - bump));
            case 2 -> List.of(new Intent("refund", 0.6), new Intent("complaint", 0.8 + bump));
            case 3 -> List.of(new Intent("refund", 0.7 + bump));
            default -> List.of(new Intent("refund", 0.5), new Intent("order_status", 0.5));
        };
    }

    private static Span span(String id, String traceId, SpanKind kind, Instant start, Decision decision,
            Double confidence, Handoff handoff) {
        return new Span(id, traceId, null, kind, kind.wire(), null, null, start, start.plusMillis(5), null, null,
                null, null, null, null, decision, confidence, handoff, null, null, null);
    }

    private static Score score(String id, String traceId, String name, double value) {
        return new Score(id, traceId, null, name, value, null, null, "user", null, Fixtures.T0);
    }

    WorkspaceBatch batch(WorkspaceId ws) {
        return new WorkspaceBatch(ws, traces, spans, scores, List.of());
    }

    Trace trace(String id) {
        return traces.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    BigDecimal cost(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId) && s.costUsd() != null).map(Span::costUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    List<Double> values(String traceId, String name) {
        return scores.stream().filter(s -> s.traceId().equals(traceId) && s.name().equals(name)).map(Score::value)
                .toList();
    }

    /** percentile_cont: linear interpolation at position p * (n - 1) of the sorted values; null when none. */
    static Double percentile(List<? extends Number> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().map(Number::doubleValue).sorted().toList();
        double pos = p * (sorted.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (pos - lo) * (sorted.get(hi) - sorted.get(lo));
    }
}
