package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo workspace ({@code --sextant.demo=true}) has the configurations, versions and
 * experiments the story tells, at the story's times, read through the API.
 */
class ITDemoDefinitions {
    private static final Pattern GENERATED = Pattern.compile("sk-sx-[0-9A-Za-z]{32}");
    private static final SextantTestServer server = new SextantTestServer().with("--sextant.demo=true");
    private static String key;

    @BeforeAll
    static void start() throws Exception {
        server.prepare();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            server.start();
        } finally {
            System.setOut(original);
        }
        Matcher m = GENERATED.matcher(captured.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        key = m.group();
    }

    @AfterAll
    static void stop() throws Exception {
        server.afterAll(null);
    }

    @Test
    void configurationsHaveTheirVersionsAtTheStorysTimes() {
        JsonNode list = ok("/api/v1/configurations").get("configurations");
        List<String> ids = new ArrayList<>();
        list.forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder("support-prompt", "code-assistant", "campaign-flow");

        JsonNode support = ok("/api/v1/configurations/support-prompt");
        assertThat(support.get("active_version_id").asString()).isEqualTo("support-prompt-v2");
        JsonNode versions = ok("/api/v1/configurations/support-prompt/versions").get("versions");
        assertThat(versions).hasSize(2);
        Instant v1 = Instant.parse(versions.get(0).get("created_at").asString());
        Instant v2 = Instant.parse(versions.get(1).get("created_at").asString());
        assertThat(v1).isBefore(Instant.now().minusSeconds(28 * 86_400));
        assertThat(v2).isBetween(Instant.now().minusSeconds(25 * 86_400), Instant.now().minusSeconds(23 * 86_400));
        assertThat(versions.get(1).get("created_by").asString()).startsWith("user priya.shah@acme.example");

        JsonNode events = ok("/api/v1/configurations/support-prompt/events").get("events");
        List<String> changed = new ArrayList<>();
        events.forEach(e -> changed.add(e.get("kind").asString() + " " + e.get("parameter").asString()));
        assertThat(changed).contains("version behaviour.temperature", "version behaviour.tone",
                "version prompt_templates.system", "activate behaviour.temperature");

        JsonNode campaign = ok("/api/v1/configurations/campaign-flow/versions").get("versions");
        assertThat(campaign.get(2).get("parent_version").asInt()).isEqualTo(1);
        assertThat(ok("/api/v1/configurations/code-assistant").get("active_version_id").asString())
                .isEqualTo("code-assistant-v2");
    }

    @Test
    void everyVersionTheTracesRunIsAStoredVersionAndPromptV2HandsOffLess() {
        JsonNode rows = ok("/api/v1/analytics/config-versions").get("versions");
        java.util.Map<String, JsonNode> byVersion = new java.util.HashMap<>();
        rows.forEach(r -> byVersion.put(r.get("config_version").asString(), r));
        assertThat(byVersion.keySet()).containsExactlyInAnyOrder("support-prompt-v1", "support-prompt-v2",
                "code-assistant-v1", "code-assistant-v2", "code-assistant-v3", "campaign-flow-v2");
        for (String versionId : byVersion.keySet()) {
            String configuration = versionId.substring(0, versionId.lastIndexOf("-v"));
            String number = versionId.substring(versionId.lastIndexOf("-v") + 2);
            ok("/api/v1/configurations/" + configuration + "/versions/" + number);
        }
        assertThat(byVersion.get("support-prompt-v2").get("handoff_rate").asDouble())
                .isLessThan(byVersion.get("support-prompt-v1").get("handoff_rate").asDouble() * 0.7);
    }

    @Test
    void parameterImpactAndBusinessImpactHaveTheDemosChangesToWorkOn() {
        JsonNode impact = ok("/api/v1/configurations/code-assistant/parameter-impact");
        assertThat(impact.get("versions").toString()).contains("code-assistant-v1", "code-assistant-v2", "code-assistant-v3");
        List<String> analysed = new ArrayList<>();
        impact.get("parameters").forEach(p -> {
            if (p.get("analysed").asBoolean()) {
                analysed.add(p.get("name").asString());
            }
        });
        assertThat(analysed).contains("temperature", "max_context_files", "context_strategy");

        JsonNode business = ok("/api/v1/analytics/business-impact?value_per_success=0.5");
        List<String> measured = new ArrayList<>();
        business.get("changes").forEach(c -> {
            if (c.get("measured").asBoolean()) {
                measured.add(c.get("to_version").asString());
            }
        });
        assertThat(measured).contains("support-prompt-v2", "code-assistant-v2");
    }

