package dev.sextant.analytics.models;

import dev.sextant.store.models.ReliabilityDay;
import java.util.List;

/**
 * Production totals of a version over its days: traces, successes, the success rate (null
 * without traces), LLM calls and failed calls, the trace-weighted mean latency and the
 * rating-weighted mean {@code user_rating} (null without any).
 */
public record Reliability(long traces, long successes, Double successRate, long calls, long callErrors,
        Double meanLatencyMs, long ratings, Double meanRating) {

    public static Reliability of(List<ReliabilityDay> days) {
        long traces = 0;
        long successes = 0;
        long calls = 0;
        long callErrors = 0;
        long latencyN = 0;
        double latencySum = 0;
        long ratings = 0;
        double ratingSum = 0;
        for (ReliabilityDay d : days) {
            traces += d.traces();
            successes += d.successes();
            calls += d.calls();
            callErrors += d.callErrors();
            if (d.meanLatencyMs() != null) {
                latencyN += d.traces();
                latencySum += d.meanLatencyMs() * d.traces();
            }
            if (d.meanRating() != null) {
                ratings += d.ratings();
                ratingSum += d.meanRating() * d.ratings();
            }
        }
        return new Reliability(traces, successes, traces == 0 ? null : successes / (double) traces, calls, callErrors,
                latencyN == 0 ? null : latencySum / latencyN, ratings, ratings == 0 ? null : ratingSum / ratings);
    }
}
