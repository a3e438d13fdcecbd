package dev.sextant.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The time range and the interaction filters shared by the analytics commands (a picocli mixin). */
final class AnalyticsOptions {
    @Option(names = "--to", paramLabel = "TIME", converter = Converters.Time.class,
            description = "End of the range, RFC 3339 (default: now).")
    Instant to;

    @Option(names = "--agent-id", paramLabel = "ID", description = "Only this agent's interactions.") String agentId;
    @Option(names = "--model", paramLabel = "MODEL", description = "Only interactions that called this model.") String model;
    @Option(names = "--tag", paramLabel = "TAG", description = "Only interactions with this tag.") String tag;

    @Option(names = "--json", description = "Print the server's JSON answer instead of the table.")
    boolean json;

    /** The filters with the range as query parameters; nulls are left out of the query. */
    Map<String, String> parameters(TimeRange range) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("from", range.from().toString());
        p.put("to", range.to().toString());
        p.put("agent_id", agentId);
        p.put("model", model);
        p.put("tag", tag);
        return p;
    }
}
