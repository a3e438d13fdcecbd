package dev.sextant.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sextant learning insights [--agent A] [--from T] [--to T]}: the active learnings with
 * their application success (95% Wilson), the baseline difference, the confidence (Beta
 * posterior, 95% credible interval) and its direction, from {@code GET /api/v1/learnings}; then
 * the best tool and model per task type and the learnings recommended for wider use, from
 * {@code GET /api/v1/learnings/recommendations}. The time range applies to the recommendations and
 * to the learnings' baselines (the server's default window otherwise: the 90 days up to now).
 */
@Command(name = "insights", mixinStandardHelpOptions = true,
        description = "Learnings with their application success, confidence and trend; the best tool and model per"
                + " task type.",
        footer = {"", "The key needs analytics:view. " + ExitCode.HELP})
final class LearningInsightsCommand implements Callable<Integer> {
    static final int PAGE_SIZE = 200;

    @Spec
    CommandSpec spec;

    @Option(names = "--agent", paramLabel = "ID", converter = Converters.Name.class,
            description = "Only this agent's learnings and traces.")
    String agent;

    @Option(names = "--from", paramLabel = "TIME", converter = Converters.Time.class,
            description = "Recommendations and baselines from traces started at or after this RFC 3339 time.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = Converters.Time.class,
            description = "Recommendations and baselines from traces started before this RFC 3339 time.")
    Instant to;

    @Option(names = "--json", description = "Print the server's two JSON answers as one object instead of tables.")
    boolean json;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        Map<String, String> listing = new LinkedHashMap<>();
        if (agent != null) {
            listing.put("agent_id", agent);
        }
        listing.put("status", "active");
        listing.put("page_size", Integer.toString(PAGE_SIZE));
        if (from != null) {
            listing.put("from", from.toString());
        }
        if (to != null) {
            listing.put("to", to.toString());
        }
        JsonNode learnings = client.read("/api/v1/learnings", listing, "read the learnings");
        Map<String, String> filters = new LinkedHashMap<>();
        if (agent != null) {
            filters.put("agent_id", agent);
        }
        if (from != null) {
            filters.put("from", from.toString());
        }
        if (to != null) {
            filters.put("to", to.toString());
        }
        JsonNode recommendations = client.read("/api/v1/learnings/recommendations", filters,
                "read the recommendations");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode both = JsonNodeFactory.instance.objectNode();
            both.set("learnings", learnings.path("learnings"));
            both.set("recommendations", recommendations);
            out.println(both);
            return ExitCode.OK;
        }
        printLearnings(out, learnings.path("learnings"));
        out.println();
        printTasks(out, recommendations);
        out.println();
        printWiderUse(out, recommendations.path("learnings"));
        return ExitCode.OK;
    }

    private void printLearnings(PrintWriter out, JsonNode learnings) {
        out.println("Active learnings" + (agent == null ? "" : " of " + agent) + " (" + learnings.size() + ")");
        if (learnings.isEmpty()) {
            out.println("  none");
            return;
        }
        String format = "%-24s %7s %7s %-15s %-24s %10s %-15s %-8s";
        out.println(String.format(Locale.ROOT, format, "id", "applied", "success", "95% CI", "vs baseline (p)",
                "confidence", "95% credible", "trend"));
        for (JsonNode l : learnings) {
            JsonNode apps = l.path("applications");
            JsonNode diff = l.path("difference");
            JsonNode conf = l.path("confidence");
            out.println(String.format(Locale.ROOT, format, cut(l.path("id").asString(), 24), Figures.count(apps.path("total")),
                    Figures.percent(apps.path("success_rate")), range(apps.path("ci_low"), apps.path("ci_high")),
                    versus(diff), Figures.percent(conf.path("value")), range(conf.path("ci_low"), conf.path("ci_high")),
                    conf.path("direction").asString()));
            out.println("  " + cut(l.path("statement").asString(), 100));
        }
    }

    private static void printTasks(PrintWriter out, JsonNode answer) {
        out.println("Best tool and model per task type (at least " + answer.path("min_traces").asInt()
                + " traces each; Fisher's exact test, Holm-adjusted, alpha " + answer.path("alpha").asDouble() + ")");
        if (answer.path("tasks").isEmpty()) {
            out.println("  no task type with tool or model use in this range");
            return;
        }
        String format = "%-20s %-6s %-16s %-36s %-36s %-24s %s";
        out.println(String.format(Locale.ROOT, format, "task type", "pick", "verdict", "best (traces, success, 95% CI)",
                "runner-up", "difference (95% CI)", "p (adjusted)"));
        for (JsonNode t : answer.path("tasks")) {
            for (String kind : new String[] {"tool", "model"}) {
                JsonNode p = t.path(kind);
                if (p.path("best").isNull() || p.path("best").isMissingNode()) {
                    continue;
                }
                out.println(String.format(Locale.ROOT, format, cut(t.path("task_type").asString(), 20), kind,
                        p.path("verdict").asString().replace('_', ' '), candidate(p.path("best")),
                        candidate(p.path("runner_up")), difference(p), p.path("p_value").isNumber()
                                ? pValue(p.path("p_value")) + " (" + pValue(p.path("p_value_adjusted")) + ")" : "–"));
            }
        }
    }

    private static void printWiderUse(PrintWriter out, JsonNode learnings) {
        out.println("Recommended for wider use (confidence high and rising)");
        if (learnings.isEmpty()) {
            out.println("  none yet");
        }
        for (JsonNode l : learnings) {
            out.println(String.format(Locale.ROOT, "  %s: confidence %s (%s), %s outcomes, success %s — %s",
                    l.path("id").asString(), Figures.percent(l.path("confidence")),
                    range(l.path("ci_low"), l.path("ci_high")), Figures.count(l.path("outcomes")),
                    Figures.percent(l.path("success_rate")), cut(l.path("statement").asString(), 80)));
        }
    }

    private static String candidate(JsonNode c) {
        if (c.isNull() || c.isMissingNode()) {
            return "–";
        }
        return cut(c.path("name").asString(), 14) + " (" + Figures.count(c.path("traces")) + ", "
                + Figures.percent(c.path("success_rate")) + ", " + range(c.path("ci_low"), c.path("ci_high")) + ")";
    }

    private static String difference(JsonNode p) {
        if (!p.path("difference").isNumber()) {
            return "–";
        }
        return points(p.path("difference").asDouble()) + " (" + points(p.path("ci_low").asDouble()) + " to "
                + points(p.path("ci_high").asDouble()) + ")";
    }

    private static String versus(JsonNode diff) {
        if (!diff.path("value").isNumber()) {
            return "–";
        }
        return points(diff.path("value").asDouble()) + " (p " + pValue(diff.path("p_value")) + ")";
    }

    private static String points(double v) {
        return String.format(Locale.ROOT, "%+.1f pt", v * 100);
    }

    private static String pValue(JsonNode p) {
        if (!p.isNumber()) {
            return "–";
        }
        double v = p.asDouble();
        return v < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String range(JsonNode low, JsonNode high) {
        return low.isNumber() && high.isNumber() ? Figures.percent(low) + "-" + Figures.percent(high) : "–";
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
