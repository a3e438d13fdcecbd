package dev.sextant.store;

import dev.sextant.model.WorkspaceId;
import java.util.List;

/**
 * The aggregates the insight detectors compare, computed in the database over the traces that
 * start within {@link InsightPeriods#window()} (and the spans and scores of those traces). Each
 * method is one query family; a key (agent, tool, model) appears once, with both sides.
 */
public interface InsightSource {

    /** Per agent: the current period against the baseline period. Traces without an agent are left out. */
    List<SideBySide> agentPeriods(WorkspaceId workspace, InsightPeriods periods);

    /**
     * Per agent: its conversations (traces sharing a conversation id) in the current period
     * against the baseline; a conversation belongs to the period of its first trace in the window,
     * and {@link SideBySide.Side#traces()} counts conversations, {@code totalCostUsd} their cost
     * (ranked per conversation). Errors, hand-offs and latency are not filled in (zero and null).
     */
    List<SideBySide> agentConversationPeriods(WorkspaceId workspace, InsightPeriods periods);

    /**
     * Per agent with at least two config versions in the window: the traces on its newest
     * version (the one first seen last) against those on the version first seen before it.
     */
    List<SideBySide> agentConfigVersions(WorkspaceId workspace, InsightPeriods periods);

    /** Per tool name: failed (status error) tool spans out of all tool spans, in each period. */
    List<RateChange> toolFailures(WorkspaceId workspace, InsightPeriods periods);

    /** Per agent (trace durations) or per model (LLM span durations): the tail against the baseline's p95. */
    List<LatencyTail> latencyTails(WorkspaceId workspace, InsightPeriods periods, LatencyTail.By by);

    /** Per agent: the numeric {@code user_rating} scores of its traces in each period. */
    List<RatingChange> ratings(WorkspaceId workspace, InsightPeriods periods);

    /** Error patterns (normalised as the errors analytics do) seen in the current period and never in the baseline. */
    NewErrors newErrors(WorkspaceId workspace, InsightPeriods periods);
}
