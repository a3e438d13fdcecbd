package dev.sextant.analytics.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.store.SideBySide.RankSum;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The whole run: Benjamini-Hochberg over every tested finding, ranking by score, the limit, the considered block. */
class InsightEngineTest {

    private static Data data() {
        return new Data()
                .tool("search", 23, 100, 5, 100)   // p = 0.000368
                .tool("pay", 2, 100, 5, 100)       // p = 0.445
                .tool("rare", 1, 10, 0, 10)        // skipped
                .agent("bot", Data.side(100, 12, 30, "2.00"), Data.side(100, 4, 30, "1.00"), new RankSum(610, 20, 20, 0));
    }

    @Test
    void onlyFindingsThatSurviveTheCorrectionAreReportedBestFirst() {
        InsightReport report = InsightEngine.rank(data().build(), 20);
        // tested: search 0.000368, pay 0.445, bot error 0.0652, bot hand-offs 1.0, bot cost 6.3e-8 (m = 5)
        // BH: cost 5 * 6.3e-8 = 3.2e-7; search 5/2 * 0.000368 = 0.000919; error 5/3 * 0.0652 = 0.109 -> not significant
        // score: cost = rank-biserial 1 x ln(1 + 20) = 3.04; search = Cohen's h 0.5493324 x ln(1 + 100) = 2.54
        assertThat(report.insights()).extracting(in -> in.finding().kind())
                .containsExactly("agent_cost_per_interaction", "tool_failure_rate");
        InsightReport.Insight first = report.insights().getFirst();
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.score()).isCloseTo(Math.log(21), within(1e-12));
        assertThat(first.adjustedPValue()).isCloseTo(6.301848221392269e-08 * 5, within(1e-12));
        assertThat(first.severity()).isEqualTo("high");
        InsightReport.Insight second = report.insights().get(1);
        assertThat(second.rank()).isEqualTo(2);
        assertThat(second.adjustedPValue()).isCloseTo(0.00036766571207595466 * 5 / 2, within(1e-12));
        assertThat(second.score()).isCloseTo(0.5493324055987123 * Math.log(101), within(1e-9));
        assertThat(second.severity()).isEqualTo("high");
    }

    @Test
    void theConsideredBlockCountsEveryCandidate() {
        InsightReport report = InsightEngine.rank(data().build(), 1);
        Map<String, InsightReport.Considered> byDetector = report.considered().stream()
                .collect(Collectors.toMap(InsightReport.Considered::detector, Function.identity()));
        InsightReport.Considered tools = byDetector.get("tool_failure_rate");
        assertThat(tools.candidates()).isEqualTo(3);
        assertThat(tools.skippedTooLittleData()).isEqualTo(1);
        assertThat(tools.tested()).isEqualTo(2);
        assertThat(tools.significant()).isEqualTo(1);
        assertThat(byDetector.get("agent_error_rate").significant()).isZero();
        assertThat(byDetector.get("new_error_pattern").candidates()).isZero();
        assertThat(report.considered()).hasSize(12);
        // limit 1: the cost finding has the higher score (ln 21 = 3.04 > 2.54) and is the only one reported
        assertThat(report.insights()).hasSize(1);
        assertThat(report.insights().getFirst().finding().kind()).isEqualTo("agent_cost_per_interaction");
        assertThat(byDetector.get("agent_cost_per_interaction").reported()).isEqualTo(1);
        assertThat(tools.reported()).isZero();
        assertThat(report.correction()).isEqualTo("benjamini_hochberg");
        assertThat(report.dataAsOf()).isEqualTo(Data.SPLIT.plusSeconds(60));
    }

    @Test
    void nothingChangedMeansNoInsights() {
        InsightReport report = InsightEngine.rank(new Data().tool("search", 5, 100, 5, 100)
                .agent("bot", Data.side(100, 4, 30, "1.00"), Data.side(100, 4, 30, "1.00"), new RankSum(410, 20, 20, 0))
                .build(), 20);
        assertThat(report.insights()).isEmpty();
        assertThat(report.considered().stream().mapToInt(InsightReport.Considered::tested).sum()).isEqualTo(4);
    }
}
