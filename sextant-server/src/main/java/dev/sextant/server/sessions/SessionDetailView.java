package dev.sextant.server.sessions;

import dev.sextant.model.Span;
import dev.sextant.model.Trace;
import dev.sextant.store.SessionDetail;
import dev.sextant.store.TraceRollup;
import dev.sextant.store.TraceSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One session: the session (as the list shows it), its traces and its steps (tool calls and code
 * generations), oldest first, each capped; the {@code *_truncated} flags say when there were more.
 */
record SessionDetailView(SessionView session, List<TraceItem> traces, boolean tracesTruncated, List<StepItem> steps,
        boolean stepsTruncated) {

    static SessionDetailView of(SessionDetail d) {
        return new SessionDetailView(SessionView.of(d.summary()), d.traces().stream().map(TraceItem::of).toList(),
                d.tracesTruncated(), d.steps().stream().map(StepItem::of).toList(), d.stepsTruncated());
    }

    /** A trace of the session, in brief; {@code GET /api/v1/interactions/{id}} has the rest. */
    record TraceItem(String id, String agentId, String name, String status, String error, Instant startedAt,
            Instant endedAt, Long durationMs, long spanCount, SessionView.TokensView tokens, BigDecimal costUsd) {

        static TraceItem of(TraceSummary summary) {
            Trace t = summary.trace();
            TraceRollup r = summary.rollup() == null ? TraceRollup.EMPTY : summary.rollup();
            return new TraceItem(t.id(), t.agentId(), t.name(), t.status() == null ? null : t.status().wire(),
                    t.error(), t.startedAt(), t.endedAt(), t.durationMs(), r.spanCount(),
                    new SessionView.TokensView(r.inputTokens(), r.outputTokens(), r.totalTokens()), r.costUsd());
        }
    }

    /** A tool call or code generation of one of the session's traces. */
    record StepItem(String id, String traceId, String kind, String name, String toolName, String status,
            String error, Instant startedAt, Instant endedAt, Long durationMs) {

        static StepItem of(Span s) {
            return new StepItem(s.id(), s.traceId(), s.kind() == null ? null : s.kind().wire(), s.name(),
                    s.toolName(), s.status() == null ? null : s.status().wire(), s.error(), s.startedAt(),
                    s.endedAt(), s.durationMs());
        }
    }
}
