package dev.sextant.store.jdbc.internal;

import static dev.sextant.store.jdbc.internal.SqlValues.time;

import dev.sextant.model.CostSource;
import dev.sextant.model.Decision;
import dev.sextant.model.Handoff;
import dev.sextant.model.Score;
import dev.sextant.model.Session;
import dev.sextant.model.Span;
import dev.sextant.model.SpanKind;
import dev.sextant.model.Status;
import dev.sextant.model.Trace;
import dev.sextant.model.Usage;

/** Model records as stage rows, in the column order of {@link StageTables}. */
final class TrackingRows {
    private TrackingRows() {}

    static Object[] trace(String workspace, Trace t) {
        Handoff h = t.handoff();
        return new Object[] {
            workspace, t.id(), t.agentId(), t.sessionId(), t.conversationId(), t.userId(), t.name(),
            t.input(), t.output(), wire(t.status()), t.error(), time(t.startedAt()), time(t.endedAt()),
            t.messageType(), JsonCodec.write(t.intents()), t.confidence(),
            h == null ? null : h.triggered(), h == null ? null : h.reason(), h == null ? null : h.target(),
            t.contextSize(), t.configVersion(), t.experimentId(), t.variantId(),
            JsonCodec.write(t.tags()), t.metadata()
        };
    }

    static Object[] span(String workspace, Span s) {
        Usage u = s.usage();
        Decision d = s.decision();
        Handoff h = s.handoff();
        CostSource source = s.costUsd() == null ? null : s.costSource();
        return new Object[] {
            workspace, s.id(), s.traceId(), s.parentId(), wire(s.kind()), s.name(), wire(s.status()), s.error(),
            time(s.startedAt()), time(s.endedAt()), s.model(), s.provider(),
            u == null ? null : u.inputTokens(), u == null ? null : u.outputTokens(),
            u == null ? null : u.cacheReadTokens(), u == null ? null : u.cacheWriteTokens(),
            u == null ? null : u.reasoningTokens(), u == null ? null : u.estimated(),
            s.costUsd(), source == null ? null : source.wire(), s.toolName(),
            d == null ? null : d.point(), d == null ? null : d.chosen(),
            d == null ? null : JsonCodec.write(d.alternatives()), d == null ? null : d.reasoning(),
            s.confidence(),
            h == null ? null : h.triggered(), h == null ? null : h.reason(), h == null ? null : h.target(),
            s.attributes(), s.input(), s.output()
        };
    }

    static Object[] score(String workspace, Score s) {
        return new Object[] {
            workspace, s.id(), s.traceId(), s.spanId(), s.name(), s.value(), s.stringValue(), s.comment(),
            s.source(), s.userId(), time(s.createdAt())
        };
    }

    static Object[] session(String workspace, Session s) {
        return new Object[] {
            workspace, s.id(), s.userId(), s.agentId(), s.context(), time(s.startedAt()), time(s.endedAt())
        };
    }

    private static String wire(Status status) {
        return status == null ? null : status.wire();
    }

    private static String wire(SpanKind kind) {
        return kind == null ? null : kind.wire();
    }
}
