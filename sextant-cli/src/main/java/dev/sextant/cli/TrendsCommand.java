package dev.sextant.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code sextant trends}: one metric over the last N days from {@code GET /api/v1/analytics/trends},
 * as a sparkline per series with the last change and the trend verdict, and the buckets of a
 * single series as a table. The metric and grouping names are the server's; it checks them.
 */
@Command(name = "trends", mixinStandardHelpOptions = true,
        description = "A metric over time: sparkline, period-over-period change and trend (improving, stable, declining).",
        footer = {"", "Metrics: interactions, cost, tokens, latency_p50, latency_p95, latency_p99, error_rate, "
                + "handoff_rate, avg_confidence, satisfaction, acceptance_rate. The key needs analytics:view. "
                + ExitCode.HELP})
final class TrendsCommand implements Callable<Integer> {
    static final Set<String> RATES = Set.of("error_rate", "handoff_rate", "acceptance_rate");

    @Spec
    CommandSpec spec;

    @Mixin
    AnalyticsOptions options;

    @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "interactions",
            description = "The metric (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30", converter = Converters.Days.class,
            description = "How many days back from --to (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--interval", paramLabel = "INTERVAL", defaultValue = "day",
            description = "hour, day, week or month (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--group-by", paramLabel = "KEY",
            description = "agent, model, tool, intent, message_type, config_version or tag.")
    String groupBy;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        TimeRange range = TimeRange.lastDays(days, options.to, Clock.systemUTC());
        Map<String, String> parameters = options.parameters(range);
        parameters.put("metric", metric);
        parameters.put("interval", interval);
        parameters.put("group_by", groupBy);
        JsonNode answer = client.read("/api/v1/analytics/trends", parameters, "read trends");
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(answer);
            return ExitCode.OK;
        }
        print(answer, out);
        return ExitCode.OK;
    }

    void print(JsonNode answer, PrintWriter out) {
        boolean rate = RATES.contains(metric);
        out.println(metric + " per " + answer.path("interval").asString() + ", " + answer.path("from").asString()
                + " to " + answer.path("to").asString() + (groupBy == null ? "" : ", by " + groupBy)
                + " (data as of " + answer.path("data_as_of").asString() + ")");
        JsonNode series = answer.path("series");
        if (series.isEmpty()) {
            out.println("no data in this range");
            return;
        }
        int width = 3;
        for (JsonNode s : series) {
            width = Math.max(width, key(s).length());
        }
        for (JsonNode s : series) {
            List<Double> values = new ArrayList<>();
            for (JsonNode b : s.path("buckets")) {
                values.add(Figures.value(b.path("value")));
            }
            JsonNode change = s.path("change");
            Double last = Figures.value(change.path("last"));
            Double previous = Figures.value(change.path("previous"));
            out.println(String.format("%-" + width + "s  %s  last %s (before %s, %s)  %s", key(s),
                    Figures.sparkline(values), show(last, rate), show(previous, rate),
                    rate ? Figures.pointChange(previous, last) : Figures.change(previous, last), verdict(s.path("trend"))));
        }
        if (series.size() == 1) {
            out.println();
            out.println(String.format("%-20s  %14s  %8s", "bucket", metric, "samples"));
            for (JsonNode b : series.get(0).path("buckets")) {
                out.println(String.format("%-20s  %14s  %8s", b.path("start").asString(),
                        show(Figures.value(b.path("value")), rate), Figures.count(b.path("samples"))));
            }
        }
    }

    private static String key(JsonNode series) {
        JsonNode key = series.path("key");
        return key.isNull() || key.isMissingNode() ? "all" : key.asString();
    }

    private static String show(Double value, boolean rate) {
        return value == null ? "–" : rate ? Figures.percent(value) : Figures.number(value);
    }

    private static String verdict(JsonNode trend) {
        String direction = trend.path("direction").asString("stable");
        JsonNode p = trend.path("p_value");
        return p.isNumber() ? String.format(java.util.Locale.ROOT, "%s (p = %.3g)", direction, p.asDouble()) : direction;
    }
}
