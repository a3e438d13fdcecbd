package dev.sextant.store.context;

/**
 * How one interaction went. {@code success}: the trace's status is not {@code error}, the
 * platform's definition everywhere (interaction stats, experiments). {@code handoff}: the trace
 * says a hand-off was triggered. {@code durationMs} and {@code costUsd} (the trace's span cost
 * roll-up) as stored; {@code rating}: the mean of the trace's {@code user_rating} scores, null
 * when it has none.
 */
public record Outcome(boolean success, boolean handoff, Long durationMs, Double costUsd, Double rating) {
}
