package dev.sextant.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.Usage;
import org.junit.jupiter.api.Test;

class TokenEstimatorTest {

    private final TokenEstimator estimator = TokenEstimator.shared();

    @Test
    void countsTokensWithO200kBase() {
        assertThat(estimator.count("Hello world")).isEqualTo(2);
        assertThat(estimator.count("")).isZero();
        assertThat(estimator.count(null)).isZero();
    }

    @Test
    void specialTokenTextIsCountedAsOrdinaryText() {
        assertThat(estimator.count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void estimateMarksUsageAsEstimated() {
        Usage usage = estimator.estimate("Where is my order?", "It ships tomorrow.");
        assertThat(usage.estimated()).isTrue();
        assertThat(usage.inputTokens()).isPositive();
        assertThat(usage.outputTokens()).isPositive();
        assertThat(usage.cacheReadTokens() + usage.cacheWriteTokens() + usage.reasoningTokens()).isZero();
    }
}
