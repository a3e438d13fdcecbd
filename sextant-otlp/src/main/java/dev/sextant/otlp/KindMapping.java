package dev.sextant.otlp;

import dev.sextant.model.SpanKind;
import java.util.Locale;

/**
 * A span's Sextant kind: {@code sextant.span.kind} when it names one; else from
 * {@code gen_ai.operation.name}; else from {@code openinference.span.kind}; else decision or
 * hand-off when the span carries {@code sextant.decision.*} / {@code sextant.handoff.*}; else
 * event for a span without duration, custom otherwise.
 */
final class KindMapping {
    private KindMapping() {}

    static SpanKind kind(SpanAttributes a, boolean instant) {
        String forced = a.string("sextant.span.kind");
        if (forced != null) {
            SpanKind k = SpanKind.fromWire(forced.trim().toLowerCase(Locale.ROOT)).orElse(null);
            if (k != null) {
                return k;
            }
        }
        SpanKind fromOperation = operation(a.string("gen_ai.operation.name"));
        if (fromOperation != null) {
            return fromOperation;
        }
        SpanKind fromOpenInference = openInference(a.string("openinference.span.kind"));
        if (fromOpenInference != null) {
            return fromOpenInference;
        }
        if (a.has("sextant.decision.point") || a.has("sextant.decision.chosen")) {
            return SpanKind.DECISION;
        }
        if (a.has("sextant.handoff.triggered")) {
            return SpanKind.HANDOFF;
        }
        return instant ? SpanKind.EVENT : SpanKind.CUSTOM;
    }

    private static SpanKind operation(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "chat", "text_completion", "generate_content", "embeddings", "embedding" -> SpanKind.LLM;
            case "execute_tool" -> SpanKind.TOOL;
            case "invoke_agent", "create_agent", "invoke_workflow" -> SpanKind.AGENT;
            case "retrieval" -> SpanKind.RETRIEVAL;
            default -> null;
        };
    }

    private static SpanKind openInference(String kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind.trim().toUpperCase(Locale.ROOT)) {
            case "LLM", "EMBEDDING" -> SpanKind.LLM;
            case "TOOL" -> SpanKind.TOOL;
            case "AGENT", "CHAIN" -> SpanKind.AGENT;
            case "RETRIEVER", "RERANKER" -> SpanKind.RETRIEVAL;
            default -> null;
        };
    }
}
