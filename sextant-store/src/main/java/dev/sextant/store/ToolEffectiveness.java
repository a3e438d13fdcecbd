package dev.sextant.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Tool ranking over tool spans (spans with a tool name). A call fails when its span status is
 * error; every other call (ok or unset) counts as a success. {@code dataAsOf}: the newest start
 * time among the counted spans, null when there are none.
 */
public record ToolEffectiveness(List<Tool> tools, Instant dataAsOf) {

    public ToolEffectiveness {
        tools = List.copyOf(tools);
    }

    /** Ranking order; ties break on calls, then the tool name. */
    public enum Sort {
        USAGE, FAILURES, FAILURE_RATE, LATENCY;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Sort> fromWire(String wire) {
            for (Sort s : values()) {
                if (s.wire().equals(wire)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    public record Tool(String toolName, long calls, long failures, Double avgLatencyMs, Double p50LatencyMs,
            Double p95LatencyMs, List<FailureReason> topFailureReasons) {
        public Tool {
            Objects.requireNonNull(toolName, "toolName");
            if (calls < 1 || failures < 0 || failures > calls) {
                throw new IllegalArgumentException("tool " + toolName + ": failures (" + failures
                        + ") must be between 0 and calls (" + calls + "), calls at least 1");
            }
            topFailureReasons = List.copyOf(topFailureReasons);
        }

        public long successes() {
            return calls - failures;
        }

        public double successRate() {
            return successes() / (double) calls;
        }

        public double failureRate() {
            return failures / (double) calls;
        }
    }

    /** An error text with digits and ids replaced ({@code #}, {@code <id>}), how often, and one real example. */
    public record FailureReason(String pattern, long count, String example) {
    }
}
