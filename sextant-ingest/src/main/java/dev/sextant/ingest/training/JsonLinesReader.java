package dev.sextant.ingest.training;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines, one object a line, each in one of three shapes (told apart per line):
 * <ul>
 *   <li>long: {@code {"step": 1, "name": "train_loss", "value": 0.5, "epoch"?, "timestamp"?}}</li>
 *   <li>wide: {@code {"step": 1, "epoch"?, "timestamp"?, "metrics": {"train_loss": 0.5, ...}}}</li>
 *   <li>flat: {@code {"step": 1, "epoch"?, "timestamp"?, "train_loss": 0.5, ...}}</li>
 * </ul>
 * and a line {@code {"hyperparameters": {...}}} (without {@code step}) gives the run's
 * hyperparameters. A null metric value is "not logged"; any other non-number is reported.
 */
final class JsonLinesReader {
    private static final Set<String> RESERVED = Set.of("step", "epoch", "timestamp", "hyperparameters");

    private final JsonMapper mapper;

    JsonLinesReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    void read(InputStream in, ImportCollector out) throws IOException {
        LineSource lines = new LineSource(in, out.limits().maxLineBytes());
        while (lines.nextContent(out)) {
            long line = lines.number();
            JsonNode node;
            try {
                node = mapper.readTree(lines.bytes(), 0, lines.length());
            } catch (JacksonException e) {
                out.problem(ImportProblem.atLine(line, "the line is not valid JSON: "
                        + ImportJson.describe(e).replaceFirst(" \\(line 1, column (\\d+)\\)$", " (column $1)")
                        + "; it was skipped"));
                continue;
            }
            if (!node.isObject()) {
                out.problem(ImportProblem.atLine(line, "a line must hold a JSON object, was " + ImportJson.kind(node)
                        + "; it was skipped"));
                continue;
            }
            line(line, node, out);
        }
    }

    private static void line(long line, JsonNode node, ImportCollector out) {
        JsonNode params = node.get("hyperparameters");
        if (params != null) {
            if (params.isObject()) {
                params.properties().forEach(p -> out.hyperparameters.put(p.getKey(), ImportJson.plain(p.getValue())));
            } else {
                out.problem(ImportProblem.at(line, "/hyperparameters", "hyperparameters must be an object, was "
                        + ImportJson.kind(params)));
            }
            if (!node.has("step")) {
                return;
            }
        }
        String badStep = ImportJson.invalidStep(node.get("step"));
        if (badStep != null) {
            out.problem(ImportProblem.at(line, "/step", badStep + "; the line was skipped"));
            return;
        }
        long step = ImportJson.step(node.get("step"));
        Double epoch = ImportJson.epoch(node.get("epoch"), line, "/epoch", "the line was kept without it", out);
        Instant time = null;
        JsonNode timeNode = node.get("timestamp");
        if (timeNode != null && !timeNode.isNull()) {
            time = ImportJson.time(timeNode);
            if (time == null) {
                out.problem(ImportProblem.at(line, "/timestamp", Values.TIME_RULE + ", was " + ImportJson.kind(timeNode)
                        + "; the line was kept without it"));
            }
        }
        if (node.has("name")) {
            longLine(line, node, step, epoch, time, out);
        } else if (node.has("metrics")) {
            JsonNode metrics = node.get("metrics");
            if (!metrics.isObject()) {
                out.problem(ImportProblem.at(line, "/metrics", "metrics must be an object of name → number, was "
                        + ImportJson.kind(metrics) + "; the line was skipped"));
                return;
            }
            metrics(line, "/metrics/", metrics, Set.of(), step, epoch, time, out);
        } else {
            metrics(line, "/", node, RESERVED, step, epoch, time, out);
        }
    }

    private static void longLine(long line, JsonNode node, long step, Double epoch, Instant time, ImportCollector out) {
        JsonNode name = node.get("name");
        JsonNode value = node.get("value");
        if (!name.isString()) {
            out.problem(ImportProblem.at(line, "/name", "name must be a string, was " + ImportJson.kind(name)
                    + "; the line was skipped"));
        } else if (value == null || !value.isNumber()) {
            out.problem(ImportProblem.at(line, "/value", "value must be a number (NaN and Infinity allowed), was "
                    + (value == null ? "missing" : ImportJson.kind(value)) + "; the line was skipped"));
        } else {
            out.point(line, "/name", step, epoch, MetricNames.canonical(name.stringValue()), value.doubleValue(), time);
        }
    }

    private static void metrics(long line, String prefix, JsonNode metrics, Set<String> skip,
            long step, Double epoch, Instant time, ImportCollector out) {
        for (Map.Entry<String, JsonNode> metric : metrics.properties()) {
            String key = metric.getKey();
            JsonNode value = metric.getValue();
            if (skip.contains(key) || value.isNull()) {
                continue;
            }
            String pointer = prefix + ImportJson.token(key);
            if (!value.isNumber()) {
                out.problem(ImportProblem.at(line, pointer, key + " must be a number, was " + ImportJson.kind(value)));
            } else {
                out.point(line, pointer, step, epoch, MetricNames.canonical(key), value.doubleValue(), time);
            }
        }
    }
}
