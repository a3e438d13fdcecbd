package dev.sextant.server.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PromptPerformanceTest {

    @ParameterizedTest(name = "success {0}, rating {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "0.95, 4.6, high_performing",
            "0.95, 4.5, good_performing",
            "0.9, 4.6, good_performing",
            "0.76, 4.1, good_performing",
            "0.75, 4.1, acceptable",
            "0.95, 4.0, acceptable",
            "0.61, 1.0, acceptable",
            "0.6, 5.0, needs_improvement",
            "1.0, null, acceptable",
            "0.5, null, needs_improvement"})
    void categoriesFollowTheIssue(double success, Double rating, String category) {
        assertThat(PromptPerformance.category(success, rating)).isEqualTo(category);
    }

    @Test
    void qualityWeighsSuccessAndRating() {
        PromptPerformance p = PromptPerformance.of(10, 8, 4.0);
        assertThat(p.qualityScore()).isCloseTo(0.6 * 0.8 + 0.4 * 0.8, within(1e-12));
        assertThat(p.qualityBasis()).isEqualTo("success_rate_and_rating");
        PromptPerformance unrated = PromptPerformance.of(4, 3, null);
        assertThat(unrated.qualityScore()).isEqualTo(0.75);
        assertThat(unrated.qualityBasis()).isEqualTo("success_rate");
        assertThat(unrated.category()).isEqualTo("acceptable");
        assertThat(PromptPerformance.of(0, 0, null)).isEqualTo(new PromptPerformance(null, null, null));
    }
}
