package dev.sextant.server.analytics;

import dev.sextant.server.interactions.InteractionFilters;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.InteractionQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of the cost endpoints: each endpoint's own ones (read with the typed
 * methods here), every other one an interaction filter read by {@link InteractionFilters}. All
 * problems are collected and reported at once by {@link #filters()}, which must be called last.
 */
final class CostParameters {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    private static final int MAX_VALUE_LENGTH = 256;

    private final Map<String, String[]> filters;
    private final Map<String, String[]> own = new HashMap<>();
    private final List<FieldProblem> problems = new ArrayList<>();
    private final Set<String> ownNames;

    private CostParameters(Map<String, String[]> parameters, List<String> ownNames) {
        this.filters = new HashMap<>(parameters);
        this.ownNames = Set.copyOf(ownNames);
        for (String name : ownNames) {
            String[] values = filters.remove(name);
            if (values != null) {
                own.put(name, values);
            }
        }
    }

    static CostParameters of(Map<String, String[]> parameters, String... ownNames) {
        return new CostParameters(parameters, List.of(ownNames));
    }

    /** The parameter's single non-empty value, or null when it is absent (a problem when malformed). */
    String text(String name) {
        String[] values = own.get(name);
        if (values == null) {
            return null;
        }
        if (values.length != 1 || values[0].isEmpty()) {
            problem(name, name + " must be given once with a value");
            return null;
        }
        if (values[0].length() > MAX_VALUE_LENGTH) {
            problem(name, name + " is " + values[0].length() + " characters long, over the limit of " + MAX_VALUE_LENGTH);
            return null;
        }
        return values[0];
    }

    int limit() {
        return integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    int integer(String name, int fallback, int min, int max) {
        String raw = text(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value as sent
        }
        problem(name, name + " must be a whole number between " + min + " and " + max + ", was '" + raw + "'");
        return fallback;
    }

    /** A number strictly between the bounds, or null when absent. */
    Double decimal(String name, double above, double below) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(raw);
            if (value > above && value < below) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value as sent
        }
        problem(name, name + " must be a number above " + above + " and below " + below + ", was '" + raw + "'");
        return null;
    }

    void problem(String name, String message) {
        problems.add(FieldProblem.parameter(name, message));
    }

    /** The interaction filters; throws with every problem found so far when there is any. */
    InteractionQuery filters() {
        InteractionQuery query = null;
        try {
            query = InteractionFilters.query(filters, ownNames);
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return query;
    }
}
