package dev.sextant.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code sextant insights}: the ranked findings of {@code GET /api/v1/insights} for the last N
 * days against the N days before, each with its adjusted p-value and the link that shows it, and
 * what was considered when nothing was found.
 */
@Command(name = "insights", mixinStandardHelpOptions = true,
        description = "What changed significantly: the last N days against the N days before, ranked.",
        footer = {"", "The key needs analytics:view. " + ExitCode.HELP})
final class InsightsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalyticsOptions options;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7", converter = Converters.Days.class,
            description = "The period: this many days back from --to (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", converter = Converters.Limit.class,
            description = "At most this many findings, 1-100 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        TimeRange range = TimeRange.lastDays(days, options.to, Clock.systemUTC());
        Map<String, String> parameters = options.parameters(range);
        parameters.remove("model");
        parameters.remove("tag");
        parameters.put("limit", Integer.toString(limit));
        JsonNode answer = client.read("/api/v1/insights", parameters, "read insights");
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(answer);
            return ExitCode.OK;
        }
        out.println("Insights: " + answer.path("from").asString() + " to " + answer.path("to").asString()
                + " against " + answer.path("previous_from").asString() + " to " + answer.path("previous_to").asString()
                + " (data as of " + answer.path("data_as_of").asString() + ")");
        JsonNode insights = answer.path("insights");
        if (insights.isEmpty()) {
            out.println("No significant change found.");
        }
        for (JsonNode i : insights) {
            JsonNode numbers = i.path("numbers");
            out.println(String.format(Locale.ROOT, "%2d. [%s] %s", i.path("rank").asInt(), i.path("severity").asString(),
                    i.path("title").asString()));
            out.println(String.format(Locale.ROOT, "    %s, adjusted p = %.2g; %s", numbers.path("test").asString(),
                    numbers.path("adjusted_p_value").asDouble(), i.path("links").path("interactions").asString()));
        }
        long candidates = 0;
        long skipped = 0;
        for (JsonNode c : answer.path("considered")) {
            candidates += c.path("candidates").asLong();
            skipped += c.path("skipped_too_little_data").asLong();
        }
        out.println();
        out.println("Considered " + candidates + " candidates; " + skipped + " skipped for too little data.");
        return ExitCode.OK;
    }
}
