package dev.sextant.store;

import dev.sextant.store.TrendQuery.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a configuration-performance read is about: the traces that carry a config version,
 * optionally of one agent, started in {@code [from, to)} (either bound optional), optionally only
 * the listed {@code versions}. With a {@code series} interval the answer also holds one point per
 * version and bucket that has traces; then both bounds are required so the buckets are bounded.
 */
public record ConfigurationPerformanceQuery(String agentId, Instant from, Instant to, List<String> versions,
        Interval series) {

    /** At most this many versions may be listed, each at most {@link #MAX_TEXT} characters. */
    public static final int MAX_VERSIONS = 100;
    public static final int MAX_TEXT = 256;

    public ConfigurationPerformanceQuery {
        versions = versions == null ? List.of() : List.copyOf(versions);
        if (agentId != null && (agentId.isEmpty() || agentId.length() > MAX_TEXT)) {
            throw new IllegalArgumentException("agent_id must be 1 to " + MAX_TEXT + " characters, was "
                    + agentId.length());
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("to (" + to + ") must be after from (" + from + ")");
        }
        if (versions.size() > MAX_VERSIONS) {
            throw new IllegalArgumentException("at most " + MAX_VERSIONS + " config versions may be listed, were "
                    + versions.size());
        }
        for (String v : versions) {
            Objects.requireNonNull(v, "a config version");
            if (v.isEmpty() || v.length() > MAX_TEXT) {
                throw new IllegalArgumentException("a config version must be 1 to " + MAX_TEXT
                        + " characters, one was " + v.length());
            }
        }
        if (series != null) {
            if (from == null || to == null) {
                throw new IllegalArgumentException("from and to are both required for a series (every bucket is bounded)");
            }
            long approx = Duration.between(from, to).dividedBy(series.approximate()) + 1;
            if (approx > TrendQuery.MAX_BUCKETS) {
                throw new IllegalArgumentException("interval " + series.wire() + " over " + from + " .. " + to
                        + " gives about " + approx + " buckets; at most " + TrendQuery.MAX_BUCKETS + " are allowed");
            }
        }
    }

    /** Every version of every agent, all time, no series. */
    public static ConfigurationPerformanceQuery all() {
        return new ConfigurationPerformanceQuery(null, null, null, List.of(), null);
    }
}
