package dev.sextant.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.cost.PriceCatalog;
import dev.sextant.server.demo.DemoItems.Item;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The stories a newcomer should recognise are in the data, and their events show in the numbers. */
class DemoStoriesTest {
    private final DemoItems demo = DemoItems.standard();

    @Test
    void theThreeAgentsAreThereWithTheirSubAgents() {
        assertThat(demo.traces("support-bot").count()).isGreaterThan(1000);
        assertThat(demo.traces("campaign-orchestrator").count()).isGreaterThan(150);
        assertThat(demo.traces("code-assistant").count()).isGreaterThan(1000);
        assertThat(spans(s -> s.text("kind").equals("agent")).map(s -> s.text("name")).distinct())
                .containsExactlyInAnyOrder("support-bot", "campaign-orchestrator", "seo-agent", "writer-agent",
                        "editor-agent", "code-assistant");
    }

    @Test
    void supportHandsOffToPeopleForEveryReasonMostlyComplaintsAndLowConfidence() {
        Map<String, Long> reasons = demo.traces("support-bot")
                .filter(t -> t.body().get("handoff").get("triggered").asBoolean())
                .collect(Collectors.groupingBy(t -> t.body().get("handoff").get("reason").asString(), Collectors.counting()));
        assertThat(reasons).containsOnlyKeys("low_confidence", "angry_customer", "refund_over_limit", "policy");
        assertThat(reasons.values()).allSatisfy(n -> assertThat(n).isGreaterThan(10));
        assertThat(handoffRate(t -> intent(t).equals("complaint")))
                .isGreaterThan(2 * handoffRate(t -> intent(t).equals("order_status")));
        assertThat(spans(s -> s.text("kind").equals("handoff")).map(s -> s.body().get("handoff").get("target").asString()))
                .contains("human:tier1", "human:billing", "editor-agent");
    }

    @Test
    void promptV2InWeekThreeRaisesConfidenceAndLowersHandOffs() {
        Predicate<Item> v1 = t -> t.text("config_version").equals("support-prompt-v1");
        Predicate<Item> v2 = t -> t.text("config_version").equals("support-prompt-v2");
        // outside the tone test (days 5-12, half of the customers), v2 runs only from day 16
        assertThat(demo.traces("support-bot").filter(v2).filter(t -> t.text("experiment_id") == null)
                .map(t -> t.time("started_at")).min(Comparable::compareTo))
                .hasValueSatisfying(first -> assertThat(first).isAfter(DemoItems.NOW.minus(java.time.Duration.ofDays(13))));
        assertThat(handoffRate(v2)).isLessThan(handoffRate(v1) * 0.7);
        assertThat(meanConfidence(v2)).isGreaterThan(meanConfidence(v1) + 0.04);
    }

    @Test
    void theRefundApiFailsSometimesAndMostlyDuringItsIncident() {
        var refundCalls = spans(s -> "refund_api".equals(s.text("tool_name"))).toList();
        var failures = refundCalls.stream().filter(s -> s.text("status").equals("error")).toList();
        assertThat(failures).hasSizeGreaterThan(10)
                .allSatisfy(s -> assertThat(s.text("error")).startsWith("refund_api: HTTP "));
        assertThat(failures.stream().filter(s -> s.text("error").contains("503")).count())
                .isGreaterThan(failures.size() / 3);
        assertThat(demo.traces("support-bot").filter(t -> t.text("status").equals("error")).count()).isPositive();
    }

