package dev.sextant.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Interactions grouped by their primary intent: of the intents a trace lists, the one with the
 * highest confidence (ties: the first name in byte order), so every trace counts once and cost is
 * never counted twice. {@code interactions} is every selected trace, {@code withoutIntent} those
 * that list none; {@code share} is over the traces with an intent. {@code dataAsOf}: the newest
 * trace start counted, null when none.
 */
public record IntentAnalytics(long interactions, long withoutIntent, List<Group> intents, Instant dataAsOf) {

    public IntentAnalytics {
        intents = List.copyOf(intents);
    }

    /** One intent's figures; latencies in ms ({@code percentile_cont}), rates over its interactions. */
    public record Group(String intent, long interactions, double share, BigDecimal totalCostUsd,
            BigDecimal costPerInteractionUsd, Double p50LatencyMs, Double p95LatencyMs, Double meanIntentConfidence,
            Double meanRating, long ratings, long handoffs, double handoffRate, long errors, double errorRate,
            List<Bucket> series) {
        public Group {
            Objects.requireNonNull(intent, "intent");
            series = series == null ? null : List.copyOf(series);
        }
    }

    /** One time bucket of an intent's series (every bucket of the range is listed, empty ones with zeros). */
    public record Bucket(Instant start, long interactions, long handoffs, long errors, BigDecimal costUsd) {
    }
}
