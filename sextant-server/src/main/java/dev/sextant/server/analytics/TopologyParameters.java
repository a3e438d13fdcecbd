package dev.sextant.server.analytics;

import dev.sextant.server.interactions.InteractionFilters;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.TopologyQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of {@code GET /api/v1/analytics/topology}: every interaction filter selects the
 * traces drawn, except {@code agent_id}, which here names the focus agent (its neighbourhood,
 * wherever it runs in a trace, not only traces it started); {@code min_count} (default 1) drops
 * rarer edges.
 */
final class TopologyParameters {
    static final long MAX_MIN_COUNT = 1_000_000_000L;
    private static final int MAX_AGENT_LENGTH = 1024;

    private TopologyParameters() {
    }

    static TopologyQuery read(Map<String, String[]> parameters) {
        Map<String, String[]> filters = new HashMap<>(parameters);
        List<FieldProblem> problems = new ArrayList<>();
        String focus = QueryValues.single(filters.remove("agent_id"), "agent_id", problems);
        if (focus != null && focus.length() > MAX_AGENT_LENGTH) {
            problems.add(FieldProblem.parameter("agent_id", "agent_id is " + focus.length()
                    + " characters long, over the limit of " + MAX_AGENT_LENGTH));
        }
        String rawMin = QueryValues.single(filters.remove("min_count"), "min_count", problems);
        long minCount = 1;
        if (rawMin != null) {
            try {
                minCount = Long.parseLong(rawMin);
                if (minCount < 1 || minCount > MAX_MIN_COUNT) {
                    problems.add(FieldProblem.parameter("min_count",
                            "min_count must be between 1 and " + MAX_MIN_COUNT + ", was " + rawMin));
                }
            } catch (NumberFormatException e) {
                problems.add(FieldProblem.parameter("min_count",
                        "min_count must be a whole number (1 or more), was '" + rawMin + "'"));
            }
        }
        InteractionQuery traces = null;
        try {
            traces = InteractionFilters.query(filters, Set.of("min_count"));
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new TopologyQuery(traces, focus, minCount);
    }
}
