package dev.sextant.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.databind.JsonNode;

/**
 * {@code sextant learning patterns}: the frequent context patterns of
 * {@code GET /api/v1/context/patterns} that predict success or failure, one line each with its
 * support, confidence interval, lift and q, then what was analysed and the caps.
 */
@Command(name = "patterns", mixinStandardHelpOptions = true,
        description = "Frequent context patterns (itemsets) that predict success or failure, mined by FP-Growth.",
        footer = {"", "The key needs analytics:view. " + ExitCode.HELP})
final class LearningPatternsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "TIME", converter = Converters.Time.class,
            description = "Start of the range, RFC 3339 (default: 30 days before --to).")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = Converters.Time.class,
            description = "End of the range, RFC 3339 (default: now).")
    Instant to;

    @Option(names = "--agent", paramLabel = "ID", converter = Converters.Name.class,
            description = "Only this agent's interactions.")
    String agent;

    @Option(names = "--min-support", paramLabel = "FRACTION", converter = Fraction.class,
            description = "Share of the interactions a pattern must be in, above 0 up to 1 (server default 0.02).")
    Double minSupport;

    @Option(names = "--min-confidence", paramLabel = "FRACTION", converter = Fraction.class,
            description = "Share of a pattern's interactions with the outcome, above 0 up to 1 (server default 0.6).")
    Double minConfidence;

    @Option(names = "--max-length", paramLabel = "N", description = "Items in a pattern, 1-5 (server default 3).")
    Integer maxLength;

    @Option(names = "--outcome", paramLabel = "OUTCOME", defaultValue = "both",
            description = "success, failure or both (default: ${DEFAULT-VALUE}).")
    String outcome;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", converter = Converters.Limit.class,
            description = "At most this many patterns, 1-100 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the server's JSON answer instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        SextantClient client = ((SextantCli) spec.root().userObject()).client();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", from == null ? null : from.toString());
        parameters.put("to", to == null ? null : to.toString());
        parameters.put("agent_id", agent);
        parameters.put("min_support", minSupport == null ? null : minSupport.toString());
        parameters.put("min_confidence", minConfidence == null ? null : minConfidence.toString());
        parameters.put("max_length", maxLength == null ? null : maxLength.toString());
        parameters.put("outcome", outcome);
        parameters.put("limit", Integer.toString(limit));
        JsonNode answer = client.read("/api/v1/context/patterns", parameters, "read context patterns");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(answer);
            return ExitCode.OK;
        }
        JsonNode settings = answer.path("settings");
        out.println("Context patterns: " + answer.path("from").asString() + " to " + answer.path("to").asString()
                + (answer.path("agent_id").isString() ? " (agent " + answer.path("agent_id").asString() + ")" : ""));
        out.println(String.format(Locale.ROOT, "%s interactions analysed, %s succeeded; min support %s (%s interactions),"
                + " min confidence %s, up to %d items, q <= %s", Figures.count(answer.path("transactions_analysed")),
                Figures.percent(answer.path("success_rate")), Figures.percent(settings.path("min_support")),
                Figures.count(answer.path("min_support_count")), Figures.percent(settings.path("min_confidence")),
                settings.path("max_length").asInt(), Figures.number(settings.path("max_q"))));
        JsonNode rules = answer.path("rules");
        out.println();
        if (rules.isEmpty()) {
            out.println("No pattern found.");
        } else {
            String format = "%-8s %9s %7s %-22s %6s %9s  %s";
            out.println(String.format(Locale.ROOT, format, "outcome", "support", "share", "confidence (95%)", "lift",
                    "q", "pattern"));
            for (JsonNode r : rules) {
                JsonNode c = r.path("confidence");
                out.println(String.format(Locale.ROOT, format, r.path("outcome").asString(),
                        Figures.count(r.path("support").path("count")), Figures.percent(r.path("support").path("fraction")),
                        Figures.percent(c.path("value")) + " [" + Figures.percent(c.path("low")) + "–"
                                + Figures.percent(c.path("high")) + "]",
                        String.format(Locale.ROOT, "%.2f", r.path("lift").asDouble()),
                        String.format(Locale.ROOT, "%.2g", r.path("q").asDouble()),
                        String.join(" AND ", r.path("items").valueStream().map(JsonNode::asString).toList())));
            }
        }
        JsonNode caps = answer.path("caps");
        out.println();
        int found = answer.path("rules_found").asInt();
        out.println("Found " + found + (found == 1 ? " pattern" : " patterns") + " among "
                + answer.path("itemsets_tested").asInt() + " frequent itemsets tested." + (caps.path("transactions_truncated").asBoolean()
                        ? " Only the first " + caps.path("max_transactions").asInt() + " of "
                                + answer.path("transactions_in_range").asLong() + " interactions were analysed." : "")
                + (caps.path("itemsets_truncated").asBoolean()
                        ? " Mining stopped at " + caps.path("max_itemsets").asInt() + " itemsets." : ""));
        return ExitCode.OK;
    }

    /** A share above 0 and at most 1. */
    static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double v = Double.parseDouble(value.strip());
                if (v > 0 && v <= 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("must be a number above 0 and at most 1, was \"" + value + "\"");
        }
    }
}
