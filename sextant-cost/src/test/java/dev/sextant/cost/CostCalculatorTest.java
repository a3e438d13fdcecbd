package dev.sextant.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.ModelPrice;
import dev.sextant.model.Usage;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dollar figures checked against hand arithmetic (tokens × USD per 1M ÷ 1,000,000). */
class CostCalculatorTest {

    private static final PriceCatalog CATALOG = PriceCatalog.shipped();

    private static BigDecimal cost(String model, String day, Usage usage) {
        ModelPrice price = CATALOG.find(model, LocalDate.parse(day), CostCalculator.promptTokens(usage)).orElseThrow();
        return CostCalculator.cost(usage, price);
    }

    @Test
    void flashUpTo128kUsesTheBaseTier() {
        // 1,000 × 0.075 + 500 × 0.30 = 75 + 150 = 225 → $0.000225
        assertThat(cost("gemini-1.5-flash", "2026-11-01", Usage.of(1_000, 500)))
                .isEqualByComparingTo("0.000225");
    }

    @Test
    void flashAbove128kUsesTheLongContextTier() {
        // 200,000 × 0.15 + 1,000 × 0.60 = 30,000 + 600 = 30,600 → $0.0306
        assertThat(cost("gemini-1.5-flash", "2026-11-01", Usage.of(200_000, 1_000)))
                .isEqualByComparingTo("0.0306");
    }

    @Test
    void tierBoundaryIsExclusive() {
        // exactly 128,000 prompt tokens is still the base tier: 128,000 × 0.075 = 9,600 → $0.0096
        assertThat(cost("gemini-1.5-flash", "2026-11-01", Usage.of(128_000, 0))).isEqualByComparingTo("0.0096");
        // 128,001 exceeds it: 128,001 × 0.15 = 19,200.15 → $0.01920015
        assertThat(cost("gemini-1.5-flash", "2026-11-01", Usage.of(128_001, 0))).isEqualByComparingTo("0.01920015");
    }

    @Test
    void proAfterTheOctober2024CutInBothTiers() {
        // 10,000 × 1.25 + 2,000 × 5.00 = 12,500 + 10,000 = 22,500 → $0.0225
        assertThat(cost("gemini-1.5-pro", "2024-10-01", Usage.of(10_000, 2_000))).isEqualByComparingTo("0.0225");
        // 150,000 × 2.50 + 1,000 × 10.00 = 375,000 + 10,000 = 385,000 → $0.385
        assertThat(cost("gemini-1.5-pro", "2024-11-15", Usage.of(150_000, 1_000))).isEqualByComparingTo("0.385");
    }

    @Test
    void proBeforeTheOctober2024CutInBothTiers() {
        // 10,000 × 3.50 + 2,000 × 10.50 = 35,000 + 21,000 = 56,000 → $0.056
        assertThat(cost("gemini-1.5-pro", "2024-09-30", Usage.of(10_000, 2_000))).isEqualByComparingTo("0.056");
        // 150,000 × 7.00 + 1,000 × 21.00 = 1,050,000 + 21,000 = 1,071,000 → $1.071
        assertThat(cost("gemini-1.5-pro", "2024-09-30", Usage.of(150_000, 1_000))).isEqualByComparingTo("1.071");
    }

    @Test
    void openAiCachedTokensArePricedOnceAtTheCachedPrice() {
        // prompt 10,000 of which 4,000 cached; completion 1,000:
        // 6,000 × 2.50 + 4,000 × 1.25 + 1,000 × 10.00 = 15,000 + 5,000 + 10,000 = 30,000 → $0.03
        Usage usage = ProviderUsage.openAi(10_000, 1_000, 4_000, 0);
        assertThat(cost("openai/gpt-4o-2024-08-06", "2024-12-01", usage)).isEqualByComparingTo("0.03");
    }

    @Test
    void reasoningTokensArePricedOnceInsideTheOutput() {
        // o3: prompt 2,000; completion 5,000 of which 4,000 reasoning:
        // 2,000 × 2 + 1,000 × 8 + 4,000 × 8 = 4,000 + 8,000 + 32,000 = 44,000 → $0.044
        Usage usage = ProviderUsage.openAi(2_000, 5_000, 0, 4_000);
        assertThat(cost("o3", "2025-07-01", usage)).isEqualByComparingTo("0.044");
    }

    @Test
    void anthropicCacheReadsAndWritesAreConvertedAndPricedOnce() {
        // Anthropic input_tokens 100 EXCLUDE cache_read 20,000 and cache_creation 5,000; output 700:
        // 100 × 3 + 20,000 × 0.30 + 5,000 × 3.75 + 700 × 15 = 300 + 6,000 + 18,750 + 10,500 = 35,550 → $0.03555
        Usage usage = ProviderUsage.anthropic(100, 700, 20_000, 5_000);
        assertThat(usage.inputTokens()).isEqualTo(25_100);
        assertThat(cost("anthropic/claude-3-5-sonnet-20241022", "2025-01-15", usage)).isEqualByComparingTo("0.03555");
    }

    @Test
    void geminiThoughtsAreAddedToOutputAndCachedContentIsASubset() {
        // promptTokenCount 1,000 incl. 400 cached; candidates 200 + thoughts 300:
        // 600 × 0.30 + 400 × 0.03 + 200 × 2.50 + 300 × 2.50 = 180 + 12 + 500 + 750 = 1,442 → $0.001442
        Usage usage = ProviderUsage.gemini(1_000, 200, 400, 300);
        assertThat(cost("gemini-2.5-flash", "2025-08-01", usage)).isEqualByComparingTo("0.001442");
    }

    @Test
    void gemini25ProLongContextTierStartsAbove200k() {
        // 200,000 × 1.25 + 1,000 × 10 = 250,000 + 10,000 → $0.26
        assertThat(cost("gemini-2.5-pro", "2025-08-01", Usage.of(200_000, 1_000))).isEqualByComparingTo("0.26");
        // 200,001 × 2.50 + 1,000 × 15 = 500,002.5 + 15,000 = 515,002.5 → $0.5150025
        assertThat(cost("gemini-2.5-pro", "2025-08-01", Usage.of(200_001, 1_000))).isEqualByComparingTo("0.5150025");
    }

    @Test
    void arithmeticIsExact() {
        // 3 × 0.075 = 0.225 → $0.000000225, no rounding to cents or floats
        assertThat(cost("gemini-1.5-flash", "2026-11-01", Usage.of(3, 0))).isEqualByComparingTo("0.000000225");
    }
}
