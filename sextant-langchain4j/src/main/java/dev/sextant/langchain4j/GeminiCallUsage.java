package dev.sextant.langchain4j;

import dev.langchain4j.model.googleai.GoogleAiGeminiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Gemini's usage through LangChain4j: input is {@code promptTokenCount} (cached tokens already
 * inside), output is {@code candidatesTokenCount}, which EXCLUDES {@code thoughtsTokenCount};
 * thoughts are billed at the output price, so they are added to output (left out, a thinking
 * model's reasoning would go unbilled) and passed on as reasoning. Loaded only when the
 * response's usage is a {@link GoogleAiGeminiTokenUsage}.
 */
final class GeminiCallUsage {
    private GeminiCallUsage() {
    }

    static CallUsage of(TokenUsage usage) {
        GoogleAiGeminiTokenUsage gemini = (GoogleAiGeminiTokenUsage) usage;
        long thoughts = CallUsage.count(gemini.thoughtsTokenCount());
        return new CallUsage(CallUsage.count(usage.inputTokenCount()), CallUsage.count(usage.outputTokenCount()) + thoughts,
                CallUsage.count(gemini.cachedContentTokenCount()), 0, thoughts);
    }
}
