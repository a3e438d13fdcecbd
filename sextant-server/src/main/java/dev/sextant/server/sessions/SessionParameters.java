package dev.sextant.server.sessions;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.FilterValue;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.PageRequest;
import dev.sextant.store.SessionQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sessions list's query parameters. Every wrong one is reported at once, naming it, its value
 * and why; an unknown one (a misspelt {@code agentId}) is refused with the accepted names rather
 * than silently listing everything.
 */
final class SessionParameters {
    static final Set<String> KNOWN = new TreeSet<>(
            List.of("agent_id", "user_id", "from", "to", "status", "page", "page_size", "cursor"));
    /** Ids are 1-256 characters at ingest; a longer filter could never match. */
    static final int MAX_ID_LENGTH = 256;
    private static final int MAX_CURSOR_LENGTH = 2048;
    private static final String TIME = "an RFC 3339 time with an offset, e.g. 2026-11-01T10:00:00Z";

    private final Map<String, String[]> parameters;
    private final List<FieldProblem> problems = new ArrayList<>();

    private SessionParameters(Map<String, String[]> parameters) {
        this.parameters = parameters;
    }

    record Parsed(SessionQuery query, PageRequest page) {}

    static Parsed read(Map<String, String[]> parameters) {
        SessionParameters p = new SessionParameters(parameters);
        for (String name : parameters.keySet()) {
            if (!KNOWN.contains(name)) {
                p.problem(name, "unknown parameter '" + name + "'; known: " + String.join(", ", KNOWN));
            }
        }
        String agent = p.text("agent_id", MAX_ID_LENGTH);
        String user = p.text("user_id", MAX_ID_LENGTH);
        Instant from = p.time("from");
        Instant to = p.time("to");
        Boolean open = null;
        String status = p.text("status", 16);
        if (status != null) {
            switch (status) {
                case "open" -> open = Boolean.TRUE;
                case "ended" -> open = Boolean.FALSE;
                default -> p.problem("status", "status must be one of open, ended, was '" + status + "'");
            }
        }
        Integer page = p.whole("page", "a whole number (1 or more)");
        Integer size = p.whole("page_size", "a whole number between 1 and " + PageRequest.MAX_SIZE);
        String cursor = p.text("cursor", MAX_CURSOR_LENGTH);
        if (page != null && page < 1) {
            p.problem("page", "page must be 1 or more, was " + page);
        }
        if (size != null && (size < 1 || size > PageRequest.MAX_SIZE)) {
            p.problem("page_size", "page_size must be between 1 and " + PageRequest.MAX_SIZE + ", was " + size);
        }
        if (from != null && to != null && !to.isAfter(from)) {
            p.problem("to", "to (" + to + ") must be after from (" + from + ")");
        }
        if (!p.problems.isEmpty()) {
            throw new InvalidRequestException(p.problems);
        }
        return new Parsed(new SessionQuery(from, to, agent, user, open),
                new PageRequest(page == null ? 1 : page, size == null ? PageRequest.DEFAULT_SIZE : size, cursor));
    }

    private String text(String name, int maxLength) {
        return FilterValue.single(parameters.get(name), name, maxLength, problems);
    }

    private Instant time(String name) {
        String raw = text(name, 64);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (RuntimeException e) {
            problem(name, name + " must be " + TIME + ", was '" + raw + "'");
            return null;
        }
    }

    private Integer whole(String name, String expected) {
        String raw = text(name, 16);
        if (raw == null) {
            return null;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            problem(name, name + " must be " + expected + ", was '" + raw + "'");
            return null;
        }
    }

    private void problem(String name, String message) {
        problems.add(FieldProblem.parameter(name, message));
    }
}
