package dev.sextant.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code sextant alerts}: the workspace's alerts from {@code GET /api/v1/alerts}, newest first. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Alerts, newest first: firing, acknowledged or resolved.",
        footer = {"", "The key needs analytics:view. " + ExitCode.HELP})
final class AlertsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    enum Status { firing, acknowledged, resolved }

    @Option(names = "--status", paramLabel = "STATUS", description = "firing, acknowledged or resolved (default: all).")
    Status status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", converter = Converters.Limit.class,
            description = "At most this many alerts, 1-100 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the server's JSON answer instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("status", status == null ? null : status.name());
        parameters.put("page_size", Integer.toString(limit));
        JsonNode answer = client.read("/api/v1/alerts", parameters, "read alerts");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(answer);
            return ExitCode.OK;
        }
        JsonNode items = answer.path("items");
        if (items.isEmpty()) {
            out.println(status == null ? "No alerts." : "No " + status + " alerts.");
            return ExitCode.OK;
        }
        out.println(String.format("%-13s %-9s %-21s %-21s %6s  %s", "status", "severity", "started", "last seen",
                "times", "title (value)"));
        for (JsonNode a : items) {
            out.println(String.format("%-13s %-9s %-21s %-21s %6s  %s (%s)", a.path("status").asString(),
                    a.path("severity").asString(), a.path("started_at").asString(), a.path("last_seen_at").asString(),
                    Figures.count(a.path("occurrences")), a.path("title").asString(), Figures.number(a.path("value"))));
        }
        if (answer.path("has_more").asBoolean()) {
            out.println("(more: raise --limit or filter by --status)");
        }
        return ExitCode.OK;
    }
}
