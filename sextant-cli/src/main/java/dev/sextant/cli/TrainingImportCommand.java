package dev.sextant.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code sextant training import FILE --format F --agent A}: {@code POST /api/v1/training/runs/import}
 * with the file streamed as the body and a progress line by bytes sent; then the run it made, the
 * points imported and the parts of the file the server skipped (with their line numbers).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a training log as a new run: a Hugging Face trainer_state.json, a metrics.csv or JSON Lines.",
        footer = {"", "The key needs ingest:write. " + ExitCode.HELP})
final class TrainingImportCommand implements Callable<Integer> {
    static final int PROBLEMS_SHOWN = 10;

    @Spec
    CommandSpec spec;

    enum Format { hf_trainer_state, csv, jsonl }

    @Parameters(index = "0", paramLabel = "FILE", description = "The training log.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "hf_trainer_state, csv or jsonl.")
    Format format;

    @Option(names = "--agent", paramLabel = "ID", required = true, converter = Converters.Name.class,
            description = "The agent the run trains.")
    String agent;

    @Option(names = "--name", paramLabel = "NAME", converter = Converters.Name.class, description = "The run's name.")
    String name;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "fine_tuning",
            description = "fine_tuning (default), few_shot, reinforcement or transfer_learning.")
    TrainingRunsCommand.Type type;

    @Option(names = "--base-model", paramLabel = "MODEL", converter = Converters.Name.class, description = "The base model.")
    String baseModel;

    @Option(names = "--json", description = "Print the server's JSON answer instead of the text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        UploadBody body = UploadBody.of(file, switch (format) {
            case hf_trainer_state -> "application/json";
            case csv -> "text/csv";
            case jsonl -> "application/x-ndjson";
        }, "importing", err);
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("format", format.name());
        parameters.put("agent_id", agent);
        parameters.put("name", name);
        parameters.put("training_type", type.name());
        parameters.put("base_model", baseModel);
        JsonNode answer;
        try {
            answer = client.upload("POST", "/api/v1/training/runs/import", parameters, body, "import a training log",
                    "ingest:write");
        } finally {
            body.done();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(answer);
            return ExitCode.OK;
        }
        List<String> metrics = new ArrayList<>();
        answer.path("metric_names").forEach(n -> metrics.add(n.asString()));
        out.println("Imported " + Figures.count(answer.path("points_imported")) + " points into run "
                + answer.path("run_id").asString() + " (" + answer.path("status").asString() + "), last step "
                + Figures.count(answer.path("last_step")) + (answer.path("last_epoch").isNumber()
                        ? ", epoch " + Figures.number(answer.path("last_epoch")) : "")
                + (metrics.isEmpty() ? "" : "; metrics " + String.join(", ", metrics)) + ".");
        long problems = answer.path("problem_count").asLong(answer.path("problems").size());
        if (problems > 0) {
            out.println(problems == 1 ? "1 part of the file was skipped:"
                    : Figures.count(answer.path("problem_count")) + " parts of the file were skipped:");
            int shown = 0;
            for (JsonNode p : answer.path("problems")) {
                if (shown++ == PROBLEMS_SHOWN) {
                    break;
                }
                String where = p.path("line").isNumber() ? "line " + p.path("line").asLong()
                        : p.path("pointer").isString() ? p.path("pointer").asString() : "file";
                out.println("  " + where + ": " + p.path("message").asString());
            }
            if (problems > Math.min(shown, PROBLEMS_SHOWN)) {
                out.println("  (" + (problems - Math.min(shown, PROBLEMS_SHOWN)) + " more: --json lists what the server kept)");
            }
        }
        out.println("See it: ./sextant training show " + answer.path("run_id").asString());
        return ExitCode.OK;
    }
}
