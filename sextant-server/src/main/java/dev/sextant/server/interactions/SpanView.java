package dev.sextant.server.interactions;

import dev.sextant.model.Decision;
import dev.sextant.model.Handoff;
import dev.sextant.model.Span;
import dev.sextant.model.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One span of a trace in the detail answer. Spans come as a flat list with {@code parent_id}
 * and a computed {@code depth}: a nested tree would hit JSON nesting limits on deep traces.
 */
record SpanView(
        String id,
        String parentId,
        int depth,
        String kind,
        String name,
        String status,
        String error,
        Instant startedAt,
        Instant endedAt,
        Long durationMs,
        String model,
        String provider,
        Usage usage,
        BigDecimal costUsd,
        String costSource,
        String toolName,
        Decision decision,
        Double confidence,
        Handoff handoff,
        JsonNode attributes,
        String input,
        String output) {

    static List<SpanView> of(List<Span> spans) {
        Map<String, Integer> depths = SpanDepths.of(spans);
        return spans.stream().map(s -> of(s, depths.getOrDefault(s.id(), 0))).toList();
    }

    private static SpanView of(Span s, int depth) {
        return new SpanView(s.id(), s.parentId(), depth, s.kind() == null ? null : s.kind().wire(), s.name(),
                s.status() == null ? null : s.status().wire(), s.error(), s.startedAt(), s.endedAt(), s.durationMs(),
                s.model(), s.provider(), s.usage(), s.costUsd(), s.costSource() == null ? null : s.costSource().wire(),
                s.toolName(), s.decision(), s.confidence(), s.handoff(), JsonText.parse(s.attributes()), s.input(),
                s.output());
    }
}
