package dev.sextant.analytics.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.LatencyTail;
import dev.sextant.store.NewErrors;
import dev.sextant.store.RatingChange;
import dev.sextant.store.SideBySide;
import dev.sextant.store.SideBySide.RankSum;
import org.junit.jupiter.api.Test;

/** Each detector on hand-made data: which candidates it tests or skips, and the p-values it reports. */
class DetectorsTest {

    @Test
    void aToolFailingMoreOftenIsTestedWithFishersExactTest() {
        Detection d = new ToolFailureDetector().detect(new Data()
                .tool("search", 23, 100, 5, 100)
                .tool("pay", 3, 29, 1, 100) // 29 calls: below the minimum of 30
                .build());
        assertThat(d.candidates()).isEqualTo(2);
        assertThat(d.skippedTooLittleData()).isEqualTo(1);
        Finding f = d.tested().getFirst();
        // scipy.stats.fisher_exact([[23, 77], [5, 95]]) = 0.00036766571207595466
        assertThat(f.pValue()).isCloseTo(0.00036766571207595466, within(1e-12));
        assertThat(f.title()).isEqualTo("Tool search fails 23.0% (23 of 100) of calls, up from 5.0% (5 of 100) in the previous period");
        assertThat(f.direction()).isEqualTo("up");
        assertThat(f.impact()).isEqualTo("worse");
        assertThat(f.numbers().current()).isEqualTo(0.23);
        assertThat(f.numbers().baseline()).isEqualTo(0.05);
        assertThat(f.numbers().changeRatio()).isCloseTo(3.6, within(1e-12));
        assertThat(f.subject()).containsEntry("tool_name", "search");
        assertThat(f.links().get("analytics")).isEqualTo(
                "/api/v1/analytics/tools?sort=failure_rate&from=2026-11-15T00%3A00%3A00Z&to=2026-11-22T00%3A00%3A00Z");
        assertThat(f.links().get("interactions")).isEqualTo(
                "/api/v1/interactions?from=2026-11-15T00%3A00%3A00Z&to=2026-11-22T00%3A00%3A00Z");
    }

    @Test
    void agentErrorRateAndCost() {
        // cost: 20 current interactions all dearer than 20 previous ones: ranks 21..40, R = 610, U = 400;
        // scipy mannwhitneyu(range(21, 41), range(1, 21), asymptotic, no continuity correction) p = 6.301848221392269e-08
        Data data = new Data().agent("bot", Data.side(100, 12, 30, "2.00"), Data.side(100, 4, 30, "1.00"),
                new RankSum(610, 20, 20, 0));
        Detection errors = new AgentPeriodDetector(AgentPeriodDetector.Metric.ERROR_RATE).detect(data.build());
        Finding e = errors.tested().getFirst();
        // scipy.stats.fisher_exact([[12, 88], [4, 96]]) = 0.06519694306245737
        assertThat(e.pValue()).isCloseTo(0.06519694306245737, within(1e-12));
        assertThat(e.title()).isEqualTo("Agent bot's error rate is 12.0% (12 of 100), up from 4.0% (4 of 100) in the previous period");
        assertThat(e.links().get("interactions")).contains("agent_id=bot").contains("status=error");
        assertThat(e.links().get("trend")).startsWith("/api/v1/analytics/trends?metric=error_rate&interval=day&group_by=agent&agent_id=bot&from=2026-11-08");

        Finding handoffs = new AgentPeriodDetector(AgentPeriodDetector.Metric.HANDOFF_RATE).detect(data.build())
                .tested().getFirst();
        assertThat(handoffs.pValue()).isCloseTo(1.0, within(1e-9));

        Finding cost = new AgentPeriodDetector(AgentPeriodDetector.Metric.COST).detect(data.build()).tested().getFirst();
        assertThat(cost.pValue()).isCloseTo(6.301848221392269e-08, within(1e-15));
        assertThat(cost.effectSize()).isEqualTo(1.0);
        assertThat(cost.title()).isEqualTo("Agent bot's cost per interaction is $0.02, 100% higher than $0.01 in the previous period (100 and 100 interactions)");
        assertThat(cost.numbers().unit()).isEqualTo("usd");
    }

    @Test
    void costPerConversation() {
        // 25 conversations per period, the current ones all dearer: ranks 26..50, R = 950, U = 625 = n1 n2
        Data data = new Data();
        data.agentConversations.add(new SideBySide("bot", "current", "previous", Data.side(25, 0, 0, "3.50"),
                Data.side(25, 0, 0, "2.50"), new RankSum(950, 25, 25, 0), Data.NO_RANKS, Data.SPLIT));
        Finding f = new AgentPeriodDetector(AgentPeriodDetector.Metric.COST_PER_CONVERSATION).detect(data.build())
                .tested().getFirst();
        assertThat(f.kind()).isEqualTo("agent_cost_per_conversation");
        assertThat(f.title()).isEqualTo("Agent bot's cost per conversation is $0.14, 40% higher than $0.1 in the previous"
                + " period (25 and 25 conversations)");
        assertThat(f.effectSize()).isEqualTo(1.0);
        assertThat(f.pValue()).isLessThan(1e-8);
    }

