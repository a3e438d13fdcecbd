package dev.sextant.store;

import java.time.Instant;
import java.util.List;

/**
 * Hand-offs among the selected traces: a trace is handed off when its {@code handoff.triggered}
 * is true (as in the interaction filter and stats). Time to hand-off is from the trace's start to
 * the start of its first span of kind {@code handoff}, or the trace's duration when it has none.
 * {@code spanOnlyHandoffs}: traces not handed off that still hold a hand-off span (agent to agent
 * inside one run). {@code dataAsOf}: the newest trace start counted, null when none.
 */
public record HandoffAnalytics(long interactions, long handoffs, Double handoffRate, List<Group> byReason,
        List<Group> byTarget, TimeToHandoff timeToHandoff, Outcome handedOff, Outcome notHandedOff,
        Continuation continuation, long spanOnlyHandoffs, Instant dataAsOf) {

    public HandoffAnalytics {
        byReason = List.copyOf(byReason);
        byTarget = List.copyOf(byTarget);
    }

    /** A reason or target (null: not given) with its count, share of hand-offs and median time to hand-off. */
    public record Group(String key, long handoffs, double share, Double p50TimeToHandoffMs) {
    }

    /** Over the hand-offs with a measurable time; {@code fromSpan} of them measured to a hand-off span. */
    public record TimeToHandoff(long measured, long fromSpan, long fromDuration, Double avgMs, Double p50Ms,
            Double p95Ms) {
    }

    /** What the traces of one side scored, with their count and error rate. */
    public record Outcome(long interactions, long errors, Double errorRate, Feedback feedback) {
    }

    /**
     * Whether the conversation went on: of the hand-offs with a conversation id, how many have a
     * later trace (any, selected or not) in the same conversation.
     */
    public record Continuation(long withConversation, long continued, Double continuedRate) {
    }
}
