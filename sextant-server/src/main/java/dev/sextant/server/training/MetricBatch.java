package dev.sextant.server.training;

import dev.sextant.ingest.BodyTooLargeException;
import dev.sextant.ingest.MalformedBodyException;
import dev.sextant.store.training.MetricSample;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code POST .../metrics} body read point by point: the good points become samples, each bad
 * one a {@link Rejected} with the JSON Pointer of what is wrong. Values are JSON numbers, null
 * (skipped), or "NaN", "Infinity", "-Infinity" as strings or as the bare tokens Python's
 * {@code json.dumps} writes (this reader allows them; the other endpoints do not).
 */
final class MetricBatch {
    static final int MAX_POINTS = 10_000;
    static final int MAX_METRICS_PER_POINT = 100;
    static final int MAX_NAME = 250;
    static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    private static final Set<String> POINT_FIELDS = Set.of("step", "epoch", "timestamp", "metrics");
    private static final JsonMapper READER = JsonMapper.builder(JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(MAX_BODY_BYTES).build())
            .build()).build();

    record Rejected(String pointer, String message) {}

    /** Too many points: the whole batch is refused (413). */
    static final class TooManyPoints extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyPoints(int points) {
            super("the batch holds " + points + " points, over the limit of " + MAX_POINTS + " per request;"
                    + " split it into smaller batches");
        }
    }

    private final List<MetricSample> samples = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();

    List<MetricSample> samples() {
        return samples;
    }

    List<Rejected> rejected() {
        return rejected;
    }

    static MetricBatch read(InputStream body, Instant receivedAt) throws IOException {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new BodyTooLargeException(MAX_BODY_BYTES);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new MalformedBodyException("the request body is not valid JSON" + where + ": "
                    + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new MalformedBodyException("the request body must be a JSON object {\"points\": [...]}");
        }
        for (String field : root.propertyNames()) {
            if (!field.equals("points")) {
                throw new MalformedBodyException("'" + Fields.shorten(field) + "' is not a field of this request;"
                        + " send {\"points\": [...]}");
            }
        }
        JsonNode points = root.get("points");
        if (points == null || !points.isArray()) {
            throw new MalformedBodyException("points must be an array of points, was "
                    + (points == null ? "missing" : kind(points)));
        }
        if (points.size() > MAX_POINTS) {
            throw new TooManyPoints(points.size());
        }
        MetricBatch batch = new MetricBatch();
        for (int i = 0; i < points.size(); i++) {
            batch.point("/points/" + i, points.get(i), receivedAt);
        }
        return batch;
    }

    private void point(String at, JsonNode p, Instant receivedAt) {
        if (!p.isObject()) {
            reject(at, "a point must be an object, was " + kind(p));
            return;
        }
        for (String field : p.propertyNames()) {
            if (!POINT_FIELDS.contains(field)) {
                reject(at + "/" + Fields.token(field), "'" + Fields.shorten(field) + "' is not a field of a point;"
                        + " known: epoch, metrics, step, timestamp");
                return;
            }
        }
        JsonNode step = p.get("step");
        if (step == null || step.isNull()) {
            reject(at + "/step", "step is required");
            return;
        }
        if (!step.isIntegralNumber() || !step.canConvertToLong()) {
            reject(at + "/step", "step must be a whole number, was " + kind(step));
            return;
        }
        if (step.asLong() < 0) {
            reject(at + "/step", "step must be 0 or more, was " + step.asLong());
            return;
        }
        Double epoch = null;
        JsonNode e = p.get("epoch");
        if (e != null && !e.isNull()) {
            if (!e.isNumber() || !Double.isFinite(e.asDouble()) || e.asDouble() < 0) {
                reject(at + "/epoch", "epoch must be a finite number, 0 or more, was " + kind(e));
                return;
            }
            epoch = e.asDouble();
        }
        Instant time = receivedAt;
        JsonNode t = p.get("timestamp");
        if (t != null && !t.isNull()) {
            try {
                time = t.isString() ? OffsetDateTime.parse(t.asString()).toInstant() : null;
            } catch (DateTimeParseException ex) {
                time = null;
            }
            if (time == null) {
                reject(at + "/timestamp", "timestamp must be an RFC 3339 time like 2026-11-01T10:00:00Z, was " + kind(t));
                return;
            }
        }
        JsonNode metrics = p.get("metrics");
        if (metrics == null || !metrics.isObject()) {
            reject(at + "/metrics", "metrics must be an object of metric name to value, was "
                    + (metrics == null ? "missing" : kind(metrics)));
            return;
        }
        if (metrics.size() > MAX_METRICS_PER_POINT) {
            reject(at + "/metrics", "a point holds at most " + MAX_METRICS_PER_POINT + " metrics, this one "
                    + metrics.size());
            return;
        }
        List<MetricSample> values = new ArrayList<>();
        for (Map.Entry<String, JsonNode> m : metrics.properties()) {
            String name = m.getKey();
            String bad = Fields.badName("a metric name", name, MAX_NAME);
            if (bad != null) {
                reject(name.length() > MAX_NAME ? at + "/metrics" : at + "/metrics/" + Fields.token(name), bad);
                return;
            }
            JsonNode v = m.getValue();
            if (v.isNull()) {
                continue;
            }
            Double value = value(v);
            if (value == null) {
                reject(at + "/metrics/" + Fields.token(name), "metric '" + name + "' must be a number, null, or one of"
                        + " \"NaN\", \"Infinity\", \"-Infinity\"; was " + kind(v));
                return;
            }
            values.add(new MetricSample(step.asLong(), epoch, name, value, time));
        }
        samples.addAll(values);
    }

    private static Double value(JsonNode v) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isString()) {
            return switch (v.asString()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> null;
            };
        }
        return null;
    }

    private void reject(String pointer, String message) {
        rejected.add(new Rejected(pointer, message));
    }

    private static String kind(JsonNode n) {
        if (n.isString()) {
            return "the string '" + Fields.shorten(n.asString()) + "'";
        }
        if (n.isNumber()) {
            return n.asString();
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).replaceAll("\\s*\\[Source:.*$", "");
    }
}
