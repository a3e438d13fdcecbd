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

/**
 * {@code sextant training runs}: {@code GET /api/v1/training/runs}, newest first, as a table. The
 * best validation loss of each run is the lowest finite {@code val_loss} it logged, read as one
 * downsampled bucket ({@code GET .../metrics?name=val_loss&downsample=1}: one aggregate in the
 * database per run, not the run's quality analysis, whose best stops at the early-stopping point).
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Training runs, newest first: id, agent, type, status, steps, best validation loss, start.",
        footer = {"", "The key needs analytics:view. " + ExitCode.HELP})
final class TrainingRunsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    enum Status { running, completed, failed, stopped }

    enum Type { fine_tuning, few_shot, reinforcement, transfer_learning }

    @Option(names = "--agent", paramLabel = "ID", converter = Converters.Name.class, description = "Only this agent's runs.")
    String agent;

    @Option(names = "--status", paramLabel = "STATUS", description = "running, completed, failed or stopped.")
    Status status;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "fine_tuning, few_shot, reinforcement or transfer_learning.")
    Type type;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", converter = Converters.Limit.class,
            description = "At most this many runs, 1-100 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the server's JSON answer instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("agent_id", agent);
        parameters.put("status", status == null ? null : status.name());
        parameters.put("training_type", type == null ? null : type.name());
        parameters.put("limit", Integer.toString(limit));
        JsonNode answer = client.read("/api/v1/training/runs", parameters, "read training runs");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(answer);
            return ExitCode.OK;
        }
        JsonNode runs = answer.path("runs");
        if (runs.isEmpty()) {
            out.println("No training runs" + (agent == null && status == null && type == null ? "." : " match."));
            return ExitCode.OK;
        }
        String format = "%-24s %-16s %-17s %-9s %13s %13s  %s";
        out.println(String.format(format, "id", "agent", "type", "status", "steps", "best val loss", "started"));
        for (JsonNode r : runs) {
            out.println(String.format(format, r.path("id").asString(), text(r.path("agent_id")),
                    r.path("training_type").asString(), r.path("status").asString(), steps(r),
                    Figures.number(bestValidationLoss(client, r.path("id").asString())), r.path("started_at").asString()));
        }
        if (answer.path("next_cursor").isString()) {
            out.println("(more: raise --limit or filter by --agent, --status or --type)");
        }
        return ExitCode.OK;
    }

    /** "900/3,000", "900" without total_steps, "–" before the first point. */
    static String steps(JsonNode run) {
        JsonNode last = run.path("last_step");
        JsonNode total = run.path("total_steps");
        if (last.isNull() || last.isMissingNode()) {
            return total.isNumber() ? "–/" + Figures.count(total) : "–";
        }
        return Figures.count(last) + (total.isNumber() ? "/" + Figures.count(total) : "");
    }

    private static JsonNode bestValidationLoss(SextantClient client, String runId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("name", "val_loss");
        parameters.put("downsample", "1");
        JsonNode series = client.read("/api/v1/training/runs/" + Urls.segment(runId) + "/metrics", parameters,
                "read the metrics of training run " + runId).path("series");
        return series.isEmpty() ? null : series.get(0).path("buckets").path(0).path("min");
    }

    static String text(JsonNode n) {
        return n.isString() ? n.asString() : "–";
    }
}
