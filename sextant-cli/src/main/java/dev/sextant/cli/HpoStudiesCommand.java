package dev.sextant.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code sextant hpo studies}: {@code GET /api/v1/hpo/studies}, oldest first, as a table. */
@Command(name = "studies", mixinStandardHelpOptions = true,
        description = "Hyperparameter studies, oldest first: id, name, agent, method, objective, trials, created.",
        footer = {"", "The key needs analytics:view. " + ExitCode.HELP})
final class HpoStudiesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the server's JSON answer instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        JsonNode answer = client.read("/api/v1/hpo/studies", Map.of(), "read hyperparameter studies");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(answer);
            return ExitCode.OK;
        }
        JsonNode studies = answer.path("studies");
        if (studies.isEmpty()) {
            out.println("No hyperparameter studies.");
            return ExitCode.OK;
        }
        String format = "%-24s %-24s %-16s %-12s %-28s %7s  %s";
        out.println(String.format(format, "id", "name", "agent", "method", "objective", "trials", "created"));
        for (JsonNode s : studies) {
            JsonNode objective = s.path("objective");
            out.println(String.format(format, s.path("id").asString(), s.path("name").asString(),
                    TrainingRunsCommand.text(s.path("agent_id")), s.path("method").asString(),
                    objective.path("direction").asString() + " " + objective.path("metric").asString(),
                    Figures.count(s.path("trial_count")), s.path("created_at").asString()));
        }
        return ExitCode.OK;
    }
}
