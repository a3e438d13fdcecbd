package dev.sextant.server.configperf;

import dev.sextant.server.web.QueryParams;
import dev.sextant.store.ConfigurationPerformanceQuery;
import dev.sextant.store.TrendQuery.Interval;
import java.time.Instant;
import java.util.List;

/** What the config-version endpoints read from their {@link QueryParams} beyond plain values. */
final class PerformanceQueries {
    private PerformanceQueries() {}

    /** The series interval ({@code day} or {@code week}), or null when absent or wrong. */
    static Interval interval(QueryParams p, String name) {
        String raw = p.choice(name, List.of("day", "week"));
        return raw == null ? null : Interval.fromWire(raw);
    }

    /** The store query, or every problem found so far (and the query's own cross-field checks) as a 400. */
    static ConfigurationPerformanceQuery query(QueryParams p, String agentId, Instant from, Instant to,
            List<String> versions, Interval series) {
        ConfigurationPerformanceQuery query = null;
        if (!p.hasProblems()) {
            try {
                query = new ConfigurationPerformanceQuery(agentId, from, to, versions, series);
            } catch (IllegalArgumentException e) {
                p.problem(e.getMessage().startsWith("to ") ? "to" : series != null ? "interval" : "from", e.getMessage());
            }
        }
        p.done();
        return query;
    }
}