    @Test
    void theToneTestIsConcludedByItsResultsAndTheContextTestRuns() {
        JsonNode tone = ok("/api/v1/experiments/support-reply-tone");
        assertThat(tone.get("status").asString()).isEqualTo("concluded");
        assertThat(tone.get("winner").asString()).as(tone.toString()).isEqualTo("empathetic");
        assertThat(tone.get("conclusion").asString()).contains("empathetic");
        assertThat(Instant.parse(tone.get("started_at").asString()))
                .isBefore(Instant.parse(tone.get("concluded_at").asString()));
        JsonNode context = ok("/api/v1/experiments/code-context-strategy");
        assertThat(context.get("status").asString()).isEqualTo("running");
        assertThat(context.get("variants").get(1).get("configuration_version").asString()).isEqualTo("code-assistant-v3");
        assertThat(ok("/api/v1/experiments?status=running").get("experiments")).hasSize(1);
    }

    @Test
    void promptTemplatesHaveTwoVersionsEachAndTheirUsesShowInTheAnalytics() {
        JsonNode list = ok("/api/v1/prompt-templates").get("templates");
        List<String> ids = new ArrayList<>();
        list.forEach(t -> {
            ids.add(t.get("id").asString());
            assertThat(t.get("latest_version").asInt()).isEqualTo(2);
        });
        assertThat(ids).containsExactlyInAnyOrder("support-reply", "support-summary", "code-generate");
        JsonNode reply = ok("/api/v1/prompt-templates/support-reply/versions").get("versions");
        assertThat(reply.get(1).get("variables").toString()).contains("\"order_details\"");

        JsonNode analytics = ok("/api/v1/prompt-templates/support-reply/analytics").get("template");
        assertThat(analytics.get("uses").asLong()).isGreaterThan(500);
        assertThat(analytics.get("version_count").asInt()).isEqualTo(2);
        JsonNode perVersion = analytics.get("usage_per_version");
        assertThat(perVersion.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(perVersion.get(0).get("uses").asLong()).isPositive();
        assertThat(perVersion.get(1).get("uses").asLong()).isPositive();
        assertThat(analytics.get("contributors").toString()).contains("priya.shah@acme.example");
    }

    @Test
    void trainingRunsTellTheirStoriesThroughTheApi() {
        JsonNode runs = ok("/api/v1/training/runs").get("runs");
        java.util.Map<String, String> status = new java.util.HashMap<>();
        runs.forEach(r -> status.put(r.get("id").asString(), r.get("status").asString()));
        assertThat(status).containsEntry("sft-support-v3", "completed").containsEntry("sft-support-v4", "completed")
                .containsEntry("sft-support-v4-b64", "failed").containsEntry("tl-code-repos", "completed")
                .containsEntry("fs-campaign-briefs", "completed").containsEntry("sft-support-v5", "running");
        JsonNode overfits = ok("/api/v1/training/runs/sft-support-v4");
        assertThat(overfits.get("quality").get("overfitting").get("overfitting").asBoolean()).isTrue();
        assertThat(overfits.get("quality").get("overtraining").get("wasted_gpu_hours").asDouble()).isPositive();
        assertThat(ok("/api/v1/training/runs/sft-support-v4-b64").get("error").get("type").asString())
                .isEqualTo("torch.cuda.OutOfMemoryError");
        JsonNode progress = ok("/api/v1/training/runs/sft-support-v5/progress");
        assertThat(progress.get("fraction_done").asDouble()).isBetween(0.6, 0.7);
        assertThat(progress.get("eta").isNull()).as(progress.toString()).isFalse();
        assertThat(progress.get("predicted_final_loss").isNull()).as(progress.toString()).isFalse();
    }

    private static JsonNode ok(String path) {
        Response r = server.get(path, key);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void oneDemoLearningRisesAndTheOtherFalls() {
        JsonNode rising = ok("/api/v1/learnings/" + DemoLearnings.RISING);
        JsonNode falling = ok("/api/v1/learnings/" + DemoLearnings.FALLING);
        assertThat(rising.get("applications").get("total").asLong()).isPositive();
        assertThat(rising.get("confidence").get("direction").asString()).as(rising.toString()).isEqualTo("rising");
        assertThat(rising.get("confidence").get("value").asDouble()).isGreaterThan(0.6);
        assertThat(falling.get("confidence").get("direction").asString()).as(falling.toString()).isEqualTo("falling");
        assertThat(falling.get("confidence").get("value").asDouble()).isLessThan(0.7);
        assertThat(ok("/api/v1/learnings/recommendations").get("learnings").toString()).contains(DemoLearnings.RISING)
                .doesNotContain(DemoLearnings.FALLING);
    }
}
