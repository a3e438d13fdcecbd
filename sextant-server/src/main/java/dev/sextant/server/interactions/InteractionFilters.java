package dev.sextant.server.interactions;

import dev.sextant.model.Status;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.FilterValue;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.InteractionQuery;
import dev.sextant.store.PageRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the query parameters of the interaction endpoints into the store's query records.
 * Every wrong parameter is reported at once, naming the parameter, its value and why; unknown
 * parameters are refused so that a misspelt filter ({@code agentId}) never silently selects all.
 */
public final class InteractionFilters {
    static final Set<String> FILTERS = Set.of("agent_id", "conversation_id", "session_id", "user_id", "model",
            "min_confidence", "max_confidence", "handoff", "status", "message_type", "tag", "from", "to");
    static final Set<String> PAGING = Set.of("page", "page_size", "cursor");
    private static final int MAX_VALUE_LENGTH = 1024;

    private final Map<String, String[]> parameters;
    private final List<FieldProblem> problems = new ArrayList<>();

    private InteractionFilters(Map<String, String[]> parameters) {
        this.parameters = parameters;
    }

    public static InteractionQuery query(Map<String, String[]> parameters, boolean pagingAllowed) {
        return query(parameters, pagingAllowed ? PAGING : Set.of());
    }

    /**
     * The filters of {@code parameters}, where {@code ownParameters} are the endpoint's own (read
     * by the endpoint, not here): they are not refused as unknown, and an unknown parameter's
     * message lists them among the accepted ones.
     */
    public static InteractionQuery query(Map<String, String[]> parameters, Set<String> ownParameters) {
        InteractionFilters filters = new InteractionFilters(parameters);
        filters.refuseUnknown(ownParameters);
        InteractionQuery query = filters.buildQuery();
        filters.throwIfAny();
        return query;
    }

    static PageRequest page(Map<String, String[]> parameters) {
        InteractionFilters filters = new InteractionFilters(parameters);
        Integer page = filters.value("page", Integer::parseInt, "a whole number (1 or more)");
        Integer size = filters.value("page_size", Integer::parseInt, "a whole number between 1 and " + PageRequest.MAX_SIZE);
        String cursor = filters.text("cursor");
        if (page != null && page < 1) {
            filters.problem("page", "page must be 1 or more, was " + page);
        }
        if (size != null && (size < 1 || size > PageRequest.MAX_SIZE)) {
            filters.problem("page_size", "page_size must be between 1 and " + PageRequest.MAX_SIZE + ", was " + size);
        }
        filters.throwIfAny();
        return new PageRequest(page == null ? 1 : page, size == null ? PageRequest.DEFAULT_SIZE : size, cursor);
    }

    private void refuseUnknown(Set<String> ownParameters) {
        for (String name : parameters.keySet()) {
            if (!FILTERS.contains(name) && !ownParameters.contains(name)) {
                problem(name, "unknown parameter '" + name + "'; known: " + known(ownParameters));
            }
        }
    }

    private static String known(Set<String> ownParameters) {
        List<String> names = new ArrayList<>(FILTERS);
        names.addAll(ownParameters);
        return String.join(", ", names.stream().sorted().toList());
    }

    private InteractionQuery buildQuery() {
        InteractionQuery.Builder q = InteractionQuery.builder()
                .agentId(text("agent_id"))
                .conversationId(text("conversation_id"))
                .sessionId(text("session_id"))
                .userId(text("user_id"))
                .model(text("model"))
                .messageType(text("message_type"))
                .tag(text("tag"))
                .from(value("from", InteractionFilters::instant, "an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z"))
                .to(value("to", InteractionFilters::instant, "an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z"))
                .minConfidence(value("min_confidence", InteractionFilters::decimal, "a number between 0 and 1"))
                .maxConfidence(value("max_confidence", InteractionFilters::decimal, "a number between 0 and 1"))
                .handoff(value("handoff", InteractionFilters::bool, "true or false"))
                .status(value("status", InteractionFilters::status, "one of ok, error, unset"));
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return q.build();
        } catch (IllegalArgumentException e) {
            // The record's own cross-field checks (to after from, min <= max, 0..1).
            problems.add(FieldProblem.parameter(crossFieldName(e.getMessage()), e.getMessage()));
            return null;
        }
    }

    private static String crossFieldName(String message) {
        for (String name : List.of("min_confidence", "max_confidence", "to")) {
            if (message.startsWith(name)) {
                return name;
            }
        }
        return "from";
    }

    private String text(String name) {
        return FilterValue.single(parameters.get(name), name, MAX_VALUE_LENGTH, problems);
    }

    private <T> T value(String name, Function<String, T> parse, String expected) {
        String raw = text(name);
        if (raw == null) {
            return null;
        }
        try {
            return parse.apply(raw);
        } catch (RuntimeException e) {
            problem(name, name + " must be " + expected + ", was '" + raw + "'");
            return null;
        }
    }

    private void problem(String name, String message) {
        problems.add(FieldProblem.parameter(name, message));
    }

    private void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static Instant instant(String raw) {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Double decimal(String raw) {
        double d = Double.parseDouble(raw);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("not a finite number");
        }
        return d;
    }

    private static Boolean bool(String raw) {
        return switch (raw) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(raw);
        };
    }

    private static Status status(String raw) {
        return Status.fromWire(raw).orElseThrow(() -> new IllegalArgumentException(raw));
    }
}
