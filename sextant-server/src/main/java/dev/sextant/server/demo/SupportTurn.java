package dev.sextant.server.demo;

import dev.sextant.server.demo.SupportTexts.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One message to the support bot and everything the bot did about it: transcription for voice,
 * intent classification, knowledge-base retrieval, order lookup, the route decision (answer or
 * hand off to a person), the refund API, the reply. Prompt v2 (rolled out in week 3) raises
 * confidence and de-escalates angry customers better, so fewer conversations are handed off.
 */
final class SupportTurn {
    static final double CONFIDENCE_THRESHOLD = 0.6;
    static final double REFUND_LIMIT_USD = 200;

    /** The situation the turn happens in. */
    record Context(String traceId, String conversationId, String customer, Topic topic, String order,
            String messageType, int turn, boolean promptV2, boolean refundIncident, Instant start,
            String experimentId, String variantId, int summaryTemplateVersion) {}

    /** The prompt templates the bot's LLM calls render (see DemoDefinitions). */
    static final String REPLY_TEMPLATE = "support-reply";
    static final String SUMMARY_TEMPLATE = "support-summary";

    /** What happened: the items, when it ended, how it ended. */
    record Outcome(List<WireItem> items, Instant end, String handoffReason, boolean failed) {}

    private final DemoRandom random;
    private final Context ctx;
    private final List<WireItem> items = new ArrayList<>();
    private final Timeline clock;
    private final String root;
    private int spanCount = 1;

    SupportTurn(DemoRandom random, Context ctx) {
        this.random = random;
        this.ctx = ctx;
        this.clock = new Timeline(ctx.start());
        this.root = ctx.traceId() + "-s01";
    }

    Outcome play() {
        String message = fill(random.pick(ctx.topic().messages()));
        boolean voice = ctx.messageType().equals("voice");
        if (voice) {
            step("tool", "speech_to_text", random.logNormal(700, 0.3, 200, 4000))
                    .put("tool_name", "speech_to_text").put("output", message)
                    .object("attributes").put("audio_seconds", random.between(3, 25));
        }
        double confidence = random.normal(ctx.promptV2() ? 0.86 : 0.78, 0.12, 0.2, 0.99);
        classify(message, confidence);
        retrieve();
        if (ctx.topic().aboutOrder()) {
            lookUpOrder();
        }
        boolean angry = random.chance(ctx.topic().intent().equals("complaint") ? 0.45 : 0.04);
        double refundUsd = Math.round(random.logNormal(60, 0.9) * 100) / 100.0;
        String reason = handoffReason(confidence, angry, refundUsd);
        route(confidence, reason, angry, refundUsd);
        String reply;
        String error = null;
        long contextSize;
        if (reason != null) {
            step("handoff", "handoff_to_human", random.logNormal(40, 0.4, 5, 400))
                    .handoff(true, reason, target(reason));
            contextSize = llm("summarize_for_agent", "gpt-4o-mini", 260, 0.4, SUMMARY_TEMPLATE,
                    ctx.summaryTemplateVersion()).contextSize;
            reply = SupportTexts.HANDOFF_REPLY;
        } else {
            if (ctx.topic().intent().equals("refund")) {
                error = callRefundApi(refundUsd);
            }
            boolean strong = ctx.topic().intent().equals("complaint") || angry;
            String model = strong && random.chance(0.7) || random.chance(0.04) ? "gpt-4o-2024-08-06" : "gpt-4o-mini";
            contextSize = llm("generate_reply", model, 110, 0.5, REPLY_TEMPLATE, ctx.promptV2() ? 2 : 1).contextSize;
            reply = error == null ? fill(random.pick(ctx.topic().replies())) : SupportTexts.REFUND_FAILED_REPLY;
        }
        if (voice) {
            step("tool", "text_to_speech", random.logNormal(450, 0.3, 100, 3000)).put("tool_name", "text_to_speech");
        }
        Instant end = clock.advance(random.between(5, 40));
        WireItem agent = WireItem.span(root, ctx.traceId(), null, "agent", "support-bot", ctx.start(), end)
                .put("input", message).put("output", reply);
        WireItem trace = trace(message, reply, confidence, reason, contextSize, end);
        if (error != null) {
            agent.failed(error);
            trace.failed(error);
        }
        items.addFirst(agent);
        items.addFirst(trace);
        return new Outcome(items, end, reason, error != null);
    }

