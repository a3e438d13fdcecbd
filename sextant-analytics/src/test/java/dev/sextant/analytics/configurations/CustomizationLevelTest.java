package dev.sextant.analytics.configurations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CustomizationLevelTest {

    @ParameterizedTest(name = "{0} parameters and {1} steps: {2}")
    @CsvSource({"0, 0, MINIMAL", "2, 0, MINIMAL", "3, 0, MODERATE", "0, 1, MODERATE", "5, 2, MODERATE",
            "6, 0, EXTENSIVE", "0, 3, EXTENSIVE"})
    void thresholds(int parameters, int steps, CustomizationLevel level) {
        assertThat(CustomizationLevel.of(parameters, steps)).isEqualTo(level);
    }

    @Test
    void changedParametersAreAddedRemovedOrDifferent() {
        Map<String, Object> parent = Map.of("temperature", 0.7, "max_tokens", 512, "tone", "formal");
        Map<String, Object> child = Map.of("temperature", 0.2, "max_tokens", 512, "model", "gpt-4o");
        assertThat(CustomizationLevel.changedParameters(parent, child)).containsExactly("model", "temperature", "tone");
    }

    @Test
    void anEditedStepCountsOnceAndReorderingNotAtAll() {
        assertThat(CustomizationLevel.changedSteps(List.of("a", "b", "c"), List.of("c", "b", "a"))).isZero();
        assertThat(CustomizationLevel.changedSteps(List.of("a", "b", "c"), List.of("a", "b2", "c"))).isEqualTo(1);
        assertThat(CustomizationLevel.changedSteps(List.of("a"), List.of("a", "x", "y"))).isEqualTo(2);
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> CustomizationLevel.of(-1, 0)).hasMessage("changed counts must not be negative, were -1 and 0");
    }
}
