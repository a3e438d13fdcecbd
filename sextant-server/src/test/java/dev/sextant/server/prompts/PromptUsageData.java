package dev.sextant.server.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A known dataset and the figures worked out by hand from it. Template qa, version 1 (by the
 * admin key): 4 LLM spans, all ok, traces rated 5, 5, 5, 4. Version 2 (by the editor key): 4
 * spans, one error, two traces rated 4 and 4, two unrated. So qa: 8 uses, 7 successes (0.875),
 * 6 ratings with mean 27 / 6 = 4.5; quality 0.6 × 0.875 + 0.4 × 4.5 / 5 = 0.885; good_performing
 * (0.875 > 0.75 and 4.5 > 4.0, but 4.5 is not > 4.5). v1: 1.0 and 4.75, high_performing;
 * v2: 0.75 and 4.0, acceptable. Template meta: one trace named by metadata, status error, no
 * span naming a template: 1 use, 0 successes, needs_improvement. Template idle: no use.
 * One more qa use two days ago is outside the window.
 */
final class PromptUsageData {
    static final String QA = """
            {"id": "qa", "name": "Q&A", "text": "Answer {{q}}", "variables": [{"name": "q"}]}""";

    private final SextantTestServer server;
    private final PromptTraffic traffic;

    PromptUsageData(SextantTestServer server) {
        this.server = server;
        this.traffic = new PromptTraffic(server);
    }

    /** Sends the dataset to the workspace of {@code admin}; {@code editor} is a config:write key of it. */
    void send(String admin, String editor, Instant now) {
        traffic.create(admin, QA);
        Response v2 = server.post("/api/v1/prompt-templates/qa/versions", editor,
                "{\"text\": \"Answer briefly: {{q}}\", \"variables\": [{\"name\": \"q\"}]}");
        assertThat(v2.status()).as(v2.toString()).isEqualTo(201);
        traffic.create(admin, "{\"id\": \"meta\", \"name\": \"Meta\", \"text\": \"hi\"}");
        traffic.create(admin, "{\"id\": \"idle\", \"name\": \"Idle\", \"text\": \"hi\"}");
        List<String> items = new ArrayList<>();
        double[] v1Ratings = {5, 5, 5, 4};
        for (int i = 0; i < 4; i++) {
            items.addAll(use("v1-" + i, now.minusSeconds(600 + i), "qa", "1", "ok"));
            items.add(rating("v1-" + i, v1Ratings[i]));
        }
        for (int i = 0; i < 4; i++) {
            items.addAll(use("v2-" + i, now.minusSeconds(300 + i), "qa", "2", i == 0 ? "error" : "ok"));
            if (i < 2) {
                items.add(rating("v2-" + i, 4));
            }
        }
        items.addAll(use("old", now.minusSeconds(2 * 86_400), "qa", "1", "error"));
        items.add("""
                {"type": "trace", "body": {"id": "m-1", "started_at": "%s", "ended_at": "%s", "status": "error",
                  "metadata": {"prompt_template_id": "meta", "prompt_version": 1}}}"""
                .formatted(now.minusSeconds(100), now.minusSeconds(99)));
        items.add("""
                {"type": "score", "body": {"id": "thumbs-1", "trace_id": "v2-2", "name": "thumbs", "value": 0}}""");
        traffic.ingest(admin, items);
    }

    private static List<String> use(String trace, Instant start, String template, String version, String status) {
        return List.of("""
                {"type": "trace", "body": {"id": "%s", "agent_id": "bot", "started_at": "%s", "ended_at": "%s"}}"""
                .formatted(trace, start, start.plusSeconds(2)), """
                {"type": "span", "body": {"id": "%s-llm", "trace_id": "%s", "kind": "llm", "name": "answer",
                  "status": "%s", "started_at": "%s", "ended_at": "%s",
                  "attributes": {"prompt.template_id": "%s", "prompt.version": %s}}}"""
                .formatted(trace, trace, status, start.plusMillis(10), start.plusSeconds(1), template, version));
    }

    private static String rating(String trace, double value) {
        return """
                {"type": "score", "body": {"id": "r-%s", "trace_id": "%s", "name": "user_rating", "value": %s}}"""
                .formatted(trace, trace, value);
    }

    /** The figures of qa, exactly. */
    static void assertQa(JsonNode qa) {
        assertThat(qa.get("template_id").asString()).isEqualTo("qa");
        assertThat(qa.get("uses").asLong()).isEqualTo(8);
        assertThat(qa.get("successes").asLong()).isEqualTo(7);
        assertThat(qa.get("success_rate").asDouble()).isEqualTo(0.875);
        assertThat(qa.get("ratings").asLong()).isEqualTo(6);
        assertThat(qa.get("average_rating").asDouble()).isCloseTo(4.5, within(1e-9));
        assertThat(qa.get("quality_score").asDouble()).isCloseTo(0.885, within(1e-9));
        assertThat(qa.get("quality_basis").asString()).isEqualTo("success_rate_and_rating");
        assertThat(qa.get("performance_category").asString()).isEqualTo("good_performing");
        assertThat(qa.get("version_count").asInt()).isEqualTo(2);
        assertThat(qa.get("contributors").size()).isEqualTo(2);
        JsonNode versions = qa.get("usage_per_version");
        assertThat(versions.size()).isEqualTo(2);
        JsonNode v2 = versions.get(0);
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("uses").asLong()).isEqualTo(4);
        assertThat(v2.get("success_rate").asDouble()).isEqualTo(0.75);
        assertThat(v2.get("ratings").asLong()).isEqualTo(2);
        assertThat(v2.get("average_rating").asDouble()).isCloseTo(4.0, within(1e-9));
        assertThat(v2.get("performance_category").asString()).isEqualTo("acceptable");
        JsonNode v1 = versions.get(1);
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("uses").asLong()).isEqualTo(4);
        assertThat(v1.get("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(v1.get("average_rating").asDouble()).isCloseTo(4.75, within(1e-9));
        assertThat(v1.get("performance_category").asString()).isEqualTo("high_performing");
    }

    static void assertOthers(JsonNode meta, JsonNode idle) {
        assertThat(meta.get("uses").asLong()).isEqualTo(1);
        assertThat(meta.get("successes").asLong()).isZero();
        assertThat(meta.get("average_rating").isNull()).isTrue();
        assertThat(meta.get("quality_score").asDouble()).isZero();
        assertThat(meta.get("quality_basis").asString()).isEqualTo("success_rate");
        assertThat(meta.get("performance_category").asString()).isEqualTo("needs_improvement");
        assertThat(meta.get("usage_per_version").get(0).get("uses").asLong()).isEqualTo(1);
        assertThat(idle.get("uses").asLong()).isZero();
        assertThat(idle.get("success_rate").isNull()).isTrue();
        assertThat(idle.get("performance_category").isNull()).isTrue();
        assertThat(idle.get("usage_per_version").get(0).get("uses").asLong()).isZero();
    }
}
