package dev.sextant.bench;

import dev.sextant.model.Decision;
import dev.sextant.model.Handoff;
import dev.sextant.model.Intent;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The analytics benchmark's data: traces of 4 to 24 spans (14 on average) spread evenly over
 * the {@code window} before {@code end}, from six agents with their own mix of models and tools.
 * Each trace has an agent root span, LLM calls with usage (priced by the shipped catalog),
 * tool calls that fail at a per-tool rate with realistic messages (ids and numbers that the
 * error grouping folds), retrievals, decisions with confidence, events, and now and then a
 * hand-off. Deterministic: the same seed gives the same records.
 */
final class AnalyticsData {
    static final int MEAN_SPANS_PER_TRACE = 14;

    private static final String[] AGENTS = {"support-bot", "billing-bot", "code-assistant", "research-agent",
            "sales-agent", "triage-router"};
    private static final int[] AGENT_WEIGHTS = {34, 14, 20, 10, 12, 10};
    private static final String[][] AGENT_MODELS = {
            {"gpt-4o-mini", "gemini-2.0-flash", "gpt-4o"},
            {"gpt-4o-mini", "claude-3.5-haiku"},
            {"claude-sonnet-4", "gpt-4.1", "gpt-4.1-mini"},
            {"gemini-2.5-pro", "gemini-2.5-flash", "o4-mini"},
            {"gemini-1.5-flash", "gemini-1.5-pro"},
            {"gpt-4.1-nano", "gemini-2.0-flash-lite"}};
    private static final String[] TOOLS = {"order_lookup", "refund_issue", "kb_search", "ticket_create",
            "invoice_fetch", "payment_retry", "code_search", "run_tests", "git_diff", "file_read", "file_write",
            "web_search", "web_fetch", "pdf_extract", "crm_lookup", "calendar_book", "email_send", "sql_query",
            "translate", "sentiment", "geo_lookup", "shipping_quote", "inventory_check", "user_profile"};
    private static final String[] ERRORS = {"timeout after %d ms", "HTTP 503 from upstream (request %s)",
            "rate limited: retry in %d s", "record %s not found", "invalid argument at position %d"};
    private static final String[] MESSAGE_TYPES = {"text", "text", "text", "voice", "image", "file"};
    private static final String[] HANDOFF_REASONS = {"low confidence", "user asked for a human", "policy",
            "refund above limit"};
    private static final String[] INTENTS = {"order_status", "refund", "billing_question", "bug_report",
            "feature_request", "pricing", "account_access", "other"};
    private static final String[] TAGS = {"campaign:spring", "campaign:black-friday", "tier:free", "tier:pro",
            "region:eu", "region:us"};

    private final long seed;
    private final Instant start;
    private final long spacingNanos;
    private final int traces;

    /** {@code spans} is approximate: traces are whole, their sizes random around the mean. */
    AnalyticsData(long spans, long seed, Instant end, Duration window) {
        this.seed = seed;
        this.traces = (int) Math.max(1, spans / MEAN_SPANS_PER_TRACE);
        this.start = end.minus(window);
        this.spacingNanos = window.toNanos() / traces;
    }

    int traces() {
        return traces;
    }

    /** One trace and its spans: trace {@code i} is the same whichever thread builds it. */
    record Interaction(Trace trace, List<Span> spans) {}