    @Test
    void customersRateTheBotWithCommentsAndThumbs() {
        var ratings = scores("user_rating").filter(s -> s.text("trace_id").startsWith("demo-sup-")).toList();
        assertThat(ratings).hasSizeGreaterThan(300).allSatisfy(s -> {
            assertThat(s.body().get("value").asInt()).isBetween(1, 5);
            assertThat(s.text("comment")).isNotBlank();
        });
        assertThat(ratings.stream().map(s -> s.body().get("value").asInt()).distinct()).hasSize(5);
        assertThat(scores("thumbs").map(s -> s.body().get("value").asInt()).distinct()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void theCampaignChoosesKeywordsAndToneWithReasonsAndSomeWriterPromptsCrossTheUpperTier() {
        assertThat(spans(s -> s.text("kind").equals("decision")).map(s -> s.body().get("decision").get("point").asString()).distinct())
                .contains("route", "keyword_choice", "tone_selection", "publish_or_revise");
        assertThat(spans(s -> s.text("kind").equals("decision"))).allSatisfy(s -> {
            assertThat(s.body().get("decision").get("alternatives")).hasSizeGreaterThan(1);
            assertThat(s.body().get("decision").get("reasoning").asString()).isNotBlank();
        });
        assertThat(spans(s -> CampaignStory.PRO.equals(s.text("model")) && s.body().has("usage")
                && s.body().get("usage").get("input_tokens").asLong() > 128_000).count()).isGreaterThan(5);
        assertThat(demo.traces("campaign-orchestrator")).allSatisfy(t -> {
            assertThat(t.body().get("tags").get(0).asString()).startsWith("campaign:");
            assertThat(t.body().get("metadata").get("campaign_id").asString()).isNotBlank();
        });
        assertThat(scores("quality").count()).isGreaterThan(150);
    }

    @Test
    void theCodingAssistantWorksInSessionsAndSomeOfItsCodeIsRejected() {
        assertThat(demo.ofType("session")).hasSizeGreaterThan(100).allSatisfy(s ->
                assertThat(s.body().get("context").propertyNames()).contains("repo", "branch", "language"));
        Map<Integer, Long> verdicts = scores("accepted")
                .collect(Collectors.groupingBy(s -> s.body().get("value").asInt(), Collectors.counting()));
        assertThat(verdicts).containsOnlyKeys(0, 1);
        assertThat(verdicts.get(0)).isGreaterThan(verdicts.get(1) / 5);
        assertThat(spans(s -> s.text("kind").equals("code_generation")).map(s -> s.body().get("attributes").get("generation_type").asString()).distinct())
                .containsExactlyInAnyOrder("completion", "refactor", "test", "fix");
        assertThat(spans(s -> s.text("kind").equals("learning"))).isNotEmpty().allSatisfy(s ->
                assertThat(s.body().get("attributes").propertyNames()).contains("pattern", "applied", "outcome"));
        assertThat(spans(s -> s.text("tool_name") != null && Set.of("run_tests", "apply_patch").contains(s.text("tool_name")) && s.text("status").equals("error")).count())
                .isGreaterThan(50);
    }

    @Test
    void cachesAndReasoningAreUsedAndAFewClientsReportTheirCost() {
        assertThat(spans(s -> s.body().has("usage") && s.body().get("usage").has("cache_read_tokens")).count()).isGreaterThan(1000);
        assertThat(spans(s -> s.body().has("usage") && s.body().get("usage").has("cache_write_tokens")).count()).isGreaterThan(100);
        var reported = spans(s -> s.body().has("cost_usd")).toList();
        assertThat(reported).hasSizeBetween(20, 500)
                .allSatisfy(s -> assertThat(s.body().get("usage").get("reasoning_tokens").asLong()).isPositive());
    }

    @Test
    void everyModelTheDemoUsesHasAPriceInTheShippedCatalog() {
        PriceCatalog catalog = PriceCatalog.shipped();
        LocalDate day = DemoItems.NOW.atZone(ZoneOffset.UTC).toLocalDate();
        assertThat(spans(s -> s.body().has("model")).map(s -> s.text("model")).distinct())
                .hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(model -> assertThat(catalog.find(model, day, 1000)).as(model).isPresent());
    }

    private Stream<Item> spans(Predicate<Item> filter) {
        return demo.ofType("span").filter(filter);
    }

    private Stream<Item> scores(String name) {
        return demo.ofType("score").filter(s -> s.text("name").equals(name));
    }

    private static String intent(Item trace) {
        return trace.body().get("intents").get(0).get("name").asString();
    }

    private double handoffRate(Predicate<Item> filter) {
        var traces = demo.traces("support-bot").filter(filter).toList();
        return (double) traces.stream().filter(t -> t.body().get("handoff").get("triggered").asBoolean()).count() / traces.size();
    }

    private double meanConfidence(Predicate<Item> filter) {
        return demo.traces("support-bot").filter(filter).mapToDouble(t -> t.body().get("confidence").asDouble()).average().orElseThrow();
    }
}
