package dev.sextant.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sextant training log RUN_ID --step N --metric name=value ...}: one point logged by hand,
 * {@code POST /api/v1/training/runs/{id}/metrics} with a batch of one. A value is a number or
 * NaN, Infinity, -Infinity (a diverging loss is data).
 */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Log metrics of a running training run at one step, e.g. --step 100 --metric train_loss=0.42 --metric val_loss=0.51.",
        footer = {"", "Names with a meaning: train_loss, val_loss, grad_norm, learning_rate; any other is a custom metric. "
                + "The key needs ingest:write. " + ExitCode.HELP})
final class TrainingLogCommand implements Callable<Integer> {
    static final int MAX_METRICS = 100;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", converter = Converters.Id.class, description = "The run's id.")
    String runId;

    @Option(names = "--step", paramLabel = "N", required = true, converter = Step.class, description = "The step, 0 or more.")
    long step;

    @Option(names = "--metric", paramLabel = "NAME=VALUE", required = true, converter = Metric.class,
            description = "A metric value (repeatable, up to 100): a number, NaN, Infinity or -Infinity.")
    java.util.List<Map.Entry<String, Double>> metrics;

    @Option(names = "--epoch", paramLabel = "E", converter = Epoch.class, description = "The epoch, a finite number from 0.")
    Double epoch;

    @Option(names = "--timestamp", paramLabel = "TIME", converter = Converters.Time.class,
            description = "When the point was measured, RFC 3339 (default: when the server receives it).")
    Instant timestamp;

    @Override
    public Integer call() {
        if (metrics.size() > MAX_METRICS) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--metric may be given at most " + MAX_METRICS + " times, was " + metrics.size());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, Double> m : metrics) {
            if (values.put(m.getKey(), m.getValue()) != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--metric " + m.getKey() + " is given twice: one value per name and step");
            }
        }
        ObjectNode point = Json.MAPPER.createObjectNode();
        point.put("step", step);
        if (epoch != null) {
            point.put("epoch", epoch);
        }
        if (timestamp != null) {
            point.put("timestamp", timestamp.toString());
        }
        ObjectNode named = point.putObject("metrics");
        values.forEach((name, value) -> {
            if (Double.isFinite(value)) {
                named.put(name, value);
            } else {
                named.put(name, value.isNaN() ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
            }
        });
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("points").add(point);
        SextantCli root = (SextantCli) spec.root().userObject();
        SextantClient client = root.client();
        JsonNode answer = client.post("/api/v1/training/runs/" + Urls.segment(runId) + "/metrics", Map.of(), body,
                "log metrics", "ingest:write");
        if (!answer.path("rejected").isEmpty()) {
            StringBuilder why = new StringBuilder("the server refused the point:");
            for (JsonNode r : answer.path("rejected")) {
                why.append("\n  ").append(r.path("pointer").asString()).append(": ").append(r.path("message").asString());
            }
            throw new CliException(ExitCode.REFUSED, why.toString());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Logged " + answer.path("accepted").asInt() + " " + (answer.path("accepted").asInt() == 1 ? "value" : "values")
                + " to run " + runId + " at step " + step + " (the run's last step: " + Figures.count(answer.path("last_step"))
                + (answer.path("out_of_order").asInt() > 0 ? "; this step is before it, stored in step order all the same" : "")
                + ").");
        return ExitCode.OK;
    }

    /** A step: a whole number from 0. */
    static final class Step implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long n;
            try {
                n = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("must be a whole number, was \"" + value + "\"");
            }
            if (n < 0) {
                throw new TypeConversionException("must be 0 or more, was " + n);
            }
            return n;
        }
    }

    /** An epoch: a finite number from 0. */
    static final class Epoch implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double e = number(value);
            if (!Double.isFinite(e) || e < 0) {
                throw new TypeConversionException("must be a finite number from 0, was " + value);
            }
            return e;
        }
    }

    /** {@code name=value}: a name of 1-250 characters without control characters; a number, NaN, Infinity or -Infinity. */
    static final class Metric implements ITypeConverter<Map.Entry<String, Double>> {
        @Override
        public Map.Entry<String, Double> convert(String text) {
            int eq = text.lastIndexOf('=');
            if (eq < 0) {
                throw new TypeConversionException("must be NAME=VALUE, e.g. train_loss=0.42, was \"" + text + "\"");
            }
            String name = Converters.checked(text.substring(0, eq), 250, "a metric name");
            return Map.entry(name, number(text.substring(eq + 1)));
        }
    }

    private static double number(String value) {
        String v = value.strip();
        switch (v) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        // Java also reads "1e5d", "0x1p3" and "NaN" spelled differently; the wire takes JSON numbers only
        if (!v.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw new TypeConversionException("must be a number (e.g. 0.42, 1e-4), NaN, Infinity or -Infinity, was \"" + value + "\"");
        }
        double d = Double.parseDouble(v);
        if (Double.isInfinite(d)) {
            throw new TypeConversionException("is too large for a double, was \"" + value + "\"");
        }
        return d;
    }
}