    Interaction interaction(int i) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        int agent = weighted(r, AGENT_WEIGHTS);
        String traceId = "t" + Long.toHexString(seed) + "-" + Integer.toHexString(i);
        Instant t0 = start.plusNanos(spacingNanos * i + r.nextLong(Math.max(1, spacingNanos)))
                .truncatedTo(ChronoUnit.MICROS);
        int count = 4 + r.nextInt(21); // 4..24, mean 14
        List<Span> spans = new ArrayList<>(count);
        String root = traceId + "-0";
        String[] models = AGENT_MODELS[agent];
        Instant cursor = t0.plusMillis(5);
        boolean failed = false;
        boolean handedOff = false;
        double confidence = 0.3 + 0.7 * r.nextDouble();
        for (int j = 1; j < count; j++) {
            String id = traceId + "-" + j;
            long ms = 20 + r.nextInt(900);
            Instant s = cursor;
            Instant e = s.plusMillis(ms);
            cursor = e.plusMillis(r.nextInt(30));
            int pick = r.nextInt(100);
            if (pick < 40) {
                String model = models[r.nextInt(models.length)];
                long in = 200 + r.nextInt(6000);
                long cached = r.nextInt(4) == 0 ? in / 2 : 0;
                long out = 30 + r.nextInt(1200);
                long reasoning = model.startsWith("o") ? r.nextLong(out) : 0;
                spans.add(span(id, traceId, root, SpanKind.LLM, "generate", Status.OK, null, s, e, model,
                        new Usage(in, out, cached, 0, reasoning, false), null, null, null, null, null));
            } else if (pick < 70) {
                int tool = toolOf(r, agent);
                boolean error = r.nextInt(1000) < 20 + tool * 7; // 2% .. 18% by tool
                String message = error ? error(r) : null;
                failed |= error && r.nextInt(3) == 0;
                spans.add(span(id, traceId, root, SpanKind.TOOL, TOOLS[tool], error ? Status.ERROR : Status.OK,
                        message, s, e, null, null, TOOLS[tool], null, null, "{\"q\":\"" + i + "\"}",
                        error ? null : "{\"ok\":true}"));
            } else if (pick < 78) {
                spans.add(span(id, traceId, root, SpanKind.RETRIEVAL, "retrieve", Status.OK, null, s, e, null,
                        null, null, null, null, null, null));
            } else if (pick < 86) {
                double c = 0.2 + 0.8 * r.nextDouble();
                spans.add(span(id, traceId, root, SpanKind.DECISION, "route", Status.OK, null, s, e, null, null,
                        null, new Decision("route", c > 0.4 ? "answer" : "escalate", List.of("answer", "escalate",
                                "clarify"), "score " + (int) (c * 100)), c, null, null));
            } else if (pick < 98 || handedOff) {
                spans.add(span(id, traceId, root, SpanKind.EVENT, "step", Status.OK, null, s, e, null, null, null,
                        null, null, null, null));
            } else {
                handedOff = true;
                spans.add(new Span(id, traceId, root, SpanKind.HANDOFF, "handoff", Status.OK, null, s, e, null,
                        null, null, null, null, null, null, null,
                        new Handoff(true, HANDOFF_REASONS[r.nextInt(HANDOFF_REASONS.length)], "human"),
                        null, null, null));
            }
        }
        Instant end = cursor.plusMillis(3);
        spans.addFirst(span(root, traceId, null, SpanKind.AGENT, AGENTS[agent], failed ? Status.ERROR : Status.OK,
                failed ? "a tool call failed" : null, t0, end, null, null, null, null, null, null, null));
        String intent = INTENTS[r.nextInt(INTENTS.length)];
        Trace trace = new Trace(traceId, AGENTS[agent], "s" + (i / 5), "c" + (i / 3), "u" + r.nextInt(50_000),
                "answer", "Question " + i + " about " + intent, "Answer " + i, failed ? Status.ERROR : Status.OK,
                failed ? "tool call failed: " + error(r) : null, t0, end, MESSAGE_TYPES[r.nextInt(MESSAGE_TYPES.length)],
                List.of(new Intent(intent, confidence)), confidence,
                handedOff ? new Handoff(true, HANDOFF_REASONS[r.nextInt(HANDOFF_REASONS.length)], "human")
                        : new Handoff(false, null, null),
                500 + r.nextInt(20_000), "v" + (1 + i / (traces / 8 + 1)), null, null,
                List.of(TAGS[r.nextInt(2)], TAGS[2 + r.nextInt(2)], TAGS[4 + r.nextInt(2)]),
                "{\"channel\":\"web\"}");
        return new Interaction(trace, spans);
    }

    private static Span span(String id, String traceId, String parent, SpanKind kind, String name, Status status,
            String error, Instant s, Instant e, String model, Usage usage, String tool, Decision decision,
            Double confidence, String input, String output) {
        return new Span(id, traceId, parent, kind, name, status, error, s, e, model, null, usage, null, null, tool,
                decision, confidence, null, "{\"attempt\":1}", input, output);
    }

    private static int toolOf(SplittableRandom r, int agent) {
        // each agent uses eight tools, overlapping its neighbours', the first ones most
        int k = Math.min(r.nextInt(8), r.nextInt(8));
        return (agent * 4 + k) % TOOLS.length;
    }

    private static String error(SplittableRandom r) {
        String f = ERRORS[r.nextInt(ERRORS.length)];
        return f.contains("%s")
                ? String.format(f, new java.util.UUID(r.nextLong(), r.nextLong()))
                : String.format(f, 1 + r.nextInt(30_000));
    }

    private static int weighted(SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
