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
 * {@code sextant models timeline --agent A}: {@code GET /api/v1/model-versions/timeline}, the
 * agent's versions in order with their accuracy, the improvement over the version before and the
 * rolling improvement; improvements print in accuracy points.
 */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = "An agent's model versions in order: accuracy, improvement on the one before, rolling improvement.",
        footer = {"", "The key needs analytics:view. " + ExitCode.HELP})
final class ModelsTimelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--agent", paramLabel = "ID", required = true, converter = Converters.Name.class,
            description = "The agent.")
    String agent;

    @Option(names = "--window", paramLabel = "N", defaultValue = "3", converter = Converters.Limit.class,
            description = "Versions in the rolling improvement, 1-100 (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--json", description = "Print the server's JSON answer instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("agent_id", agent);
        parameters.put("window", Integer.toString(window));
        JsonNode answer = client.read("/api/v1/model-versions/timeline", parameters, "read the model timeline");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(answer);
            return ExitCode.OK;
        }
        out.println("Model versions of " + agent + " (rolling improvement over " + window + " versions)");
        String format = "%-20s %-12s %-28s %-21s %5s %9s %12s %9s";
        out.println(String.format(format, "id", "label", "model", "deployed", "evals", "accuracy", "improvement", "rolling"));
        for (JsonNode v : answer.path("versions")) {
            out.println(String.format(format, v.path("id").asString(), v.path("version_label").asString(),
                    v.path("model_id").asString(), TrainingRunsCommand.text(v.path("deployed_at")),
                    Figures.count(v.path("evaluations")), Figures.percent(v.path("primary_accuracy")),
                    points(v.path("improvement")), points(v.path("rolling_improvement"))));
        }
        return ExitCode.OK;
    }

    private static String points(JsonNode delta) {
        return delta.isNumber() ? String.format(java.util.Locale.ROOT, "%+.1f pt", delta.asDouble() * 100) : "–";
    }
}
