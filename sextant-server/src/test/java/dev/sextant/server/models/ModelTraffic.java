package dev.sextant.server.models;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Requests the model-version ITs share: workspaces, keys, versions, evaluations, production traffic. */
final class ModelTraffic {
    private final SextantTestServer server;

    ModelTraffic(SextantTestServer server) {
        this.server = server;
    }

    /** A new workspace; answers its admin key. */
    String workspace(String slug) {
        Response created = server.post("/api/v1/workspaces", ADMIN_KEY, "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    String key(String adminKey, String name, String... scopes) {
        String list = List.of(scopes).stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
        Response created = server.post("/api/v1/api-keys", adminKey, "{\"name\": \"" + name + "\", \"scopes\": [" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    /** A version body: id, label, model id, parent (null: none) and deployment time (null: not deployed). */
    static String version(String id, String label, String model, String parent, Instant deployed) {
        return "{\"id\": \"" + id + "\", \"agent_id\": \"support-bot\", \"version_label\": \"" + label + "\","
                + " \"model_id\": \"" + model + "\", \"base_model\": \"gpt-4o-mini\", \"run_id\": \"run-" + id + "\","
                + " \"training_type\": \"fine_tuning\", \"notes\": \"tuned on November tickets\", \"tags\": [\"prod\", \"eu\"]"
                + (parent == null ? "" : ", \"parent_version_id\": \"" + parent + "\"")
                + (deployed == null ? "" : ", \"deployed_at\": \"" + deployed + "\"") + "}";
    }

    static String evaluation(String benchmark, double accuracy) {
        return "{\"benchmark\": \"" + benchmark + "\", \"metrics\": {\"accuracy\": " + accuracy + ", \"f1\": 0.5},"
                + " \"dataset\": \"support-qa\", \"sample_size\": 500, \"evaluated_at\": \"2026-11-01T10:00:00Z\"}";
    }

    JsonNode created(String path, String key, String json) {
        Response r = server.post(path, key, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    JsonNode ok(String path, String key) {
        Response r = server.get(path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /**
     * Production traces through the real ingest API: {@code perDay} support-bot traces a day for
     * the days given, starting {@code start}, each with one LLM call to {@code model}; the traces
     * of day {@code d} numbered below {@code failures[d]} fail; the first trace of day {@code d}
     * gets {@code user_rating} {@code ratings[d]} when that is above 0.
     */
    void production(String key, String prefix, String model, Instant start, int perDay, int[] failures, int[] ratings) {
        List<String> items = new ArrayList<>();
        for (int d = 0; d < failures.length; d++) {
            for (int i = 0; i < perDay; i++) {
                Instant at = start.plusSeconds(86_400L * d + 600L * i);
                String id = prefix + "-" + d + "-" + i;
                boolean failed = i < failures[d];
                items.add("{\"type\": \"trace\", \"body\": {\"id\": \"" + id + "\", \"agent_id\": \"support-bot\","
                        + " \"name\": \"answer\", \"started_at\": \"" + at + "\", \"ended_at\": \"" + at.plusMillis(900)
                        + "\", \"status\": \"" + (failed ? "error" : "ok") + "\"" + (failed ? ", \"error\": \"timeout\"" : "")
                        + "}}");
                items.add("{\"type\": \"span\", \"body\": {\"id\": \"" + id + "-llm\", \"trace_id\": \"" + id + "\","
                        + " \"kind\": \"llm\", \"name\": \"generate\", \"model\": \"" + model + "\", \"started_at\": \""
                        + at.plusMillis(100) + "\", \"ended_at\": \"" + at.plusMillis(800) + "\"}}");
                if (i == 0 && ratings != null && ratings[d] > 0) {
                    items.add("{\"type\": \"score\", \"body\": {\"id\": \"" + id + "-r\", \"trace_id\": \"" + id
                            + "\", \"name\": \"user_rating\", \"value\": " + ratings[d] + "}}");
                }
            }
        }
        for (int from = 0; from < items.size(); from += 500) {
            String batch = "{\"batch\": [" + String.join(",", items.subList(from, Math.min(items.size(), from + 500))) + "]}";
            Response r = server.post("/api/v1/ingest", key, batch);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
    }
}