    private WireItem trace(String message, String reply, double confidence, String reason, long contextSize, Instant end) {
        WireItem trace = WireItem.trace(ctx.traceId(), SupportBotStory.AGENT, "handle_message", ctx.start(), end)
                .put("conversation_id", ctx.conversationId()).put("user_id", ctx.customer())
                .put("input", message).put("output", reply).put("status", "ok")
                .put("message_type", ctx.messageType())
                .intent(ctx.topic().intent(), confidence)
                .put("confidence", confidence)
                .handoff(reason != null, reason, reason == null ? null : target(reason))
                .put("context_size", contextSize)
                .put("config_version", ctx.promptV2() ? "support-prompt-v2" : "support-prompt-v1")
                .put("experiment_id", ctx.experimentId()).put("variant_id", ctx.variantId())
                .strings("tags", List.of("channel:" + channel(), "locale:en"));
        if (ctx.topic().intent().equals("complaint") && random.chance(0.5)) {
            trace.intent("refund", random.normal(0.4, 0.1, 0.1, 0.7));
        }
        var metadata = trace.object("metadata");
        metadata.put("turn", ctx.turn());
        metadata.put("customer_tier", random.chance(0.2) ? "plus" : "standard");
        if (ctx.order() != null) {
            metadata.put("order_id", ctx.order());
        }
        return trace;
    }

    private String handoffReason(double confidence, boolean angry, double refundUsd) {
        if (confidence < CONFIDENCE_THRESHOLD) {
            return "low_confidence";
        }
        if (angry && random.chance(ctx.promptV2() ? 0.45 : 0.8)) {
            return "angry_customer";
        }
        if (ctx.topic().intent().equals("refund") && refundUsd > REFUND_LIMIT_USD) {
            return "refund_over_limit";
        }
        if (ctx.topic().intent().equals("account") && random.chance(ctx.promptV2() ? 0.12 : 0.25)) {
            return "policy";
        }
        return null;
    }

    private void route(double confidence, String reason, boolean angry, double refundUsd) {
        String why = switch (reason == null ? "answer" : reason) {
            case "low_confidence" -> String.format(Locale.ROOT,
                    "intent confidence %.2f is below the threshold %.2f; the request is unclear", confidence, CONFIDENCE_THRESHOLD);
            case "angry_customer" -> "strongly negative sentiment; a person should take over";
            case "refund_over_limit" -> String.format(Locale.ROOT,
                    "refund of $%.2f exceeds the automatic limit of $%.0f", refundUsd, REFUND_LIMIT_USD);
            case "policy" -> "account changes need identity verification by a person (policy ACC-3)";
            default -> String.format(Locale.ROOT, "%s recognised with confidence %.2f%s; answer from the knowledge base",
                    ctx.topic().intent(), confidence, angry ? " and the customer calmed down" : "");
        };
        step("decision", "route", random.between(2, 12))
                .decision("route", reason == null ? "answer" : "handoff", List.of("answer", "handoff", "clarify"), why)
                .put("confidence", confidence);
    }

    private void classify(String message, double confidence) {
        if (random.chance(0.006)) {
            llmSpan("classify_intent", "gpt-4o-mini", random.logNormal(120, 0.3, 30, 600))
                    .failed("429 Too Many Requests: rate limit reached for gpt-4o-mini in organization org-demo");
            clock.advance(random.between(500, 1500)); // back off, then retry
        }
        long input = random.logNormal(640, 0.15, 400, 1200);
        long output = random.between(18, 45);
        llmSpan("classify_intent", "gpt-4o-mini", random.logNormal(260, 0.3, 80, 3000) + output * 8)
                .usage(input, output, 0, 0, 0).put("input", message)
                .put("output", String.format(Locale.ROOT, "{\"intent\":\"%s\",\"confidence\":%.2f}", ctx.topic().intent(), confidence))
                .object("attributes").put("temperature", 0);
    }

