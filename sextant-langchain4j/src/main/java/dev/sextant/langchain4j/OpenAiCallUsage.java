package dev.sextant.langchain4j;

import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;

/**
 * OpenAI's usage through LangChain4j: {@code prompt_tokens} already include
 * {@code cached_tokens} and {@code completion_tokens} include {@code reasoning_tokens} (the
 * same convention as Sextant's), so the subsets are passed on as they are. Loaded only when the
 * response's usage is an {@link OpenAiTokenUsage}.
 */
final class OpenAiCallUsage {
    private OpenAiCallUsage() {
    }

    static CallUsage of(TokenUsage usage) {
        OpenAiTokenUsage openAi = (OpenAiTokenUsage) usage;
        long cached = openAi.inputTokensDetails() == null ? 0 : CallUsage.count(openAi.inputTokensDetails().cachedTokens());
        long reasoning = openAi.outputTokensDetails() == null ? 0
                : CallUsage.count(openAi.outputTokensDetails().reasoningTokens());
        return new CallUsage(CallUsage.count(usage.inputTokenCount()), CallUsage.count(usage.outputTokenCount()), cached, 0,
                reasoning);
    }
}
