package dev.sextant.server.predictions;

import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Predictions through the real server, the same scenarios on each store: seeded traces ingested
 * through the ingest API with planted effects (success depends on the agent, handoff on the
 * context's channel), models trained through the endpoint, predictions asked for, and another
 * workspace that never sees or uses them.
 */
abstract class PredictionScenarios {
    /** A Monday midnight UTC about five weeks ago: every run sees the same hours and weekdays. */
    private static final Instant START = LocalDate.now(ZoneOffset.UTC).minusDays(35)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC).toInstant();

    abstract SextantTestServer server();

    void trainPredictAndIsolate(String prefix) {
        String mine = workspace(prefix + "-mine");
        String theirs = workspace(prefix + "-theirs");
        String agent = key(mine, prefix + "-agent", "ingest:write");
        String viewer = key(mine, prefix + "-viewer", "analytics:view");
        ingestPlanted(mine, 600, 42);

        JsonNode before = ok("/api/v1/predictions/models", viewer).get("models");
        assertThat(before).hasSize(6);
        assertThat(before.findValuesAsString("status")).containsOnly("not_trained");
        Response early = predict(agent, "interaction_success", "{\"features\": {\"agent_id\": \"careful\"}}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).isEqualTo("no interaction_success model has been trained"
                + " in this workspace yet; POST /api/v1/predictions/models/interaction_success/train");

        Response trained = server().post("/api/v1/predictions/models/interaction_success/train", mine, "");
        assertThat(trained.status()).as(trained.toString()).isEqualTo(200);
        JsonNode model = trained.json();
        assertThat(model.get("status").asString()).as(model.toString()).isEqualTo("offered");
        assertThat(model.get("version").asInt()).isEqualTo(1);
        assertThat(model.get("train_n").asInt()).isEqualTo(480);
        assertThat(model.get("test_n").asInt()).isEqualTo(120);
        assertThat(model.get("quality").get("auc").asDouble()).isGreaterThan(0.8);
        assertThat(model.get("quality").get("reliability")).hasSize(10);
        assertThat(model.get("reason").asString()).startsWith("better than the baseline: AUC");
        assertThat(model.get("top_features").toString()).contains("agent_id=");
        assertThat(ok("/api/v1/predictions/models/interaction_success", viewer)).isEqualTo(model);

        JsonNode careful = predictOk(agent, "interaction_success",
                "{\"features\": {\"agent_id\": \"careful\", \"input_length\": 40, \"hour_of_day\": 10}}");
        JsonNode hasty = predictOk(viewer, "interaction_success", "{\"features\": {\"agent_id\": \"hasty\"}}");
        assertThat(careful.get("probability").asDouble()).isGreaterThan(0.7);
        assertThat(hasty.get("probability").asDouble()).isLessThan(0.35);
        assertThat(careful.get("offered").asBoolean()).isTrue();
        assertThat(careful.get("model_version").asInt()).isEqualTo(1);
        assertThat(careful.get("quality").get("auc").asDouble()).isEqualTo(model.get("quality").get("auc").asDouble());

        // the context's channel carries the handoff signal
        JsonNode handoff = server().post("/api/v1/predictions/models/handoff/train", mine, "").json();
        assertThat(handoff.get("status").asString()).as(handoff.toString()).isEqualTo("offered");
        assertThat(handoff.get("top_features")).isNotEmpty();
        double phone = predictOk(agent, "handoff", "{\"features\": {\"context\": {\"channel\": \"phone\"}}}")
                .get("probability").asDouble();
        double web = predictOk(agent, "handoff", "{\"features\": {\"context\": {\"channel\": \"web\"}}}")
                .get("probability").asDouble();
        assertThat(phone).isGreaterThan(web + 0.3);

        // no code generations: insufficient data, and not offered for prediction
        JsonNode code = server().post("/api/v1/predictions/models/code_accepted/train", mine, "").json();
        assertThat(code.get("status").asString()).isEqualTo("insufficient_data");
        assertThat(code.get("reason").asString()).isEqualTo("insufficient data: 0 training and 0 test rows, at least"
                + " 200 and 50 needed");
        Response refused = predict(agent, "code_accepted", "{\"features\": {}}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).isEqualTo("the code_accepted model (version 1) is not"
                + " offered: insufficient data: 0 training and 0 test rows, at least 200 and 50 needed");

        // the duration has no planted signal; whatever the verdict, it is reported with its figures
        JsonNode duration = server().post("/api/v1/predictions/models/task_duration/train", mine, "").json();
        assertThat(duration.get("quality").get("scale").asString()).isEqualTo("log1p_ms");
        assertThat(duration.get("quality").has("mae_improvement_ci95")).isTrue();

        // retraining makes a new version
        assertThat(server().post("/api/v1/predictions/models/interaction_success/train", mine, "").json()
                .get("version").asInt()).isEqualTo(2);

        // the other workspace sees none of it and cannot use it
        assertThat(ok("/api/v1/predictions/models", theirs).get("models").findValuesAsString("status"))
                .containsOnly("not_trained");
        assertThat(ok("/api/v1/predictions/models/interaction_success", theirs).get("status").asString())
                .isEqualTo("not_trained");
        assertThat(predict(theirs, "interaction_success", "{\"features\": {\"agent_id\": \"careful\"}}").status())
                .isEqualTo(409);
        // training there finds none of mine's rows
        JsonNode theirModel = server().post("/api/v1/predictions/models/interaction_success/train", theirs, "").json();
        assertThat(theirModel.get("status").asString()).isEqualTo("insufficient_data");
        assertThat(theirModel.get("version").asInt()).isEqualTo(1);

        JsonNode audited = ok("/api/v1/audit-log?action=prediction_model.train", mine).get("items");
        assertThat(audited).hasSize(5);
        assertThat(audited.get(0).get("target").get("id").asString()).isEqualTo("interaction_success");
        assertThat(ok("/api/v1/audit-log?action=prediction_model.train", theirs).get("items")).hasSize(1);
    }

    void scopesAndHostileInput(String prefix) {
        String key = workspace(prefix + "-guard");
        String viewer = key(key, prefix + "-viewer", "analytics:view");
        String agent = key(key, prefix + "-agent", "ingest:write");
        String path = "/api/v1/predictions/interaction_success";
        assertThat(server().get("/api/v1/predictions/models", null).status()).isEqualTo(401);
        assertThat(server().post(path, null, "{\"features\": {}}").status()).isEqualTo(401);
        assertThat(server().post(path, "sk-wrong-key-0123456789", "{\"features\": {}}").status()).isEqualTo(401);
        assertThat(server().get("/api/v1/predictions/models", agent).status()).isEqualTo(403);
        for (String k : List.of(viewer, agent)) {
            assertThat(server().post("/api/v1/predictions/models/handoff/train", k, "").status()).isEqualTo(403);
        }
        assertThat(server().get("/api/v1/predictions/models?target=x", viewer).status()).isEqualTo(400);

        Response unknownTarget = server().post("/api/v1/predictions/churn", viewer, "{\"features\": {}}");
        assertThat(unknownTarget.status()).isEqualTo(404);
        assertThat(server().get("/api/v1/predictions/models/churn", viewer).status()).isEqualTo(404);
        assertThat(server().post("/api/v1/predictions/models/churn/train", key, "").status()).isEqualTo(404);

        problem(viewer, "{\"features\": {\"colour\": \"red\", \"agent_id\": 5, \"hour_of_day\": 24, \"weekday\": 1.5,"
                + " \"input_length\": -1}}", List.of(
                        "/features/colour: unknown feature 'colour'; the features are agent_id, config_version,"
                                + " context, hour_of_day, input_length, intent, message_type, model, tool_name,"
                                + " trace_name, weekday",
                        "/features/agent_id: agent_id must be a string, was the number 5",
                        "/features/hour_of_day: hour_of_day must be between 0 and 23, was 24",
                        "/features/weekday: weekday must be a whole number, was the number 1.5",
                        "/features/input_length: input_length must be between 0 and 2147483647, was -1"));
        problem(viewer, "{\"features\": {\"context\": {\"Bad Type\": 1, \"files\": [{\"a\": 1}], \"n\": \"x\"}}}",
                List.of("/features/context/Bad Type: context type 'Bad Type' must match [a-z][a-z0-9_.]{0,63},"
                        + " as when it is sent",
                        "/features/context/files/0: context files values must be strings, numbers or booleans,"
                                + " was an object"));
        problem(viewer, "{\"features\": {\"trace_name\": \"" + "x".repeat(300) + "\"}}",
                List.of("/features/trace_name: trace_name is 300 characters, over the limit of 256"));
        problem(viewer, "{\"features\": {\"agent_id\": \"a\\u0000b\"}}",
                List.of("/features/agent_id: agent_id contains a NUL character (\\u0000)"));
        Response notObject = server().post(path, viewer, "[1, 2]");
        assertThat(notObject.status()).isEqualTo(400);
        assertThat(notObject.json().get("detail").asString()).startsWith("the body must be a JSON object");
        Response extra = server().post(path, viewer, "{\"features\": {}, \"agent_id\": \"x\"}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().get("errors").get(0).get("field").asString()).isEqualTo("agent_id");
        assertThat(server().post(path, viewer, "{\"features\": [1]}").json().get("detail").asString())
                .isEqualTo("features must be an object, was an array");
        assertThat(server().post(path, viewer, "{\"features\": ").status()).isEqualTo(400);
        String huge = "{\"features\": {\"agent_id\": \"" + "y".repeat(1_100_000) + "\"}}";
        assertThat(server().post(path, viewer, huge).status()).isEqualTo(413);
        // hostile but well-formed: refused as an unknown feature, echoed printable and cut
        Response hostile = server().post(path, viewer, "{\"features\": {\"<script>\\u0007" + "z".repeat(100) + "\": 1}}");
        assertThat(hostile.status()).isEqualTo(400);
        assertThat(hostile.json().get("detail").asString()).startsWith("unknown feature '<script>?zzz").contains("…'");
    }

    private void problem(String key, String body, List<String> expected) {
        Response r = server().post("/api/v1/predictions/interaction_success", key, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        List<String> got = new ArrayList<>();
        for (JsonNode e : r.json().get("errors")) {
            got.add(e.get("pointer").asString() + ": " + e.get("message").asString());
        }
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * {@code count} traces over 30 days: agent "careful" succeeds 92% of the time, "hasty" 10%;
     * a handoff on 60% of "phone" channel contexts, 5% of "web"; durations with no signal.
     */
    /** An erasure withdraws the workspace's fitted models (not another workspace's); training again is a new version. */
    void anErasureWithdrawsTheModels(String prefix) {
        String mine = workspace(prefix + "-erased");
        String theirs = workspace(prefix + "-erased-theirs");
        String body = "{\"features\": {\"agent_id\": \"careful\"}}";
        for (String key : List.of(mine, theirs)) {
            ingestPlanted(key, 600, 42);
            Response zoe = server().post("/api/v1/ingest", key, """
                    {"batch": [{"type": "trace", "body": {"id": "zoe-0", "agent_id": "careful", "user_id": "zoe",
                      "name": "answer", "started_at": "%s", "status": "ok"}}]}""".formatted(START));
            assertThat(zoe.status()).as(zoe.toString()).isEqualTo(200);
            JsonNode trained = server().post("/api/v1/predictions/models/interaction_success/train", key, "").json();
            assertThat(trained.get("status").asString()).as(trained.toString()).isEqualTo("offered");
        }

        Response erased = server().delete("/api/v1/users/zoe/data", mine);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(erased.json().get("deleted").get("traces").asLong()).isEqualTo(1);

        JsonNode withdrawn = ok("/api/v1/predictions/models/interaction_success", mine);
        assertThat(withdrawn.get("status").asString()).isEqualTo("withdrawn");
        assertThat(withdrawn.get("version").asInt()).isEqualTo(1);
        Response refused = predict(mine, "interaction_success", body);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).isEqualTo("the interaction_success model (version 1) is"
                + " not offered: withdrawn: trained on data that an erasure removed; retrained on the next schedule"
                + " (or POST .../train)");
        assertThat(ok("/api/v1/predictions/models/interaction_success", theirs).get("status").asString())
                .isEqualTo("offered");
        assertThat(predictOk(theirs, "interaction_success", body).get("model_version").asInt()).isEqualTo(1);

        JsonNode again = server().post("/api/v1/predictions/models/interaction_success/train", mine, "").json();
        assertThat(again.get("status").asString()).isEqualTo("offered");
        assertThat(again.get("version").asInt()).isEqualTo(2);
        assertThat(predictOk(mine, "interaction_success", body).get("model_version").asInt()).isEqualTo(2);
    }

    void ingestPlanted(String key, int count, long seed) {
        Random random = new Random(seed);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean careful = random.nextBoolean();
            boolean phone = random.nextInt(3) == 0;
            boolean ok = random.nextDouble() < (careful ? 0.92 : 0.10);
            boolean handoff = random.nextDouble() < (phone ? 0.6 : 0.05);
            Instant at = START.plusSeconds(4000L * i);
            items.add("""
                    {"type": "trace", "body": {"id": "pt-%d", "agent_id": "%s", "name": "answer", "started_at": "%s",
                      "ended_at": "%s", "input": "%s", "status": "%s", "handoff": {"triggered": %s},
                      "context": {"channel": "%s"}}}"""
                    .formatted(i, careful ? "careful" : "hasty", at, at.plusMillis(200 + random.nextInt(2000)),
                            "q".repeat(5 + random.nextInt(50)), ok ? "ok" : "error", handoff, phone ? "phone" : "web"));
            if (items.size() == 200 || i == count - 1) {
                Response r = server().post("/api/v1/ingest", key, "{\"batch\": [" + String.join(",", items) + "]}");
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                items.clear();
            }
        }
    }

    Response predict(String key, String target, String body) {
        return server().post("/api/v1/predictions/" + target, key, body);
    }

    JsonNode predictOk(String key, String target, String body) {
        Response r = predict(key, target, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    String workspace(String slug) {
        Response created = server().post("/api/v1/workspaces", ADMIN_KEY,
                "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("admin_key").get("secret").asString();
    }

    String key(String adminKey, String name, String... scopes) {
        String list = String.join(", ", List.of(scopes).stream().map(s -> "\"" + s + "\"").toList());
        Response created = server().post("/api/v1/api-keys", adminKey,
                "{\"name\": \"" + name + "\", \"scopes\": [" + list + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    JsonNode ok(String path, String key) {
        Response r = server().get(path, key);
        assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
        return r.json();
    }

}
