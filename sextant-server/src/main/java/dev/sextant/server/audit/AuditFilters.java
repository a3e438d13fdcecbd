package dev.sextant.server.audit;

import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.audit.AuditQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The audit log's query parameters, validated together: every problem reported at once. */
final class AuditFilters {
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_VALUE = 256;
    private static final Set<String> LIST_PARAMS = Set.of("action", "actor", "target_type", "target_id", "from", "to",
            "cursor", "page_size");
    private static final Set<String> EXPORT_PARAMS = Set.of("action", "actor", "target_type", "target_id", "from", "to",
            "format");

    private AuditFilters() {}

    static AuditQuery query(Map<String, String> params, boolean paged) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> known = paged ? LIST_PARAMS : EXPORT_PARAMS;
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                problems.add(FieldProblem.parameter(printable(name), "unknown parameter '" + printable(name)
                        + "'; the parameters are " + String.join(", ", known.stream().sorted().toList())));
            }
        }
        String action = text(params, "action", problems);
        String actor = text(params, "actor", problems);
        String targetType = text(params, "target_type", problems);
        String targetId = text(params, "target_id", problems);
        Instant from = time(params, "from", problems);
        Instant to = time(params, "to", problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(FieldProblem.parameter("to", "to must be after from (" + from + "), was " + to));
        }
        int size = paged ? pageSize(params.get("page_size"), problems) : AuditLogController.exportPage();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String cursor = paged ? params.get("cursor") : null;
        return new AuditQuery(action, actor, targetType, targetId, from, to,
                cursor == null || cursor.isEmpty() ? null : cursor, size);
    }

    private static String text(Map<String, String> params, String name, List<FieldProblem> problems) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_VALUE) {
            problems.add(FieldProblem.parameter(name, name + " is " + value.length() + " characters, over the limit of "
                    + MAX_VALUE));
            return null;
        }
        if (value.indexOf('\u0000') >= 0) {
            return "\u0001no-match"; // PostgreSQL refuses NUL in text; no stored value contains one
        }
        return value;
    }

    private static Instant time(Map<String, String> params, String name, List<FieldProblem> problems) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.parameter(name, name + " must be an RFC 3339 UTC time such as"
                    + " 2026-11-01T00:00:00Z, was '" + printable(value) + "'"));
            return null;
        }
    }

    private static int pageSize(String value, List<FieldProblem> problems) {
        if (value == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(FieldProblem.parameter("page_size", "page_size must be between 1 and " + MAX_PAGE_SIZE + ", was '"
                + printable(value) + "'"));
        return DEFAULT_PAGE_SIZE;
    }

    static String printable(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
