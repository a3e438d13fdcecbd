package dev.sextant.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code sextant hpo suggest STUDY_ID}: {@code POST /api/v1/hpo/studies/{id}/suggest} (it stores
 * nothing): the next hyperparameters to try, one per line, with the expected improvement and why.
 */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = "The next trial of a study: its hyperparameters, the expected improvement and the reason.",
        footer = {"", "The key needs analytics:view, config:write or ingest:write. " + ExitCode.HELP})
final class HpoSuggestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY_ID", converter = Converters.Id.class, description = "The study's id.")
    String studyId;

    @Option(names = "--json", description = "Print the server's JSON answer instead of the text.")
    boolean json;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        JsonNode answer = client.post("/api/v1/hpo/studies/" + Urls.segment(studyId) + "/suggest", Map.of(), null,
                "suggest a trial", "analytics:view");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(answer);
            return ExitCode.OK;
        }
        JsonNode hyper = answer.path("hyperparameters");
        if (answer.path("exhausted").asBoolean() || !hyper.isObject()) {
            out.println("Nothing left to try in study " + studyId + ": " + answer.path("reason").asString());
            return ExitCode.OK;
        }
        out.println("Next trial for study " + studyId + " (" + answer.path("method").asString() + "):");
        int width = 0;
        for (String name : hyper.propertyNames()) {
            width = Math.max(width, name.length());
        }
        for (Map.Entry<String, JsonNode> p : hyper.properties()) {
            out.println(String.format("  %-" + width + "s = %s", p.getKey(), Figures.plain(p.getValue())));
        }
        JsonNode ei = answer.path("expected_improvement");
        out.println("Expected improvement: " + (ei.isNumber() ? Figures.number(ei) : "– (not modelled yet)"));
        out.println("Why: " + answer.path("reason").asString());
        return ExitCode.OK;
    }
}
