package dev.sextant.server.prompts;

import dev.sextant.server.web.QueryParams;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The window of the prompt analytics: {@code from} and {@code to} (RFC 3339); without {@code to}
 * it ends now, without {@code from} it starts {@link #DEFAULT_SPAN} before {@code to}. Any other
 * parameter is refused.
 */
record PromptWindow(Instant from, Instant to) {
    static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    static PromptWindow of(Map<String, String[]> parameters, Instant now) {
        QueryParams p = QueryParams.of(parameters, "from", "to");
        Instant from = p.time("from");
        Instant to = p.time("to");
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(DEFAULT_SPAN) : from;
        if (!p.hasProblems() && !end.isAfter(start)) {
            p.problem("to", "to (" + end + ") must be after from (" + start + ")");
        }
        p.done();
        return new PromptWindow(start, end);
    }
}
