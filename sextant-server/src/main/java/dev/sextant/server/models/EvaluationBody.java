package dev.sextant.server.models;

import dev.sextant.server.web.TextFields;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.store.models.NewEvaluation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * An evaluation as posted. {@code metrics} is read as JSON (not as numbers) so that a string
 * {@code "0.9"} is a wrong type rather than silently a number; every value must be a finite JSON
 * number. The primary metric ({@code accuracy} unless {@code primary_metric} names another) must
 * be among the metrics and is a fraction from 0 to 1, the scale the comparison's thresholds use.
 */
record EvaluationBody(String benchmark, JsonNode metrics, String primaryMetric, String dataset, Long sampleSize,
        OffsetDateTime evaluatedAt) {
    static final int MAX_TEXT = 256;
    static final int MAX_METRICS = 100;
    static final int MAX_METRIC_NAME = 64;
    static final long MAX_SAMPLE_SIZE = 1_000_000_000L;

    NewEvaluation validated(Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String bench = TextFields.text("benchmark", benchmark, MAX_TEXT, true, problems);
        String data = TextFields.text("dataset", dataset, MAX_TEXT, false, problems);
        String primary = TextFields.text("primary_metric", primaryMetric, MAX_METRIC_NAME, primaryMetric != null, problems);
        if (primary == null && primaryMetric == null) {
            primary = NewEvaluation.DEFAULT_PRIMARY;
        }
        TreeMap<String, Double> values = metrics(problems);
        if (primary != null && values != null) {
            Double p = values.get(primary);
            if (p == null && problems.isEmpty()) {
                problems.add(FieldProblem.field("metrics", "metrics must include the primary metric '" + primary + "'"
                        + (primaryMetric == null ? " (name another with primary_metric)" : "")));
            } else if (p != null && !(p >= 0 && p <= 1)) {
                problems.add(FieldProblem.at("metrics", "/metrics/" + pointer(primary), "the primary metric '" + primary
                        + "' is a fraction from 0 to 1, was " + p));
            }
        }
        if (sampleSize != null && (sampleSize < 1 || sampleSize > MAX_SAMPLE_SIZE)) {
            problems.add(FieldProblem.field("sample_size", "sample_size is the number of examples evaluated, from 1 to "
                    + MAX_SAMPLE_SIZE + ", was " + sampleSize));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new NewEvaluation(bench, values, primary, data, sampleSize,
                evaluatedAt == null ? now : evaluatedAt.toInstant());
    }

    private TreeMap<String, Double> metrics(List<FieldProblem> problems) {
        if (metrics == null || metrics.isNull()) {
            problems.add(FieldProblem.field("metrics", "metrics is required: an object of metric name to number"));
            return null;
        }
        if (!metrics.isObject()) {
            problems.add(FieldProblem.field("metrics", "metrics must be an object of metric name to number, was "
                    + metrics.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
            return null;
        }
        if (metrics.size() == 0 || metrics.size() > MAX_METRICS) {
            problems.add(FieldProblem.field("metrics", "metrics must have 1 to " + MAX_METRICS + " entries, had "
                    + metrics.size()));
            return null;
        }
        TreeMap<String, Double> values = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : metrics.properties()) {
            String name = e.getKey();
            String where = "/metrics/" + pointer(name);
            if (name.isBlank() || name.length() > MAX_METRIC_NAME || name.indexOf('\u0000') >= 0) {
                problems.add(FieldProblem.at("metrics", where, "a metric name is 1 to " + MAX_METRIC_NAME
                        + " characters without NUL, was '" + Texts.shorten(name.replace('\u0000', '?')) + "'"));
                continue;
            }
            JsonNode v = e.getValue();
            if (v.isNumber() && !Double.isFinite(v.asDouble())) {
                problems.add(FieldProblem.at("metrics", where, "metric '" + Texts.shorten(name) + "' must be a finite"
                        + " number; it overflows a 64-bit float"));
                continue;
            }
            if (!v.isNumber()) {
                problems.add(FieldProblem.at("metrics", where, "metric '" + Texts.shorten(name) + "' must be a finite"
                        + " number, was " + Texts.shorten(v.toString())));
                continue;
            }
            values.put(name, v.asDouble());
        }
        return values;
    }

    /** A JSON Pointer token (RFC 6901). */
    static String pointer(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
