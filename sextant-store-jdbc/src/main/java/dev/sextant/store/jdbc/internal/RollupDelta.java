package dev.sextant.store.jdbc.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How much one write changes one trace's roll-ups: the contributions of its new spans, plus,
 * for a re-sent span, its merged contribution minus the one it had (which may belong to
 * another trace, when the span moved). Both candidate sums are kept: the displayed roll-up is
 * the LLM sum when the trace has an LLM span with usage, else the sum of every span.
 */
final class RollupDelta {
    static final int TOKEN_KINDS = 5;

    long spanCount;
    long llmUsageSpans;
    final long[] llmTokens = new long[TOKEN_KINDS];
    final long[] allTokens = new long[TOKEN_KINDS];
    BigDecimal llmCost = BigDecimal.ZERO;
    BigDecimal allCost = BigDecimal.ZERO;
    /** The earliest start among this write's spans of the trace; null when none said. */
    Instant firstSpanStart;

    void add(SpanFacts span) {
        apply(span, 1);
        if (span.startedAt() != null && (firstSpanStart == null || span.startedAt().isBefore(firstSpanStart))) {
            firstSpanStart = span.startedAt();
        }
    }

    void remove(SpanFacts span) {
        apply(span, -1);
    }

    private void apply(SpanFacts span, int sign) {
        spanCount += sign;
        boolean llm = span.isLlm();
        if (llm && span.inputTokens() != null) {
            llmUsageSpans += sign;
        }
        long[] tokens = span.tokens();
        for (int i = 0; i < TOKEN_KINDS; i++) {
            allTokens[i] += sign * tokens[i];
            if (llm) {
                llmTokens[i] += sign * tokens[i];
            }
        }
        if (span.costUsd() != null) {
            BigDecimal cost = sign > 0 ? span.costUsd() : span.costUsd().negate();
            allCost = allCost.add(cost);
            if (llm) {
                llmCost = llmCost.add(cost);
            }
        }
    }
}
