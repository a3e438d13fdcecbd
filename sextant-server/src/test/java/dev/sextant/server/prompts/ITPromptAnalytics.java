package dev.sextant.server.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Prompt template analytics through the real server on a known dataset ({@link PromptUsageData}). */
class ITPromptAnalytics {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    private static final PromptTraffic traffic = new PromptTraffic(server);

    @Test
    void figuresPerTemplateAndVersionAreExact() {
        String admin = traffic.workspace("pa-known");
        String editor = traffic.key(admin, "editor", "config:write")[0];
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        new PromptUsageData(server).send(admin, editor, now);

        String window = "?from=" + now.minusSeconds(86_400) + "&to=" + now.plusSeconds(60);
        JsonNode one = traffic.ok("/api/v1/prompt-templates/qa/analytics" + window, admin);
        assertThat(one.get("from").asString()).isEqualTo(now.minusSeconds(86_400).toString());
        PromptUsageData.assertQa(one.get("template"));
        assertThat(Instant.parse(one.get("data_as_of").asString())).isEqualTo(now.minusSeconds(300).plusMillis(10));

        JsonNode all = traffic.ok("/api/v1/analytics/prompt-templates" + window, admin);
        JsonNode list = all.get("templates");
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.get(0).get("template_id").asString()).as("most used first").isEqualTo("qa");
        PromptUsageData.assertQa(list.get(0));
        assertThat(list.get(1).get("template_id").asString()).isEqualTo("meta");
        assertThat(list.get(2).get("template_id").asString()).isEqualTo("idle");
        PromptUsageData.assertOthers(list.get(1), list.get(2));

        // a template change reaches the (cached) answers at once
        server.post("/api/v1/prompt-templates/idle/versions", admin, "{\"text\": \"hello\"}");
        JsonNode after = traffic.ok("/api/v1/analytics/prompt-templates" + window, admin).get("templates");
        assertThat(after.get(2).get("version_count").asInt()).isEqualTo(2);

        // the default window (30 days to now) also takes the use of two days ago: 9 uses
        JsonNode wide = traffic.ok("/api/v1/prompt-templates/qa/analytics", admin).get("template");
        assertThat(wide.get("uses").asLong()).isEqualTo(9);
        assertThat(wide.get("successes").asLong()).isEqualTo(7);
    }

    /** OTLP spans keep unmapped attributes as they are: prompt.* and OpenInference's version both count. */
    @Test
    void otlpSpansCountWithPromptAttributesAndTheOpenInferenceVersion() {
        String admin = traffic.workspace("pa-otlp");
        traffic.create(admin, "{\"id\": \"oi\", \"name\": \"OI\", \"text\": \"hi\"}");
        long t0 = Instant.now().minusSeconds(60).toEpochMilli() * 1_000_000L;
        String json = """
                {"resourceSpans": [{"scopeSpans": [{"spans": [
                  {"traceId": "0af7651916cd43dd8448eb211c80319c", "spanId": "b7ad6b7169203331", "name": "chat",
                   "startTimeUnixNano": "%d", "endTimeUnixNano": "%d", "attributes": [
                     {"key": "prompt.template_id", "value": {"stringValue": "oi"}},
                     {"key": "prompt.version", "value": {"intValue": "1"}}]},
                  {"traceId": "0af7651916cd43dd8448eb211c80319d", "spanId": "b7ad6b7169203332", "name": "chat",
                   "startTimeUnixNano": "%d", "endTimeUnixNano": "%d", "status": {"code": 2, "message": "boom"},
                   "attributes": [
                     {"key": "prompt.template_id", "value": {"stringValue": "oi"}},
                     {"key": "llm.prompt_template.version", "value": {"stringValue": "1"}}]}]}]}]}"""
                .formatted(t0, t0 + 1_000_000, t0, t0 + 1_000_000);
        Response sent = server.send(SextantTestServer.authorized(server.request("/v1/traces"), admin)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        JsonNode oi = traffic.ok("/api/v1/prompt-templates/oi/analytics", admin).get("template");
        assertThat(oi.get("uses").asLong()).isEqualTo(2);
        assertThat(oi.get("successes").asLong()).isEqualTo(1);
        assertThat(oi.get("usage_per_version").size()).isEqualTo(1);
        assertThat(oi.get("usage_per_version").get(0).get("version").asInt()).isEqualTo(1);
        assertThat(oi.get("usage_per_version").get(0).get("uses").asLong()).isEqualTo(2);
        assertThat(oi.get("performance_category").asString()).isEqualTo("needs_improvement");
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"?from=yesterday", "?to=2026-13-01T00:00:00Z", "?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z",
            "?window=7d", "?from=2026-11-01T00:00:00Z&from=2026-11-02T00:00:00Z", "?to="})
    void badWindowsAre400NamingTheParameter(String query) {
        String admin = traffic.workspace("pa-bad-" + Math.abs(query.hashCode()));
        traffic.create(admin, PromptUsageData.QA);
        for (String path : new String[] {"/api/v1/prompt-templates/qa/analytics", "/api/v1/analytics/prompt-templates"}) {
            Response r = server.get(path + query, admin);
            assertThat(r.status()).as(path + query + " " + r).isEqualTo(400);
            assertThat(r.body()).contains("\"parameter\":");
        }
    }
}
