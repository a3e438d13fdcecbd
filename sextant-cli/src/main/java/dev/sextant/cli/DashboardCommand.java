package dev.sextant.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sextant dashboard}: the workspace at a glance in the terminal — the KPIs of the last N
 * days beside the N days before, cost per day, the busiest agents, the most failing tools, the
 * firing alerts, the top insights and the budgets' burn with their projections.
 * Every figure is read from the API; nothing is computed here but the changes between periods.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "A terminal summary: KPIs against the previous period, cost per day, agents, failing tools, alerts, insights, budgets.",
        footer = {"", "The key needs analytics:view. " + ExitCode.HELP})
final class DashboardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalyticsOptions options;

    @Option(names = "--days", paramLabel = "N", defaultValue = "7", converter = Converters.Days.class,
            description = "The period: this many days back from --to, compared with the same length before (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        TimeRange now = TimeRange.lastDays(days, options.to, Clock.systemUTC());
        TimeRange before = now.previous();

        JsonNode current = client.read("/api/v1/interactions/stats", options.parameters(now), "read stats");
        JsonNode previous = client.read("/api/v1/interactions/stats", options.parameters(before), "read stats");
        JsonNode satisfaction = client.read("/api/v1/analytics/trends", trend(now, "satisfaction"), "read trends");
        JsonNode satisfactionBefore = client.read("/api/v1/analytics/trends", trend(before, "satisfaction"), "read trends");
        JsonNode cost = client.read("/api/v1/analytics/trends", trend(now, "cost"), "read trends");
        Map<String, String> agentsQuery = options.parameters(now);
        agentsQuery.put("limit", "5");
        JsonNode agents = client.read("/api/v1/analytics/agents", agentsQuery, "read agents");
        Map<String, String> toolsQuery = options.parameters(now);
        toolsQuery.put("limit", "5");
        toolsQuery.put("sort", "failures");
        JsonNode tools = client.read("/api/v1/analytics/tools", toolsQuery, "read tools");
        Map<String, String> alertsQuery = new java.util.LinkedHashMap<>();
        alertsQuery.put("status", "firing");
        alertsQuery.put("page_size", "5");
        JsonNode alerts = client.read("/api/v1/alerts", alertsQuery, "read alerts");
        Map<String, String> insightsQuery = options.parameters(now);
        insightsQuery.remove("model");
        insightsQuery.remove("tag");
        insightsQuery.put("limit", "3");
        JsonNode insights = client.read("/api/v1/insights", insightsQuery, "read insights");
        JsonNode budgets = client.read("/api/v1/budgets", Map.of(), "read budgets");

        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            ObjectNode all = Json.MAPPER.createObjectNode();
            all.put("from", now.from().toString()).put("to", now.to().toString());
            all.set("stats", current);
            all.set("previous_stats", previous);
            all.set("satisfaction", satisfaction);
            all.set("cost_per_day", cost);
            all.set("agents", agents);
            all.set("tools", tools);
            all.set("firing_alerts", alerts);
            all.set("insights", insights);
            all.set("budgets", budgets);
            out.println(all);
            return ExitCode.OK;
        }
        out.println("Sextant, last " + days + " days: " + now.from() + " to " + now.to() + " (data as of "
                + cost.path("data_as_of").asString() + ")");
        out.println();
        out.println(String.format("%-20s %14s %14s %10s", "", "this period", "previous", "change"));
        kpi(out, "interactions", Figures.count(current.path("interactions")), Figures.count(previous.path("interactions")),
                Figures.change(Figures.value(previous.path("interactions")), Figures.value(current.path("interactions"))));
        kpi(out, "cost (USD)", Figures.number(current.path("total_cost_usd")), Figures.number(previous.path("total_cost_usd")),
                Figures.change(Figures.value(previous.path("total_cost_usd")), Figures.value(current.path("total_cost_usd"))));
        kpi(out, "tokens", Figures.count(current.path("tokens").path("total")), Figures.count(previous.path("tokens").path("total")),
                Figures.change(Figures.value(previous.path("tokens").path("total")),
                        Figures.value(current.path("tokens").path("total"))));
        kpi(out, "p95 latency (ms)", Figures.number(current.path("p95_duration_ms")),
                Figures.number(previous.path("p95_duration_ms")),
                Figures.change(Figures.value(previous.path("p95_duration_ms")), Figures.value(current.path("p95_duration_ms"))));
        kpi(out, "error rate", Figures.percent(current.path("error_rate")), Figures.percent(previous.path("error_rate")),
                Figures.pointChange(Figures.value(previous.path("error_rate")), Figures.value(current.path("error_rate"))));
        kpi(out, "hand-off rate", Figures.percent(current.path("handoff_rate")), Figures.percent(previous.path("handoff_rate")),
                Figures.pointChange(Figures.value(previous.path("handoff_rate")), Figures.value(current.path("handoff_rate"))));
        Mean rating = Mean.of(satisfaction);
        Mean ratingBefore = Mean.of(satisfactionBefore);
        kpi(out, "satisfaction", rating.show(), ratingBefore.show(), Figures.change(ratingBefore.value(), rating.value()));

        List<Double> perDay = new ArrayList<>();
        cost.path("series").forEach(s -> s.path("buckets").forEach(b -> perDay.add(Figures.value(b.path("value")))));
        out.println();
        out.println("cost per day        " + (perDay.isEmpty() ? "no data" : Figures.sparkline(perDay)));

        out.println();
        out.println(String.format("%-24s %10s %9s %12s %12s", "agent", "executions", "success", "p95 ms", "cost/exec"));
        for (JsonNode a : agents.path("agents")) {
            out.println(String.format("%-24s %10s %9s %12s %12s", name(a.path("agent_id")), Figures.count(a.path("executions")),
                    Figures.percent(a.path("success_rate")), Figures.number(a.path("p95_latency_ms")),
                    Figures.number(a.path("cost_per_execution_usd"))));
        }
        if (agents.path("agents").isEmpty()) {
            out.println("(no interactions in this period)");
        }
        out.println();
        out.println(String.format("%-24s %10s %9s %12s  %s", "tool (most failures)", "calls", "failing", "p95 ms",
                "top failure"));
        for (JsonNode t : tools.path("tools")) {
            JsonNode reasons = t.path("top_failure_reasons");
            out.println(String.format("%-24s %10s %9s %12s  %s", name(t.path("tool_name")), Figures.count(t.path("calls")),
                    Figures.percent(t.path("failure_rate")), Figures.number(t.path("p95_latency_ms")),
                    reasons.isEmpty() ? "" : reasons.get(0).path("pattern").asString() + " ×"
                            + reasons.get(0).path("count").asLong()));
        }
        if (tools.path("tools").isEmpty()) {
            out.println("(no tool calls in this period)");
        }

        out.println();
        out.println("firing alerts" + (alerts.path("has_more").asBoolean() ? " (first 5)" : ""));
        for (JsonNode a : alerts.path("items")) {
            out.println(String.format("  %-9s %s (since %s)", a.path("severity").asString(), a.path("title").asString(),
                    a.path("started_at").asString()));
        }
        if (alerts.path("items").isEmpty()) {
            out.println("  none");
        }
        out.println();
        out.println("top insights");
        for (JsonNode i : insights.path("insights")) {
            out.println(String.format("  %d. [%s] %s", i.path("rank").asInt(), i.path("severity").asString(),
                    i.path("title").asString()));
        }
        if (insights.path("insights").isEmpty()) {
            out.println("  no significant change against the previous period");
        }
        out.println();
        out.println("budgets");
        for (JsonNode b : budgets.path("budgets")) {
            JsonNode st = b.path("status");
            JsonNode p = st.path("projection");
            String projection = p.path("predicted_usd").isNumber()
                    ? "projected " + Figures.number(p.path("predicted_usd")) + " [" + Figures.number(p.path("lower_usd"))
                            + ", " + Figures.number(p.path("upper_usd")) + "]"
                    : "no projection (" + p.path("method").asString() + ")";
            out.println(String.format("  %-24s %-8s %6s used  $%s of $%s this %s, %s", b.path("name").asString(),
                    st.path("state").asString(), Figures.percent(st.path("used_fraction")),
                    Figures.number(st.path("spent_usd")), Figures.number(b.path("amount_usd")), b.path("period").asString(),
                    projection));
        }
        if (budgets.path("budgets").isEmpty()) {
            out.println("  none (POST /api/v1/budgets)");
        }
        return ExitCode.OK;
    }

    private Map<String, String> trend(TimeRange range, String metric) {
        Map<String, String> p = options.parameters(range);
        p.put("metric", metric);
        p.put("interval", "day");
        return p;
    }

    private static void kpi(PrintWriter out, String label, String now, String before, String change) {
        out.println(String.format("%-20s %14s %14s %10s", label, now, before, change));
    }

    private static String name(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? "(none)" : n.asString();
    }

    /** The mean rating over a range from the daily satisfaction buckets, weighted by their score counts. */
    record Mean(Double value, long samples) {
        static Mean of(JsonNode trend) {
            double sum = 0;
            long n = 0;
            for (JsonNode s : trend.path("series")) {
                for (JsonNode b : s.path("buckets")) {
                    long k = b.path("samples").asLong();
                    if (k > 0 && b.path("value").isNumber()) {
                        sum += b.path("value").asDouble() * k;
                        n += k;
                    }
                }
            }
            return new Mean(n == 0 ? null : sum / n, n);
        }

        String show() {
            return value == null ? "– (n=0)" : Figures.number(value) + " (n=" + samples + ")";
        }
    }
}
