package dev.sextant.server.analytics;

import dev.sextant.server.interactions.InteractionFilters;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.ToolEffectiveness.Sort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of the effectiveness endpoints: {@code limit} (and {@code sort} for tools) of
 * their own, every other one an interaction filter read by {@link InteractionFilters}.
 */
record EffectivenessParameters(InteractionQuery query, Sort sort, int limit) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    static EffectivenessParameters read(Map<String, String[]> parameters, boolean sortAllowed) {
        Map<String, String[]> filters = new HashMap<>(parameters);
        List<FieldProblem> problems = new ArrayList<>();
        String rawLimit = QueryValues.single(filters.remove("limit"), "limit", problems);
        String rawSort = sortAllowed ? QueryValues.single(filters.remove("sort"), "sort", problems) : null;
        int limit = DEFAULT_LIMIT;
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit);
            } catch (NumberFormatException e) {
                limit = 0;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                problems.add(FieldProblem.parameter("limit",
                        "limit must be a whole number between 1 and " + MAX_LIMIT + ", was '" + rawLimit + "'"));
            }
        }
        Sort sort = Sort.USAGE;
        if (rawSort != null) {
            sort = Sort.fromWire(rawSort).orElse(null);
            if (sort == null) {
                problems.add(FieldProblem.parameter("sort", "sort must be one of "
                        + String.join(", ", Arrays.stream(Sort.values()).map(Sort::wire).toList())
                        + ", was '" + rawSort + "'"));
            }
        }
        InteractionQuery query;
        try {
            query = InteractionFilters.query(filters, sortAllowed ? Set.of("limit", "sort") : Set.of("limit"));
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
            query = null;
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new EffectivenessParameters(query, sort, limit);
    }

}
