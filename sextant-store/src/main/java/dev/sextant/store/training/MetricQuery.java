package dev.sextant.store.training;

import java.util.List;

/**
 * Exact points of a run in (step, logging order): only these metric {@code names} (empty: all),
 * steps in [{@code fromStep}, {@code toStep}] (null: open), at most {@code limit} per page (1 to
 * {@link #MAX_LIMIT}), continuing after {@code cursor} (from {@link MetricPage#nextCursor()}).
 */
public record MetricQuery(List<String> names, Long fromStep, Long toStep, int limit, String cursor) {
    public static final int MAX_LIMIT = 1_000_000;

    public MetricQuery {
        names = names == null ? List.of() : List.copyOf(names);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }
}
