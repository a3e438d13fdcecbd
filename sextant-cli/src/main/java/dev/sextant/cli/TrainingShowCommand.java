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

/**
 * {@code sextant training show RUN_ID}: {@code GET /api/v1/training/runs/{id}} as plain text: the
 * run, its summary, the quality verdicts, the predicted final loss with its interval, resources
 * and hyperparameters. Unknown figures print as "–".
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "One training run: summary, quality verdicts, predicted final loss with its interval, resources.",
        footer = {"", "The key needs analytics:view. " + ExitCode.HELP})
final class TrainingShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", converter = Converters.Id.class, description = "The run's id.")
    String runId;

    @Option(names = "--json", description = "Print the server's JSON answer instead of the text.")
    boolean json;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        JsonNode run = client.read("/api/v1/training/runs/" + Urls.segment(runId), Map.of(), "read training run " + runId);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(run);
        } else {
            print(run, out);
        }
        return ExitCode.OK;
    }

    static void print(JsonNode r, PrintWriter out) {
        out.println("Run " + r.path("id").asString() + " (" + r.path("training_type").asString() + ", "
                + r.path("status").asString() + ")" + optional(", name ", r.path("name"))
                + optional(", agent ", r.path("agent_id")) + optional(", base model ", r.path("base_model")));
        out.println("  started " + r.path("started_at").asString() + optional(", ended ", r.path("ended_at"))
                + "; " + Figures.count(r.path("point_count")) + " points, step " + TrainingRunsCommand.steps(r));
        JsonNode error = r.path("error");
        if (error.isObject()) {
            out.println("  error: " + TrainingRunsCommand.text(error.path("type")) + ": "
                    + TrainingRunsCommand.text(error.path("message")));
        }
        JsonNode q = r.path("quality");
        if (q.isObject()) {
            JsonNode s = q.path("summary");
            out.println();
            out.println("Summary: " + s.path("status").asString() + "; best val loss " + Figures.number(s.path("best_validation_loss"))
                    + " at step " + Figures.count(s.path("best_step")) + " (epoch " + Figures.number(s.path("best_epoch"))
                    + "); final train loss " + Figures.number(s.path("final_training_loss")) + ", final val loss "
                    + Figures.number(s.path("final_validation_loss")));
            out.println();
            out.println("Quality");
            for (String[] line : verdicts(q)) {
                out.println(String.format("  %-15s %s", line[0], line[1]));
            }
        }
        JsonNode p = r.path("prediction");
        if (p.isObject()) {
            out.println();
            out.println("Prediction: " + prediction(p));
        }
        JsonNode res = r.path("resources");
        out.println();
        out.println("Resources: " + Figures.number(res.path("gpu_hours")) + " GPU hours, peak memory "
                + Figures.number(res.path("peak_memory_gb")) + " GB, cost "
                + (res.path("cost_usd").isNull() || res.path("cost_usd").isMissingNode() ? "–" : "$" + res.path("cost_usd").asString())
                + ", " + Figures.count(res.path("tokens_processed")) + " tokens");
        List<String> hyper = new ArrayList<>();
        r.path("hyperparameters").properties().forEach(e -> hyper.add(e.getKey() + "=" + Figures.plain(e.getValue())));
        if (!hyper.isEmpty()) {
            out.println("Hyperparameters: " + String.join(", ", hyper));
        }
        JsonNode dataset = r.path("dataset");
        if (dataset.isObject()) {
            out.println("Dataset: " + TrainingRunsCommand.text(dataset.path("name"))
                    + (dataset.path("id").isString() ? " (" + dataset.path("id").asString() + ")" : "")
                    + optional(", split ", dataset.path("split")) + optional(", source ", dataset.path("source"))
                    + (dataset.path("size").isNumber() ? ", " + Figures.count(dataset.path("size")) + " examples" : ""));
        }
    }

    private static List<String[]> verdicts(JsonNode q) {
        List<String[]> lines = new ArrayList<>();
        JsonNode o = q.path("overfitting");
        lines.add(new String[] {"overfitting", o.path("overfitting").asBoolean()
                ? "yes, from evaluation " + Figures.count(o.path("onset_index")) + "; gap " + Figures.number(o.path("final_gap"))
                        + " at the end, " + Figures.number(o.path("gap_at_best")) + " at the best"
                : "no (gap " + Figures.number(o.path("final_gap")) + " at the end)"});
        JsonNode e = q.path("early_stopping");
        String stop = e.path("should_have_stopped").asBoolean()
                ? "should have stopped at evaluation " + Figures.count(e.path("stop_index")) + " ("
                        + e.path("evaluations_after_stop").asInt() + " evaluations after it)"
                : "no patience exhausted";
        lines.add(new String[] {"early stopping", (e.path("stopped_early").asBoolean() ? "stopped early; " : "") + stop
                + "; best at evaluation " + Figures.count(e.path("best_index"))});
        JsonNode c = q.path("convergence");
        lines.add(new String[] {"convergence", (c.path("diverging").asBoolean() ? "diverging"
                : c.path("converged").asBoolean() ? "converged" : "not converged yet") + " (rate " + Figures.number(c.path("rate"))
                + ", tail improvement " + Figures.number(c.path("tail_improvement")) + ")"});
        JsonNode s = q.path("stability");
        lines.add(new String[] {"stability", "loss noise " + Figures.number(s.path("loss_noise")) + " ("
                + Figures.percent(s.path("relative_loss_noise")) + "), " + s.path("gradient_spikes").size()
                + " gradient spikes, " + s.path("nan_count").asInt() + " NaN, " + s.path("infinite_count").asInt() + " infinite"});
        JsonNode w = q.path("overtraining");
        lines.add(new String[] {"overtraining", (w.path("overtrained").asBoolean() ? "yes" : "no") + ": best epoch "
                + Figures.number(w.path("best_epoch")) + " of " + Figures.number(w.path("last_epoch")) + " ("
                + Figures.percent(w.path("best_fraction")) + "), wasted " + Figures.number(w.path("wasted_epochs"))
                + " epochs, " + Figures.number(w.path("wasted_gpu_hours")) + " GPU hours"});
        return lines;
    }

    private static String prediction(JsonNode p) {
        String status = p.path("status").asString();
        if (!p.path("predicted_final_loss").isNumber()) {
            return status + optional(": ", p.path("reason"));
        }
        JsonNode i = p.path("interval");
        String interval = i.isObject()
                ? " (" + Math.round(i.path("level").asDouble() * 100) + "% interval " + Figures.number(i.path("low")) + " to "
                        + Figures.number(i.path("high")) + ")"
                : " (no interval" + optional(": ", p.path("reason")) + ")";
        return p.path("metric").asString() + " at step " + Figures.count(p.path("target_step")) + ": "
                + Figures.number(p.path("predicted_final_loss")) + interval + "; " + TrainingRunsCommand.text(p.path("model"))
                + " fit over " + Figures.count(p.path("points_used")) + " points, rmse " + Figures.number(p.path("rmse"));
    }

    private static String optional(String prefix, JsonNode n) {
        return n.isNull() || n.isMissingNode() ? "" : prefix + n.asString();
    }
}
