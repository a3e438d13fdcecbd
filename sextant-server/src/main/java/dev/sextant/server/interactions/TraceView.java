package dev.sextant.server.interactions;

import dev.sextant.model.Handoff;
import dev.sextant.model.Intent;
import dev.sextant.model.Trace;
import dev.sextant.store.TraceRollup;
import dev.sextant.store.TraceSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** An interaction as lists show it: the trace's fields and its rolled-up tokens and cost. */
record TraceView(
        String id,
        String agentId,
        String sessionId,
        String conversationId,
        String userId,
        String name,
        String status,
        String error,
        Instant startedAt,
        Instant endedAt,
        Long durationMs,
        String messageType,
        List<Intent> intents,
        Double confidence,
        Handoff handoff,
        Integer contextSize,
        String configVersion,
        String experimentId,
        String variantId,
        List<String> tags,
        JsonNode metadata,
        long spanCount,
        TokensView tokens,
        BigDecimal costUsd) {

    static TraceView of(TraceSummary summary) {
        Trace t = summary.trace();
        TraceRollup r = summary.rollup() == null ? TraceRollup.EMPTY : summary.rollup();
        return new TraceView(t.id(), t.agentId(), t.sessionId(), t.conversationId(), t.userId(), t.name(),
                t.status() == null ? null : t.status().wire(), t.error(), t.startedAt(), t.endedAt(), t.durationMs(),
                t.messageType(), t.intents() == null ? List.of() : t.intents(), t.confidence(), t.handoff(),
                t.contextSize(), t.configVersion(), t.experimentId(), t.variantId(),
                t.tags() == null ? List.of() : t.tags(), JsonText.parse(t.metadata()), r.spanCount(),
                new TokensView(r.inputTokens(), r.outputTokens(), r.cacheReadTokens(), r.cacheWriteTokens(),
                        r.reasoningTokens(), r.totalTokens()),
                r.costUsd());
    }

    /** Token totals; input includes cache reads and writes, output includes reasoning. */
    record TokensView(long input, long output, long cacheRead, long cacheWrite, long reasoning, long total) {}
}