    @Test
    void tooFewInteractionsAreSkipped() {
        Data data = new Data().agent("tiny", Data.side(19, 10, 0, "1"), Data.side(100, 1, 0, "1"),
                new RankSum(19 * 20 / 2.0, 19, 100, 0));
        for (AgentPeriodDetector.Metric m : new AgentPeriodDetector.Metric[] {AgentPeriodDetector.Metric.ERROR_RATE,
                AgentPeriodDetector.Metric.HANDOFF_RATE, AgentPeriodDetector.Metric.COST}) {
            Detection d = new AgentPeriodDetector(m).detect(data.build());
            assertThat(d.tested()).as(m.name()).isEmpty();
            assertThat(d.skippedTooLittleData()).isEqualTo(1);
        }
    }

    @Test
    void configChangeComparesTheTwoNewestVersions() {
        Data data = new Data();
        data.configVersions.add(new SideBySide("bot", "v8", "v7", Data.side(40, 2, 0, "0.80"), Data.side(40, 1, 0, "0.40"),
                new RankSum(40 * 41 / 2.0 + 40 * 40, 40, 40, 0), new RankSum(40 * 81 / 2.0, 40, 40, 0), Data.SPLIT));
        Finding cost = new ConfigChangeDetector(ConfigChangeDetector.Metric.COST).detect(data.build()).tested().getFirst();
        assertThat(cost.subject()).containsEntry("config_version", "v8").containsEntry("previous_config_version", "v7");
        assertThat(cost.title()).isEqualTo("Agent bot's cost per interaction on config v8 is $0.02, 100% higher than $0.01 on v7 (40 and 40 interactions)");
        assertThat(cost.effectSize()).isEqualTo(1.0);
        assertThat(cost.pValue()).isLessThan(1e-10);
        // latency: a rank sum exactly at its mean (U = n1 n2 / 2) is z = 0, p = 1
        Finding latency = new ConfigChangeDetector(ConfigChangeDetector.Metric.LATENCY).detect(data.build()).tested().getFirst();
        assertThat(latency.pValue()).isEqualTo(1.0);
        assertThat(latency.links().get("trend")).contains("group_by=config_version");
    }

    @Test
    void latencyTailUsesTheExactBinomialTest() {
        Data data = new Data();
        data.agentLatency.add(new LatencyTail("bot", 50, 1200.0, 20, 3400.0, 4, Data.SPLIT));
        data.modelLatency.add(new LatencyTail("gpt-4o", 19, 1200.0, 20, 3400.0, 4, Data.SPLIT));
        Finding f = new LatencyTailDetector(LatencyTail.By.AGENT).detect(data.build()).tested().getFirst();
        // P(X >= 4) for X ~ Binomial(20, 0.05) = 1 - 0.9841 (binomial tables); scipy binomtest: 0.015901526019763548
        assertThat(f.pValue()).isCloseTo(0.015901526019763548, within(1e-12));
        assertThat(f.title()).isEqualTo("Agent bot's p95 latency is 3400 ms, up from 1200 ms: 20.0% (4 of 20) of its"
                + " interactions were slower than the previous p95 (5% expected)");
        Detection models = new LatencyTailDetector(LatencyTail.By.MODEL).detect(data.build());
        assertThat(models.skippedTooLittleData()).isEqualTo(1);
        assertThat(models.detector()).isEqualTo("model_latency_p95");
    }

    @Test
    void aNewErrorPatternIsTestedAgainstTheTrafficOfBothPeriods() {
        Data data = new Data();
        data.patterns.add(new NewErrors.Pattern("span", "tool", "quota exceeded for key #", 5, Data.SPLIT, Data.SPLIT,
                "t-1", "quota exceeded for key 42"));
        data.patterns.add(new NewErrors.Pattern("trace", null, "boom #", 2, Data.SPLIT, Data.SPLIT, "t-2", "boom 7"));
        Detection d = new NewErrorDetector().detect(data.build());
        assertThat(d.skippedTooLittleData()).isEqualTo(1);
        Finding f = d.tested().getFirst();
        // equal traffic (100 and 100): all 5 in the current period with probability 0.5^5
        assertThat(f.pValue()).isCloseTo(0.03125, within(1e-12));
        assertThat(f.title()).isEqualTo("New error \"quota exceeded for key #\" (tool span): 5 times in the current period"
                + " (100 interactions), never in the previous period (100 interactions)");
        assertThat(f.subject()).containsEntry("example_trace_id", "t-1");
    }

    @Test
    void satisfactionUsesWelchsTTest() {
        Data data = new Data();
        data.ratings.add(new RatingChange("bot", 40, 4.2, 0.8, 30, 3.5, 1.1, Data.SPLIT));
        data.ratings.add(new RatingChange("flat", 12, 4.0, 0.0, 12, 5.0, 0.0, Data.SPLIT));
        data.ratings.add(new RatingChange("few", 9, 4.0, 1.0, 12, 5.0, 1.0, Data.SPLIT));
        Detection d = new SatisfactionDetector().detect(data.build());
        assertThat(d.untestable()).isEqualTo(1);
        assertThat(d.skippedTooLittleData()).isEqualTo(1);
        Finding f = d.tested().getFirst();
        // scipy.stats.ttest_ind_from_stats(4.2, sqrt(0.8), 40, 3.5, sqrt(1.1), 30, equal_var=False): p = 0.004734233656184973
        assertThat(f.pValue()).isCloseTo(0.004734233656184973, within(1e-9));
        assertThat(f.impact()).isEqualTo("better");
        assertThat(f.title()).isEqualTo("Agent bot's average rating rose to 4.20 from 3.50 (40 and 30 ratings)");
    }
}