    private void retrieve() {
        int hits = random.between(1, 5);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < hits; i++) {
            titles.add(random.pick(SupportTexts.KB_ARTICLES));
        }
        WireItem span = step("retrieval", "kb_search", random.logNormal(110, 0.4, 20, 2000))
                .put("output", String.join("; ", titles));
        span.object("attributes").put("index", "help-center").put("top_k", 5).put("hits", hits);
    }

    private void lookUpOrder() {
        WireItem span = step("tool", "order_lookup", random.logNormal(180, 0.35, 40, 3000))
                .put("tool_name", "order_lookup").put("input", "{\"order_id\":\"" + ctx.order() + "\"}");
        if (random.chance(0.015)) {
            span.failed("404: order " + ctx.order() + " not found");
        } else {
            span.put("output", "{\"order_id\":\"" + ctx.order() + "\",\"status\":\""
                    + random.pick(List.of("in_transit", "shipped", "delivered", "processing")) + "\",\"carrier\":\"DHL\"}");
        }
    }

    /** The refund API fails now and then, and often (and slowly) during the week-3 incident. */
    private String callRefundApi(double amountUsd) {
        boolean incident = ctx.refundIncident();
        WireItem span = step("tool", "refund_api", random.logNormal(incident ? 3200 : 550, 0.4, 100, 30_000))
                .put("tool_name", "refund_api")
                .put("input", String.format(Locale.ROOT, "{\"order_id\":\"%s\",\"amount_usd\":%.2f}", ctx.order(), amountUsd));
        span.object("attributes").put("amount_usd", amountUsd);
        if (random.chance(incident ? 0.6 : 0.04)) {
            String error = incident
                    ? "refund_api: HTTP 503 from payments gateway after 3 retries"
                    : "refund_api: HTTP 409 refund already pending for order " + ctx.order();
            span.failed(error);
            return error;
        }
        span.put("output", "{\"refund_id\":\"rf-" + random.between(100_000, 999_999) + "\",\"state\":\"approved\"}");
        return null;
    }

    private record Call(long contextSize) {}

    /**
     * An OpenAI chat call rendering a prompt template: the system prompt prefix is often served
     * from the prompt cache; prompt v2 runs at temperature 0.2.
     */
    private Call llm(String name, String model, double medianOutput, double sigma, String template, int templateVersion) {
        long systemPrompt = ctx.promptV2() ? 1420 : 1180;
        long input = systemPrompt + random.logNormal(900, 0.4, 150, 6000) + ctx.turn() * 180L + 40;
        long cached = random.chance(0.7) ? systemPrompt / 128 * 128 : 0;
        long output = random.logNormal(model.startsWith("gpt-4o-mini") ? medianOutput : medianOutput * 1.3, sigma, 15, 900);
        long millis = random.logNormal(350, 0.3, 100, 5000) + output * (model.startsWith("gpt-4o-mini") ? 9 : 14);
        llmSpan(name, model, millis).usage(input, output, cached, 0, 0)
                .object("attributes").put("temperature", ctx.promptV2() ? 0.2 : 0.3)
                .put("prompt.template_id", template).put("prompt.version", templateVersion);
        return new Call(input);
    }

    private WireItem llmSpan(String name, String model, long millis) {
        return step("llm", name, millis).put("model", model).put("provider", "openai");
    }

    private WireItem step(String kind, String name, long millis) {
        Instant start = clock.advance(random.between(2, 25));
        Instant end = clock.advance(millis);
        String id = String.format(Locale.ROOT, "%s-s%02d", ctx.traceId(), ++spanCount);
        WireItem span = WireItem.span(id, ctx.traceId(), root, kind, name, start, end);
        items.add(span);
        return span;
    }

    private String target(String reason) {
        return reason.equals("refund_over_limit") ? "human:billing" : "human:tier1";
    }

    private String channel() {
        return switch (ctx.messageType()) {
            case "voice" -> "phone";
            case "email" -> "email";
            default -> "chat";
        };
    }

    private String fill(String template) {
        return template.replace("{order}", ctx.order() == null ? "" : ctx.order());
    }
}
