package dev.sextant.server.sessions;

import dev.sextant.server.web.QueryParams;
import dev.sextant.store.PageRequest;
import dev.sextant.store.SessionQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sessions list's query parameters. Every wrong one is reported at once, naming it, its value
 * and why; an unknown one (a misspelt {@code agentId}) is refused with the accepted names rather
 * than silently listing everything.
 */
final class SessionParameters {
    static final Set<String> KNOWN = Set.of("agent_id", "user_id", "from", "to", "status", "page", "page_size", "cursor");
    /** Ids are 1-256 characters at ingest; a longer filter could never match. */
    static final int MAX_ID_LENGTH = 256;
    private static final int MAX_CURSOR_LENGTH = 2048;

    private SessionParameters() {}

    record Parsed(SessionQuery query, PageRequest page) {}

    static Parsed read(Map<String, String[]> parameters) {
        QueryParams p = QueryParams.of(parameters, KNOWN);
        String agent = p.text("agent_id", MAX_ID_LENGTH);
        String user = p.text("user_id", MAX_ID_LENGTH);
        Instant from = p.time("from");
        Instant to = p.time("to");
        String status = p.choice("status", List.of("open", "ended"));
        Boolean open = status == null ? null : status.equals("open");
        Integer page = p.value("page", Integer::valueOf, "a whole number (1 or more)");
        Integer size = p.value("page_size", Integer::valueOf, "a whole number between 1 and " + PageRequest.MAX_SIZE);
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
        p.done();
        return new Parsed(new SessionQuery(from, to, agent, user, open),
                new PageRequest(page == null ? 1 : page, size == null ? PageRequest.DEFAULT_SIZE : size, cursor));
    }
}
