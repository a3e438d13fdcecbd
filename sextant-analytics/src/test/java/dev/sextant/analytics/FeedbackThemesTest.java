package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.analytics.FeedbackThemes.Theme;
import dev.sextant.analytics.FeedbackThemes.Themes;
import dev.sextant.store.FeedbackComment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackThemesTest {

    /**
     * Known answer for the 2×2 table [[10, 90], [2, 98]]: expected counts 6, 94, 6, 94, so
     * G² = 2 (10 ln(10/6) + 90 ln(90/94) + 2 ln(2/6) + 98 ln(98/94)) = 6.16259...; p from χ²(1).
     * The same figures come from SciPy 1.17: chi2_contingency(table, correction=False,
     * lambda_="log-likelihood") → (6.162591666005738, 0.013047989522742708).
     */
    @Test
    void gTestMatchesTheHandComputedLogLikelihoodRatio() {
        double byHand = 2 * (10 * Math.log(10 / 6.0) + 90 * Math.log(90 / 94.0) + 2 * Math.log(2 / 6.0)
                + 98 * Math.log(98 / 94.0));
        double[] g = FeedbackThemes.gTest(10, 90, 2, 98);
        assertThat(g[0]).isCloseTo(byHand, within(1e-9)).isCloseTo(6.162591666005738, within(1e-9));
        assertThat(g[1]).isCloseTo(0.013047989522742708, within(1e-9));
        // SciPy again: [[4, 0], [1, 5]] → (8.45620910480325, 0.003637993188509889)
        double[] h = FeedbackThemes.gTest(4, 0, 1, 5);
        assertThat(h[0]).isCloseTo(8.45620910480325, within(1e-9));
        assertThat(h[1]).isCloseTo(0.003637993188509889, within(1e-9));
    }

    private static List<FeedbackComment> comments(Object... valueAndText) {
        List<FeedbackComment> list = new ArrayList<>();
        for (int i = 0; i < valueAndText.length; i += 2) {
            list.add(new FeedbackComment("t" + i, (Double) valueAndText[i], (String) valueAndText[i + 1],
                    Instant.EPOCH.plusSeconds(1000 - i)));
        }
        return list;
    }

    @Test
    void termsOfLowRatedCommentsRankByG2WithTheirCountsAndExamples() {
        // 4 low-rated and 6 high-rated comments; "repeat myself" in 3 low and 1 high,
        // "fast" in 4 high and 0 low, "answer" everywhere alike
        Themes themes = FeedbackThemes.of(comments(
                1.0, "had to repeat myself, answer wrong",
                2.0, "repeat myself again and again",
                1.0, "I had to repeat myself",
                2.0, "answer too slow",
                5.0, "fast answer",
                5.0, "fast and helpful",
                4.0, "fast, but had to repeat myself once",
                5.0, "fast",
                4.0, "good answer",
                5.0, "helpful",
                3.0, "repeat myself"), 2, 4, 10);

        assertThat(themes.comments()).isEqualTo(11);
        assertThat(themes.lowComments()).isEqualTo(4);
        assertThat(themes.highComments()).isEqualTo(6);
        assertThat(themes.reason()).isNull();
        // "repeat" is always followed by "myself": the bigram says it all, the unigrams are left out
        assertThat(themes.common()).extracting(Theme::term).startsWith("repeat myself", "answer", "fast")
                .doesNotContain("repeat", "myself");
        Theme repeat = themes.lowRated().getFirst();
        assertThat(repeat.term()).isEqualTo("repeat myself");
        assertThat(repeat.comments()).isEqualTo(5);
        assertThat(repeat.lowComments()).isEqualTo(3);
        assertThat(repeat.highComments()).isEqualTo(1);
        // [[3, 1], [1, 5]]: SciPy gives G² 3.5548176768390056, p 0.059372830341343816 (not significant)
        assertThat(repeat.g2()).isCloseTo(3.5548176768390056, within(1e-9));
        assertThat(repeat.pValue()).isCloseTo(0.059372830341343816, within(1e-9));
        assertThat(repeat.significant()).isFalse();
        assertThat(repeat.examples()).containsExactly("had to repeat myself, answer wrong",
                "repeat myself again and again", "I had to repeat myself");
        // "fast": [[0, 4], [4, 2]] leans to the high side
        Theme fast = themes.highRated().getFirst();
        assertThat(fast.term()).isEqualTo("fast");
        assertThat(fast.lowComments()).isZero();
        assertThat(fast.highComments()).isEqualTo(4);
        double[] expected = FeedbackThemes.gTest(0, 4, 4, 2);
        assertThat(fast.g2()).isEqualTo(expected[0]);
        assertThat(themes.lowRated()).extracting(Theme::term).doesNotContain("fast");
    }

    @Test
    void withoutBothSidesThereIsNoComparisonAndTheReasonSaysWhy() {
        Themes themes = FeedbackThemes.of(comments(5.0, "fast", 4.0, "fast and good", null, "fast"), 2, 4, 10);
        assertThat(themes.lowRated()).isEmpty();
        assertThat(themes.highRated()).isEmpty();
        assertThat(themes.reason()).contains("0 low-rated", "2 high-rated");
        // categorical (no value) comments still count in the common terms
        assertThat(themes.common()).singleElement().satisfies(t -> assertThat(t.comments()).isEqualTo(3));
        assertThat(FeedbackThemes.of(List.of(), 2, 4, 10).common()).isEmpty();
    }

    @Test
    void thresholdsAndLimitAreChecked() {
        assertThatThrownBy(() -> FeedbackThemes.of(List.of(), 4, 4, 10)).hasMessageContaining("low_max");
        assertThatThrownBy(() -> FeedbackThemes.of(List.of(), 1, 4, 0)).hasMessageContaining("limit");
    }
}
