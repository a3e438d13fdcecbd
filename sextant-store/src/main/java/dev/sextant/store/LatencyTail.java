package dev.sextant.store;

import java.time.Instant;

/**
 * One key's latency: the baseline period's sample count and p95 ({@code percentile_cont}), the
 * current period's sample count and p95, and how many current samples were slower than the
 * baseline's p95 ({@code currentOverBaselineP95}). A key without baseline samples has a null
 * baseline p95 and no count over it.
 */
public record LatencyTail(String key, long baselineN, Double baselineP95Ms, long currentN, Double currentP95Ms,
        long currentOverBaselineP95, Instant newest) {

    /** Per agent over trace durations, or per model over LLM span durations. */
    public enum By { AGENT, MODEL }
}
