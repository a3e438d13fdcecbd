package dev.sextant.store;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What a trend read is about: one metric, bucketed by {@code interval} in UTC, optionally split
 * into series by {@code groupBy}, over the interactions {@code filter} selects. The filter must
 * bound the time range (both {@code from} and {@code to}) so that every bucket can be listed.
 */
public record TrendQuery(Metric metric, Interval interval, GroupBy groupBy, InteractionQuery filter) {

    /** At most this many buckets per series, so one request cannot ask for millions of rows. */
    public static final int MAX_BUCKETS = 2000;

    public TrendQuery {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(filter, "filter");
        if (filter.from() == null || filter.to() == null) {
            throw new IllegalArgumentException("from and to are both required for trends (every bucket is listed)");
        }
        long approx = Duration.between(filter.from(), filter.to()).dividedBy(interval.approximate()) + 1;
        if (approx > MAX_BUCKETS) {
            throw new IllegalArgumentException("interval " + interval.wire() + " over " + filter.from() + " .. "
                    + filter.to() + " gives about " + approx + " buckets; at most " + MAX_BUCKETS + " are allowed");
        }
    }

    /** The measured figure. Wire names are the lower-case constant names. */
    public enum Metric {
        INTERACTIONS, COST, TOKENS, LATENCY_P50, LATENCY_P95, LATENCY_P99, ERROR_RATE, HANDOFF_RATE,
        AVG_CONFIDENCE, SATISFACTION, ACCEPTANCE_RATE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Metric fromWire(String value) {
            for (Metric m : values()) {
                if (m.wire().equals(value)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("metric must be one of " + wires(values()) + ", was '" + value + "'");
        }
    }

    /** Bucket width; buckets start at {@code date_trunc} of the unit in UTC (weeks start on Monday). */
    public enum Interval {
        HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7)), MONTH(Duration.ofDays(28));

        private final Duration approximate;

        Interval(Duration approximate) {
            this.approximate = approximate;
        }

        /** The shortest length of one bucket (months: 28 days), for bounding the bucket count. */
        public Duration approximate() {
            return approximate;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Interval fromWire(String value) {
            for (Interval i : values()) {
                if (i.wire().equals(value)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("interval must be one of " + wires(values()) + ", was '" + value + "'");
        }
    }

    /** What splits the interactions into series; by model or tag an interaction counts under each of its own. */
    public enum GroupBy {
        AGENT, MODEL, MESSAGE_TYPE, CONFIG_VERSION, TAG,
        /** Each tool the interaction called (a trace counts once under each). */
        TOOL,
        /** The interaction's primary intent: the one of highest confidence. */
        INTENT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static GroupBy fromWire(String value) {
            for (GroupBy g : values()) {
                if (g.wire().equals(value)) {
                    return g;
                }
            }
            throw new IllegalArgumentException("group_by must be one of " + wires(values()) + ", was '" + value + "'");
        }
    }

    private static String wires(Enum<?>[] values) {
        StringBuilder s = new StringBuilder();
        for (Enum<?> v : values) {
            s.append(s.isEmpty() ? "" : ", ").append(v.name().toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }
}
