package dev.sextant.langchain4j;

import dev.langchain4j.model.output.TokenUsage;

/**
 * A call's token counts in Sextant's terms (input includes cached tokens, output includes
 * reasoning). LangChain4j's {@link TokenUsage} has only input and output; a provider's subclass
 * may say more, and is read only when the application has that provider's module (the class
 * that names it is loaded only then).
 */
record CallUsage(long input, long output, long cacheRead, long cacheWrite, long reasoning) {
    private static final String OPEN_AI_USAGE = "dev.langchain4j.model.openai.OpenAiTokenUsage";
    private static final String ANTHROPIC_USAGE = "dev.langchain4j.model.anthropic.AnthropicTokenUsage";
    private static final String GEMINI_USAGE = "dev.langchain4j.model.googleai.GoogleAiGeminiTokenUsage";

    static CallUsage of(TokenUsage usage) {
        String type = usage.getClass().getName();
        if (OPEN_AI_USAGE.equals(type)) {
            return OpenAiCallUsage.of(usage);
        }
        if (ANTHROPIC_USAGE.equals(type)) {
            return AnthropicCallUsage.of(usage);
        }
        if (GEMINI_USAGE.equals(type)) {
            return GeminiCallUsage.of(usage);
        }
        return new CallUsage(count(usage.inputTokenCount()), count(usage.outputTokenCount()), 0, 0, 0);
    }

    static long count(Integer count) {
        return count == null ? 0 : Math.max(0, count);
    }
}
