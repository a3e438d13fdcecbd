package dev.sextant.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code sextant datasets report ID}: {@code GET /api/v1/datasets/{id}/report} as plain text, findings then recommendations. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "A dataset's quality report: score and components, findings with line numbers, recommendations.",
        footer = {"", "The key needs analytics:view. " + ExitCode.HELP})
final class DatasetsReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", converter = Converters.Id.class, description = "The dataset's id.")
    String id;

    @Option(names = "--json", description = "Print the report's JSON instead of the text.")
    boolean json;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        JsonNode r = client.read("/api/v1/datasets/" + Urls.segment(id) + "/report", Map.of(), "read the report of dataset " + id);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(r);
            return ExitCode.OK;
        }
        out.println("Dataset " + id + ": " + r.path("format").asString() + (r.path("format_detected").asBoolean() ? " (detected)" : "")
                + ", " + Figures.count(r.path("bytes")) + " bytes, " + Figures.count(r.path("lines")) + " lines, "
                + Figures.count(r.path("records")) + " records");
        JsonNode score = r.path("score");
        out.println("Quality score " + Figures.number(score.path("value")) + ": "
                + (score.path("training_ready").asBoolean() ? "ready" : "not ready") + " for training (ready above "
                + Figures.number(score.path("ready_above")) + ")");
        List<String> parts = new ArrayList<>();
        for (JsonNode c : score.path("components")) {
            parts.add(c.path("name").asString() + " " + Figures.number(c.path("value")));
        }
        out.println("  " + String.join(", ", parts));
        out.println();
        JsonNode malformed = r.path("malformed");
        out.println(line("malformed lines", Figures.count(malformed.path("total")) + examples(malformed.path("examples"))));
        out.println(line("complete", Figures.percent(r.path("completeness").path("ratio")) + " of records"));
        JsonNode dup = r.path("duplicates");
        out.println(line("duplicates", Figures.count(dup.path("exact").path("total")) + " exact, "
                + Figures.count(dup.path("near").path("total")) + " near (Jaccard ≥ "
                + Figures.number(dup.path("near").path("jaccard_threshold")) + ")"));
        JsonNode noise = r.path("noise");
        out.println(line("noisy records", Figures.count(noise.path("noisy_records")) + " (empty "
                + Figures.count(noise.path("empty").path("total")) + ", too short " + Figures.count(noise.path("too_short").path("total"))
                + ", too long " + Figures.count(noise.path("too_long").path("total")) + ", encoding damage "
                + Figures.count(noise.path("encoding_damage").path("total")) + ")"));
        JsonNode balance = r.path("class_balance");
        if (balance.isObject()) {
            out.println(line("labels", Figures.count(balance.path("distinct_labels")) + ", imbalance ratio "
                    + Figures.number(balance.path("imbalance_ratio")) + ", normalized entropy "
                    + Figures.number(balance.path("normalized_entropy"))));
            out.println(line("label conflicts", Figures.count(r.path("label_quality").path("conflicting_inputs")) + " inputs, "
                    + Figures.count(r.path("label_quality").path("records_affected")) + " records"));
        }
        JsonNode pii = r.path("pii");
        List<String> kinds = new ArrayList<>();
        for (JsonNode k : pii.path("kinds")) {
            kinds.add(k.path("kind").asString() + " " + Figures.count(k.path("records")));
        }
        out.println(line("PII", Figures.count(pii.path("records_with_pii")) + " records"
                + (kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")")));
        JsonNode tokens = r.path("token_lengths");
        out.println(line("tokens per record", "p50 " + Figures.count(tokens.path("p50")) + ", p90 " + Figures.count(tokens.path("p90"))
                + ", p99 " + Figures.count(tokens.path("p99")) + ", max " + Figures.count(tokens.path("max"))));
        JsonNode recommendations = r.path("recommendations");
        if (!recommendations.isEmpty()) {
            out.println();
            out.println("Recommendations");
            for (JsonNode rec : recommendations) {
                out.println("  - " + rec.asString());
            }
        }
        return ExitCode.OK;
    }

    private static String line(String what, String value) {
        return String.format("  %-18s %s", what, value);
    }

    private static String examples(JsonNode examples) {
        List<String> shown = new ArrayList<>();
        for (JsonNode e : examples) {
            if (shown.size() == 3) {
                shown.add("…");
                break;
            }
            shown.add("line " + e.path("line").asLong() + ": " + e.path("reason").asString());
        }
        return shown.isEmpty() ? "" : " (" + String.join("; ", shown) + ")";
    }
}
