package dev.sextant.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code sextant training efficiency}: {@code GET /api/v1/training/efficiency} as text: totals,
 * compute and cost efficiency, over-trained runs, batch sizes and epochs against the best, and
 * the potential savings in GPU hours and dollars.
 */
@Command(name = "efficiency", mixinStandardHelpOptions = true,
        description = "Compute and cost efficiency of finished runs, over-trained runs, wasteful batch sizes and epochs, potential savings.",
        footer = {"", "The key needs analytics:view. " + ExitCode.HELP})
final class TrainingEfficiencyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--agent", paramLabel = "ID", converter = Converters.Name.class, description = "Only this agent's runs.")
    String agent;

    @Option(names = "--from", paramLabel = "TIME", converter = Converters.Time.class,
            description = "Runs started at or after this time, RFC 3339.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = Converters.Time.class,
            description = "Runs started before this time, RFC 3339.")
    Instant to;

    @Option(names = "--json", description = "Print the server's JSON answer instead of the text.")
    boolean json;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", from == null ? null : from.toString());
        parameters.put("to", to == null ? null : to.toString());
        parameters.put("agent_id", agent);
        JsonNode e = client.read("/api/v1/training/efficiency", parameters, "read training efficiency");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(e);
            return ExitCode.OK;
        }
        out.println("Training efficiency: " + Figures.count(e.path("run_count")) + " finished runs"
                + (e.path("truncated").asBoolean() ? " (the newest 5,000)" : "") + (agent == null ? "" : " of " + agent)
                + (from == null && to == null ? "" : ", started " + (from == null ? "–" : from) + " to " + (to == null ? "–" : to)));
        JsonNode totals = e.path("totals");
        out.println("  totals            " + Figures.number(totals.path("gpu_hours")) + " GPU hours, " + dollars(totals.path("cost_usd"))
                + ", " + Figures.count(totals.path("tokens_processed")) + " tokens");
        out.println("  compute           " + Figures.number(e.path("compute_efficiency").path("improvement_per_gpu_hour"))
                + " val-loss improvement per GPU hour, " + Figures.count(e.path("compute_efficiency").path("tokens_per_gpu_hour"))
                + " tokens per GPU hour");
        out.println("  cost              " + Figures.number(e.path("cost_efficiency").path("improvement_per_dollar"))
                + " val-loss improvement per dollar");
        JsonNode over = e.path("overtrained_runs");
        out.println();
        out.println("Over-trained runs: " + over.size());
        for (JsonNode r : over) {
            out.println("  " + r.path("run_id").asString() + ": best epoch " + Figures.number(r.path("best_epoch")) + " of "
                    + Figures.number(r.path("last_epoch")) + ", " + Figures.number(r.path("wasted_epochs")) + " epochs wasted ("
                    + Figures.number(r.path("wasted_gpu_hours")) + " GPU hours, " + dollars(r.path("wasted_cost_usd")) + ")");
        }
        groups("Batch sizes", e.path("batch_sizes"), out);
        groups("Epochs", e.path("epochs"), out);
        JsonNode savings = e.path("potential_savings");
        List<String> runs = new ArrayList<>();
        savings.path("run_ids").forEach(id -> runs.add(id.asString()));
        out.println();
        out.println("Potential savings: " + Figures.number(savings.path("gpu_hours")) + " GPU hours, "
                + dollars(savings.path("cost_usd")) + (runs.isEmpty() ? "" : " (runs " + String.join(", ", runs) + ")"));
        return ExitCode.OK;
    }

    private static void groups(String title, JsonNode comparison, PrintWriter out) {
        out.println();
        if (!"compared".equals(comparison.path("status").asString())) {
            out.println(title + ": not compared (" + comparison.path("reason").asString(comparison.path("status").asString()) + ")");
            return;
        }
        out.println(title + ": best " + Figures.plain(comparison.path("best_value")));
        for (JsonNode g : comparison.path("groups")) {
            out.println(String.format("  %-8s %d run%s, %s GPU hours per unit of improvement (%sx the best)%s",
                    Figures.plain(g.path("value")), g.path("run_ids").size(), g.path("run_ids").size() == 1 ? "" : "s",
                    Figures.number(g.path("gpu_hours_per_improvement")), Figures.number(g.path("ratio_to_best")),
                    g.path("wasted").asBoolean() ? "; wasted " + Figures.number(g.path("excess_gpu_hours")) + " GPU hours, "
                            + dollars(g.path("excess_cost_usd")) : ""));
        }
    }

    private static String dollars(JsonNode n) {
        return n.isNumber() ? String.format(java.util.Locale.ROOT, "$%,.2f", n.asDouble()) : "$–";
    }
}
