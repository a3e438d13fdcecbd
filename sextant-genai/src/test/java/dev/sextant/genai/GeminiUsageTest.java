package dev.sextant.genai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import org.junit.jupiter.api.Test;

/** Gemini's counts (usageMetadata as the API sends it) into Sextant's, per INGEST-FACTS.md. */
class GeminiUsageTest {

    private static GeminiUsage of(String usageMetadataJson) {
        return GeminiUsage.of(GenerateContentResponseUsageMetadata.fromJson(usageMetadataJson));
    }

    @Test
    void cachedTokensStayInsideInputAndThoughtsAreAddedToOutput() {
        GeminiUsage usage = of("""
                {"promptTokenCount": 10000, "cachedContentTokenCount": 4000, "candidatesTokenCount": 1000,
                 "thoughtsTokenCount": 2000, "totalTokenCount": 13000}""");
        assertThat(usage).isEqualTo(new GeminiUsage(10_000, 3_000, 4_000, 2_000));
    }

    @Test
    void aPlainFlashCallHasNoCacheAndNoReasoning() {
        assertThat(of("""
                {"promptTokenCount": 12, "candidatesTokenCount": 30, "totalTokenCount": 42}"""))
                .isEqualTo(new GeminiUsage(12, 30, 0, 0));
    }

    @Test
    void toolUsePromptTokensAreInput() {
        assertThat(of("""
                {"promptTokenCount": 100, "toolUsePromptTokenCount": 50, "candidatesTokenCount": 10,
                 "totalTokenCount": 160}"""))
                .isEqualTo(new GeminiUsage(150, 10, 0, 0));
    }

    @Test
    void missingCountsAreZero() {
        assertThat(of("{}")).isEqualTo(new GeminiUsage(0, 0, 0, 0));
    }

    @Test
    void aResponseWithoutUsageHasNone() {
        assertThat(GeminiUsage.of(GenerateContentResponse.fromJson("{\"candidates\": []}"))).isEmpty();
        assertThat(GeminiUsage.of((GenerateContentResponse) null)).isEmpty();
    }

    @Test
    void negativeCountsAreRefusedWithTheirValues() {
        assertThatThrownBy(() -> new GeminiUsage(-1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token counts must not be negative, were input -1, output 0, cache read 0, reasoning 0");
    }
}
